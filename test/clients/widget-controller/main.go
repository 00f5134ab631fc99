// Command widget-controller reconciles Widgets (crd.yaml) in the cluster its KUBECONFIG names,
// logging what its informer and reconciler see as JSON lines on stdout. Its cache is
// cluster-wide: a cache limited to namespaces wraps each informer, which then no longer reports
// its last resourceVersion (the test reads bookmarks through it).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"
)

func main() {
	flag.Parse()
	ctrl.SetLogger(zap.New(zap.WriteTo(os.Stderr)))
	if err := run(ctrl.SetupSignalHandler()); err != nil {
		fmt.Fprintf(os.Stderr, "widget-controller: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	scheme := runtime.NewScheme()
	if err := clientgoscheme.AddToScheme(scheme); err != nil {
		return err
	}
	if err := addWidgetTypes(scheme); err != nil {
		return err
	}
	config, err := ctrl.GetConfig()
	if err != nil {
		return err
	}
	mgr, err := ctrl.NewManager(config, ctrl.Options{
		Scheme:                 scheme,
		Metrics:                metricsserver.Options{BindAddress: "0"},
		HealthProbeBindAddress: "0",
	})
	if err != nil {
		return err
	}
	log := newEventLog(os.Stdout)
	reconciler := &widgetReconciler{client: mgr.GetClient(), scheme: scheme, log: log}
	if err := ctrl.NewControllerManagedBy(mgr).For(&Widget{}).Owns(&corev1.ConfigMap{}).Complete(reconciler); err != nil {
		return err
	}
	informer, err := mgr.GetCache().GetInformer(ctx, &Widget{})
	if err != nil {
		return err
	}
	if _, err := informer.AddEventHandler(log.watchHandler()); err != nil {
		return err
	}
	go reportProgress(ctx, mgr.GetCache(), informer, log)
	return mgr.Start(ctx)
}

// reportProgress logs "synced" once the cache is filled, then the Widget informer's last synced
// resourceVersion whenever it moves: bookmarks move it without any event.
func reportProgress(ctx context.Context, c cache.Cache, informer cache.Informer, log *eventLog) {
	if !c.WaitForCacheSync(ctx) {
		return
	}
	log.write(entry{Kind: "synced"})
	synced, ok := informer.(interface{ LastSyncResourceVersion() string })
	if !ok {
		log.write(entry{Kind: "error", Error: "the Widget informer does not report its resourceVersion"})
		return
	}
	last := ""
	for {
		if rv := synced.LastSyncResourceVersion(); rv != last {
			last = rv
			log.write(entry{Kind: "progress", ResourceVersion: rv})
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}
