//go:build !provisioner_v13

package main

// The external-provisioner library of the 1.32 build: v10 is the major built against client-go
// v0.31, the nearest to 1.32. Builds of later releases pass -tags provisioner_v13 (library_v13.go).
// What differs between the majors is bridged here, so main.go is the same for both.
import (
	"k8s.io/client-go/kubernetes"
	"k8s.io/klog/v2"
	controller "sigs.k8s.io/sig-storage-lib-external-provisioner/v10/controller"
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
	if options.SelectedNode == nil {
		return ""
	}
	return options.SelectedNode.Name
}

func newProvisionController(logger klog.Logger, client kubernetes.Interface, name string, p controller.Provisioner, options ...func(*controller.ProvisionController) error) *controller.ProvisionController {
	return controller.NewProvisionController(logger, client, name, p, options...)
}
