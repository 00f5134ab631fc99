//go:build tools

// Keeps the commands we build in the module graph for `go mod tidy` (kubectl too: it is built on
// demand, src/drivers/kubectl-binary.ts). Tidy reads every build tag's files, so a release's go.mod
// lists both provisioner majors (library_v10.go, library_v13.go); it builds only its own. The 1.32
// go.mod predates kubectl here and is not re-tidied: that would pull v13's newer graph into it.
package tools

import (
	_ "go.etcd.io/etcd/server/v3/etcdmain"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "sigs.k8s.io/sig-storage-lib-external-provisioner/v10/controller"
)
