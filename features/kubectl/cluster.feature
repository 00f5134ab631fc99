@kubectl
Feature: The cluster as kubectl shows it
  Discovery, nodes and the cluster's add-ons through the real kubectl.

  Background:
    Given a cluster with 2 worker nodes

  @portable @C001-025 @C002-001
  Scenario: api-resources lists the served kinds with short names, group and scope; api-versions the group versions
    Then "kubectl api-resources" prints:
      """
      NAME                                SHORTNAMES   APIVERSION                        NAMESPACED   KIND
      """
    And "kubectl api-resources --api-group=apps" prints:
      """
      controllerrevisions                apps/v1   true   ControllerRevision
      daemonsets                ds       apps/v1   true   DaemonSet
      deployments               deploy   apps/v1   true   Deployment
      replicasets               rs       apps/v1   true   ReplicaSet
      statefulsets              sts      apps/v1   true   StatefulSet
      """
    And "kubectl api-resources --namespaced=false -o name" prints:
      """
      nodes
      persistentvolumes
      """
    And "kubectl api-versions" prints:
      """
      apps/v1
      batch/v1
      v1
      """

  # The VERSION column is the kubelet's release: this expects Kubernetes 1.37's (whose
  # KERNEL-VERSION also names the architecture, as from 1.36).
  @sim-only @C001-049 @C001-052 @C001-016 @kubernetes-1.37
  Scenario: kubectl get nodes shows each node Ready with its version and container runtime
    Then "kubectl get nodes -o wide" prints:
      """
      NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION           CONTAINER-RUNTIME
      control-plane   Ready    control-plane   *     v1.37.2   *             <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-kubespec (amd64)   containerd://1.7.24
      worker-1        Ready    <none>          *     v1.37.2   *             <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-kubespec (amd64)   containerd://1.7.24
      """
    And Node "worker-1" matches:
      """yaml
      status:
        capacity: {cpu: "4", memory: 16Gi, pods: "110"}
        allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
        conditions:
          - {type: Ready, status: "True", reason: KubeletReady}
          - {type: MemoryPressure, status: "False"}
      """
    And "kubectl describe node worker-1" prints:
      """
      Conditions:
      Capacity:
      Allocatable:
      Allocated resources:
      """

  @portable @C001-026 @C002-111
  Scenario: cluster-info names the control plane and CoreDNS; kube-dns serves DNS on 53 over UDP and TCP
    Then "kubectl cluster-info" prints a line matching "Kubernetes control plane is running at https://\S+"
    And "kubectl cluster-info" prints a line matching "CoreDNS is running at https://\S+/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy"
    And "kubectl get service kube-dns --namespace kube-system" prints:
      """
      NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
      kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   *
      """

  @portable @C001-062
  Scenario: kubectl top needs the metrics API
    Then "kubectl top nodes" fails with "Metrics API not available"

  @sim-only @C002-030
  Scenario: kubectl get pods -o wide shows the node and the pod IP
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        nodeName: worker-2
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And pod "web" is Running within 1 minute
    Then "kubectl get pod web -o wide" prints:
      """
      NAME   READY   STATUS    RESTARTS   AGE   IP   NODE       NOMINATED NODE   READINESS GATES
      web    1/1     Running   0          *     *    worker-2   <none>           <none>
      """

  @portable @C001-051 @C001-050
  Scenario: kube-proxy reads its mode from the kube-proxy ConfigMap in kube-system, and kind runs iptables
    Then "kubectl get configmap kube-proxy --namespace kube-system -o yaml" prints "    mode: iptables"
    And "kubectl get configmap kube-proxy --namespace kube-system -o yaml" prints "    kind: KubeProxyConfiguration"
    And "kubectl get configmap kube-proxy-config --namespace kube-system" fails with "not found"
