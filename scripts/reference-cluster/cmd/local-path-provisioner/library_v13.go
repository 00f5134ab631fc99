//go:build provisioner_v13

package main

// The external-provisioner library of the builds of 1.37 (-tags provisioner_v13): v13.1.0 is
// built against client-go v0.37.0. Since v11 the options carry the selected node's name only and
// the controller takes a context (carrying the logger); bridged here, so main.go is the same.
import (
	"context"

	"k8s.io/client-go/kubernetes"
	"k8s.io/klog/v2"
	controller "sigs.k8s.io/sig-storage-lib-external-provisioner/v13/controller"
)

type (
	provisionOptions  = controller.ProvisionOptions
	provisioningState = controller.ProvisioningState
	ignoredError      = controller.IgnoredError
)

const provisioningFinished = controller.ProvisioningFinished

var leaderElection = controller.LeaderElection

// selectedNodeName is the node the scheduler picked for the claim, "" when none was.
func selectedNodeName(options provisionOptions) string {
	return options.SelectedNodeName
}

func newProvisionController(logger klog.Logger, client kubernetes.Interface, name string, p controller.Provisioner, options ...func(*controller.ProvisionController) error) *controller.ProvisionController {
	return controller.NewProvisionController(klog.NewContext(context.Background(), logger), client, name, p, options...)
}
