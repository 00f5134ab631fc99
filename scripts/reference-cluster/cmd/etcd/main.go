// etcd built from the same module graph as the apiserver (go install of etcd's own module is
// refused because its go.mod has replace directives).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
