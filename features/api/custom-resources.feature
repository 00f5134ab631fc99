@api @portable
Feature: Custom resources: a kind exists once its CustomResourceDefinition does
  Add-ons (Cilium, Istio, cert-manager, the VPA, volume snapshots) bring their kinds as
  CustomResourceDefinitions. Until the CRD is installed the API server refuses their objects
  with "no matches for kind"; once it is established they are stored, pruned of unknown fields,
  defaulted and validated by the CRD's schema in the API server's words; deleting the CRD
  deletes its objects (reference/api-machinery.md §1).

  Background:
    Given a cluster with 1 worker node

  Scenario Outline: <kind> is refused until its CRD is installed, then accepted
    Then the following manifest is rejected with "no matches for kind \"<kind>\" in version \"<group>/<version>\"":
      """yaml
      apiVersion: <group>/<version>
      kind: <kind>
      metadata: {name: example}
      spec: {}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: <plural>.<group>
        annotations: {api-approved.kubernetes.io: "https://github.com/kubernetes/kubernetes/pull/63797"}
      spec:
        group: <group>
        scope: Namespaced
        names: {plural: <plural>, kind: <kind>}
        versions:
        - name: <version>
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """
    Then CustomResourceDefinition "<plural>.<group>" matches within 30s:
      """yaml
      status:
        conditions:
        - {type: NamesAccepted, status: "True"}
        - {type: Established, status: "True"}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: <group>/<version>
      kind: <kind>
      metadata: {name: example}
      spec: {<field>}
      """
    Then <kind> "example" matches:
      """yaml
      spec: {<field>}
      """

    @C001-313
    Examples: the Vertical Pod Autoscaler
      | kind                    | group              | version | plural                   | field                                |
      | VerticalPodAutoscaler   | autoscaling.k8s.io | v1      | verticalpodautoscalers   | updatePolicy: {updateMode: "Off"}    |

    @C001-227
    Examples: Cilium
      | kind                    | group              | version | plural                   | field                                |
      | CiliumNetworkPolicy     | cilium.io          | v2      | ciliumnetworkpolicies    | endpointSelector: {}                 |

    @C001-298
    Examples: Istio
      | kind                    | group                | version | plural                 | field                              |
      | VirtualService          | networking.istio.io  | v1      | virtualservices        | hosts: [reviews]                   |
      | DestinationRule         | networking.istio.io  | v1      | destinationrules       | host: reviews                      |

    Examples: volume snapshots
      | kind                    | group                  | version | plural             | field                                         |
      | VolumeSnapshot          | snapshot.storage.k8s.io | v1     | volumesnapshots    | volumeSnapshotClassName: csi-snapclass        |

    @C002-214
    Examples: cert-manager
      | kind                    | group              | version | plural                   | field                                |
      | Issuer                  | cert-manager.io    | v1      | issuers                  | selfSigned: {}                       |

  Scenario: the schema fills in defaults and refuses invalid values in the API server's words
    Given the following manifest is applied:
      """yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: crontabs.stable.example.com}
      spec:
        group: stable.example.com
        scope: Namespaced
        names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
        versions:
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  required: [image]
                  properties:
                    cronSpec: {type: string, pattern: '^(\d+|\*)(/\d+)?(\s+(\d+|\*)(/\d+)?){4}$'}
                    image: {type: string}
                    replicas: {type: integer, minimum: 1, maximum: 10, default: 1}
                    policy: {type: string, enum: [Allow, Forbid]}
      """
    And CustomResourceDefinition "crontabs.stable.example.com" matches within 30s:
      """yaml
      status:
        conditions:
        - {type: Established, status: "True"}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: nightly}
      spec: {cronSpec: "0 3 * * *", image: backup:1.0}
      """
    Then CronTab "nightly" matches:
      """yaml
      spec: {cronSpec: "0 3 * * *", image: backup:1.0, replicas: 1}
      """
    And the following manifest is rejected with ".spec.color: field not declared in schema":
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: colourful}
      spec: {image: backup:1.0, color: blue}
      """
    And the following manifest is rejected with "spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10":
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: too-many}
      spec: {cronSpec: "* * * * *", image: backup:1.0, replicas: 15}
      """
    And the following manifest is rejected with "spec.cronSpec: Invalid value: \"* * * *\": spec.cronSpec in body should match":
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: bad-schedule}
      spec: {cronSpec: "* * * *", image: backup:1.0}
      """
    And the following manifest is rejected with "spec.image: Required value":
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: no-image}
      spec: {cronSpec: "* * * * *"}
      """
    And the following manifest is rejected with "spec.policy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\"":
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: odd-policy}
      spec: {image: backup:1.0, policy: Sometimes}
      """
    And the following manifest is rejected with ".spec.replicas: expected numeric (int or float), got string":
      """yaml
      apiVersion: stable.example.com/v1
      kind: CronTab
      metadata: {name: wordy}
      spec: {image: backup:1.0, replicas: three}
      """

  Scenario: deleting the CRD deletes every object of its kind, and the kind is gone
    Given the following manifest is applied:
      """yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, kind: Widget}
        versions:
        - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
      """
    And CustomResourceDefinition "widgets.example.com" matches within 30s:
      """yaml
      status:
        conditions:
        - {type: Established, status: "True"}
      """
    And the following manifest is applied:
      """yaml
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      size: 3
      """
    When CustomResourceDefinition "widgets.example.com" is deleted
    Then CustomResourceDefinition "widgets.example.com" does not exist within 1 minute
    And the following manifest is rejected with "no matches for kind \"Widget\" in version \"example.com/v1\"":
      """yaml
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      """

  Scenario: a CRD whose name is not <plural>.<group> is refused
    Then the following manifest is rejected with "metadata.name: Invalid value: \"gadgets\": must be spec.names.plural+\".\"+spec.group":
      """yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gadgets}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: gadgets, kind: Gadget}
        versions:
        - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
      """

  Scenario: a CRD in a group of the Kubernetes project needs the API approval annotation
    Then the following manifest is rejected with "metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation":
      """yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gadgets.tools.k8s.io}
      spec:
        group: tools.k8s.io
        scope: Namespaced
        names: {plural: gadgets, kind: Gadget}
        versions:
        - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
      """
