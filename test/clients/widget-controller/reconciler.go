package main

import (
	"context"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// widgetReconciler keeps one ConfigMap per Widget ("widget-<name>", owned by it, holding the
// spec's message and the generation it came from) and records that generation in the Widget's
// status. It reads through the manager's cache and writes with the resourceVersion it read, so
// a stale read ends in 409 Conflict: the error is returned and controller-runtime retries the
// key with backoff, after the cache has caught up.
type widgetReconciler struct {
	client client.Client
	scheme *runtime.Scheme
	log    *eventLog
}

func (r *widgetReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var w Widget
	if err := r.client.Get(ctx, req.NamespacedName, &w); err != nil {
		// Gone: its ConfigMap is the garbage collector's, through the owner reference.
		return reconcile.Result{}, client.IgnoreNotFound(err)
	}
	if !w.DeletionTimestamp.IsZero() {
		return reconcile.Result{}, nil
	}
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "widget-" + w.Name, Namespace: w.Namespace}}
	if _, err := controllerutil.CreateOrUpdate(ctx, r.client, cm, func() error {
		cm.Data = map[string]string{"message": w.Spec.Message, "generation": strconv.FormatInt(w.Generation, 10)}
		return controllerutil.SetControllerReference(&w, cm, r.scheme)
	}); err != nil {
		r.log.write(entry{Kind: "error", Name: w.Name, Error: err.Error()})
		return reconcile.Result{}, err
	}
	if w.Status.ObservedGeneration == w.Generation && w.Status.ConfigMap == cm.Name {
		return reconcile.Result{}, nil
	}
	read := w.ResourceVersion
	w.Status.ObservedGeneration = w.Generation
	w.Status.ConfigMap = cm.Name
	if err := r.client.Status().Update(ctx, &w); err != nil {
		kind := "error"
		if apierrors.IsConflict(err) {
			kind = "conflict"
		}
		r.log.write(entry{Kind: kind, Name: w.Name, ResourceVersion: read, Error: err.Error()})
		return reconcile.Result{}, err
	}
	r.log.write(entry{Kind: "reconciled", Name: w.Name, Generation: w.Generation, ResourceVersion: w.ResourceVersion})
	return reconcile.Result{}, nil
}
