@nodes @networking
Feature: Nodes need a CNI plugin to be Ready
  The kubelet reports Ready only when the container runtime's network is ready, which needs a
  CNI plugin (kind installs kindnet; with disableDefaultCNI there is none). Until then the nodes
  are NotReady with the runtime's message, carry the not-ready taint, and a pod that tolerates
  it still gets no sandbox and no IP, only NetworkNotReady events; hostNetwork pods need no CNI.

  @sim-only @C001-063
  Scenario: without a CNI plugin nodes stay NotReady and pods get no IP until one is installed
    Given the cluster's network plugin is "none"
    And a cluster with 1 worker node
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: web, image: nginx:1.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: tolerant}
      spec:
        nodeName: worker-1
        tolerations: [{operator: Exists}]
        containers: [{name: web, image: nginx:1.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: host-net}
      spec:
        nodeName: worker-1
        hostNetwork: true
        tolerations: [{operator: Exists}]
        containers: [{name: web, image: nginx:1.27}]
      """
    Then Node "worker-1" matches within 1 minute:
      """yaml
      spec:
        taints:
          - {key: node.kubernetes.io/not-ready, effect: NoSchedule}
      status:
        conditions:
          - type: Ready
            status: "False"
            reason: KubeletNotReady
            message: "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"
      """
    And pod "web" has a FailedScheduling event saying "untolerated taint"
    And pod "tolerant" has a NetworkNotReady event saying "network is not ready: container runtime network not ready" within 1 minute
    And "kubectl get pod tolerant -o wide" prints:
      """
      NAME       READY   STATUS              RESTARTS   AGE   IP       NODE       NOMINATED NODE   READINESS GATES
      tolerant   0/1     ContainerCreating   0          *     <none>   worker-1   <none>           <none>
      """
    And pod "host-net" is Running within 1 minute
    When the cluster's network plugin is "kindnet"
    Then pod "tolerant" is Running within 1 minute
    And pod "web" is Running within 2 minutes
