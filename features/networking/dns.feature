@networking @dns
Feature: Cluster DNS names
  CoreDNS's answers, worked out from Services and EndpointSlices as its kubernetes plugin does,
  searched like a pod's resolv.conf (search <ns>.svc.cluster.local svc.cluster.local
  cluster.local, ndots 5): Services by name, headless Services by their ready pods, StatefulSet
  pods by hostname under their governing Service, ExternalName as a CNAME, pods by dashed IP.

  Background:
    Given a cluster with 2 worker nodes

  @portable @C001-056 @C002-106 @C002-107 @C003-082 @C004-109 @C001-058
  Scenario: a Service answers to its short name here and to its namespaced names everywhere
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: logging-${namespace}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: elasticsearch, namespace: logging-${namespace}}
      spec:
        selector: {app: elasticsearch}
        ports: [{port: 9200}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ex-svc}
      spec:
        selector: {run: ex-nginx}
        ports: [{port: 8080, targetPort: 80}]
      """
    Then the name "ex-svc" resolves to the cluster IP of service "ex-svc"
    And the name "ex-svc.${namespace}" resolves to the cluster IP of service "ex-svc"
    And the name "ex-svc.${namespace}.svc" resolves to the cluster IP of service "ex-svc"
    And the name "ex-svc.${namespace}.svc.cluster.local" resolves to the cluster IP of service "ex-svc"
    And the name "elasticsearch" does not resolve
    And the name "elasticsearch.logging-${namespace}" resolves to the cluster IP of service "elasticsearch" in namespace "logging-${namespace}"
    And the name "elasticsearch.logging-${namespace}.svc.cluster.local" resolves to the cluster IP of service "elasticsearch" in namespace "logging-${namespace}"
    And the name "kubernetes.default" resolves to the cluster IP of service "kubernetes" in namespace "default"

  @portable @C000-037 @C000-038 @C000-076 @C001-154 @C001-188 @C004-034
  Scenario: a headless Service answers with its ready pods, and each StatefulSet pod with its own name
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-headless}
      spec:
        clusterIP: None
        selector: {app: web}
        ports: [{port: 80}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        serviceName: web-headless
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]
      """
    Then StatefulSet "web" has 2 ready replicas within 2 minutes
    And pod "web-0" matches:
      """yaml
      spec: {hostname: web-0, subdomain: web-headless}
      """
    And the name "web-headless" resolves to the IPs of pods "web-0, web-1"
    And the name "web-0.web-headless" resolves to the IP of pod "web-0"
    And the name "web-1.web-headless.${namespace}.svc.cluster.local" resolves to the IP of pod "web-1"
    When StatefulSet "web" is scaled to 1
    Then the name "web-headless" resolves to the IP of pod "web-0" within 1 minute
    And the name "web-1.web-headless" does not resolve

  @portable @C001-189 @C002-174
  Scenario: pod names resolve only under the Service named in serviceName, once it exists
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: mysql-headless}
      spec:
        clusterIP: None
        selector: {app: mysql}
        ports: [{port: 3306}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: mysql}
      spec:
        serviceName: mysql
        replicas: 1
        selector: {matchLabels: {app: mysql}}
        template:
          metadata: {labels: {app: mysql}}
          spec:
            containers: [{name: mysql, image: mysql:8.0, env: [{name: MYSQL_ROOT_PASSWORD, value: example}]}]
      """
    Then StatefulSet "mysql" has 1 ready replica within 2 minutes
    And the name "mysql-headless" resolves to the IP of pod "mysql-0"
    And the name "mysql-0.mysql-headless" does not resolve
    And the name "mysql-0.mysql" does not resolve
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: mysql}
      spec:
        clusterIP: None
        selector: {app: mysql}
        ports: [{port: 3306}]
      """
    Then the name "mysql-0.mysql" resolves to the IP of pod "mysql-0" within 1 minute
    And the name "mysql-0.mysql.${namespace}.svc.cluster.local" resolves to the IP of pod "mysql-0"

  @portable @C001-187 @C002-121 @C002-122
  Scenario: an ExternalName Service answers with a CNAME under every name of the Service
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: my-external-service}
      spec:
        type: ExternalName
        externalName: external.example.com
        ports: [{port: 443}]
      """
    Then the name "my-external-service" does not resolve to an address but to "external.example.com"
    And the name "my-external-service.${namespace}.svc.cluster.local" does not resolve to an address but to "external.example.com"
    And Service "my-external-service" has no field "spec.clusterIP"

  @portable @C001-057
  Scenario: pods have A records by dashed IP, not by name
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: solo}
      spec:
        containers: [{name: app, image: nginx:1.27}]
      """
    Then pod "solo" is Running within 1 minute
    And pod "solo" resolves by its dashed IP under the namespace's pod domain
    And the name "solo.${namespace}.pod.cluster.local" does not resolve

  # A pod's address comes from the CNI plugin's IPAM through the kubelet: KWOK, standing in for
  # the kubelet on the reference cluster, hands a freed address straight back.
  @portable @needs-kubelet @C002-098 @C004-039 @C002-177 @C000-035
  Scenario: a recreated pod gets a new address; the names in front of it follow
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-headless}
      spec:
        clusterIP: None
        selector: {app: web}
        ports: [{port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        serviceName: web-headless
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then StatefulSet "web" has 2 ready replicas within 2 minutes
    When pod "web-1" comes back with a new address after it is deleted
    Then pod "web-1" matches within 1 minute:
      """yaml
      spec: {hostname: web-1, subdomain: web-headless}
      """
    And the name "web-1.web-headless" resolves to the IP of pod "web-1" within 1 minute
    And the name "web" resolves to the cluster IP of service "web"
    And service "web" has 2 ready endpoints within 1 minute

  @portable @needs-kubelet @C002-110 @C002-112
  Scenario: a ClusterFirst pod asks the kube-dns Service for every name; CoreDNS forwards what is not cluster.local
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: client}
          spec:
            containers: [{name: app, image: busybox:1.36, command: ["sleep", "3600"]}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: tuned}
          spec:
            dnsPolicy: "None"
            dnsConfig:
              nameservers: [1.1.1.1]
              searches: [corp.example.com]
              options: [{name: ndots, value: "2"}, {name: edns0}]
            containers: [{name: app, image: busybox:1.36, command: ["sleep", "3600"]}]
      """
    And pod "client" is Running within 1 minute
    And pod "tuned" is Running within 1 minute
    Then "kubectl exec client -- cat /etc/resolv.conf" prints "nameserver 10.96.0.10"
    And "kubectl exec client -- cat /etc/resolv.conf" prints "search ${namespace}.svc.cluster.local svc.cluster.local cluster.local"
    And "kubectl exec client -- cat /etc/resolv.conf" prints "options ndots:5"
    And "kubectl get service kube-dns --namespace kube-system -o jsonpath={.spec.clusterIP}" prints "10.96.0.10"
    And "kubectl get configmap coredns --namespace kube-system -o yaml" prints "        forward . /etc/resolv.conf {"
    And "kubectl exec tuned -- cat /etc/resolv.conf" prints:
      """
      search corp.example.com
      nameserver 1.1.1.1
      options ndots:2 edns0
      """
