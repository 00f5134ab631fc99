// local-path-provisioner plays kind's rancher.io/local-path provisioner for the reference
// cluster: kind provisions every claim of its default `standard` class with it, and the portable
// scenarios expect that. It is built on the upstream external-provisioner library; the
// directories it makes live on this machine, since KWOK nodes have no disks of their own.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/klog/v2"
)

const provisionerName = "rancher.io/local-path"

type localPath struct{ root string }

// Provision makes the volume's directory and a PV pinned to the node the scheduler picked
// (the class binds on first consumer), as kind's provisioner does.
func (p *localPath) Provision(_ context.Context, options provisionOptions) (*v1.PersistentVolume, provisioningState, error) {
	// A node-local directory serves one node: like rancher's provisioner without a shared
	// filesystem, refuse selectors and access modes that span nodes before anything else.
	if options.PVC.Spec.Selector != nil {
		return nil, provisioningFinished, fmt.Errorf("claim.Spec.Selector is not supported")
	}
	for _, mode := range options.PVC.Spec.AccessModes {
		if mode != v1.ReadWriteOnce && mode != v1.ReadWriteOncePod {
			return nil, provisioningFinished, fmt.Errorf("NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes")
		}
	}
	if selectedNodeName(options) == "" {
		return nil, provisioningFinished, fmt.Errorf("configuration error, no node was specified")
	}
	dir := filepath.Join(p.root, fmt.Sprintf("%s_%s_%s", options.PVName, options.PVC.Namespace, options.PVC.Name))
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, provisioningFinished, err
	}
	hostPathType := v1.HostPathDirectoryOrCreate
	return &v1.PersistentVolume{
		ObjectMeta: metav1.ObjectMeta{Name: options.PVName},
		Spec: v1.PersistentVolumeSpec{
			PersistentVolumeReclaimPolicy: *options.StorageClass.ReclaimPolicy,
			AccessModes:                   options.PVC.Spec.AccessModes,
			VolumeMode:                    options.PVC.Spec.VolumeMode,
			Capacity:                      v1.ResourceList{v1.ResourceStorage: options.PVC.Spec.Resources.Requests[v1.ResourceStorage]},
			PersistentVolumeSource: v1.PersistentVolumeSource{
				HostPath: &v1.HostPathVolumeSource{Path: dir, Type: &hostPathType},
			},
			NodeAffinity: &v1.VolumeNodeAffinity{Required: &v1.NodeSelector{NodeSelectorTerms: []v1.NodeSelectorTerm{{
				MatchExpressions: []v1.NodeSelectorRequirement{{Key: "kubernetes.io/hostname", Operator: v1.NodeSelectorOpIn, Values: []string{selectedNodeName(options)}}},
			}}}},
		},
	}, provisioningFinished, nil
}

// Delete removes the directory of a released volume.
func (p *localPath) Delete(_ context.Context, pv *v1.PersistentVolume) error {
	if pv.Spec.HostPath == nil {
		return &ignoredError{Reason: "not a local-path volume"}
	}
	return os.RemoveAll(pv.Spec.HostPath.Path)
}

func main() {
	kubeconfig := flag.String("kubeconfig", "", "kubeconfig of the cluster")
	root := flag.String("root", "", "folder the volumes' directories go in")
	flag.Parse()
	config, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		klog.Fatalf("kubeconfig: %v", err)
	}
	client := kubernetes.NewForConfigOrDie(config)
	logger := klog.Background()
	pc := newProvisionController(logger, client, provisionerName, &localPath{root: *root}, leaderElection(false))
	pc.Run(context.Background())
}
