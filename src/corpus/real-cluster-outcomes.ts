/**
 * Every manifest of ../shared/corpus that a real API server of the default release (or kubectl)
 * refuses, with the reason it gives. Confirmed on the reference control plane: `kubectl apply -f`
 * of each file into a fresh namespace there refused exactly these, with these texts (an Invalid
 * error's first cause; kubectl prints them one per line): v1.32 on 2026-12-02, v1.37.2 in CI on
 * 2026-12-07, where only fc.yaml's text differed (the decoder names the embedded VolumeSource
 * from 1.35, api.decode.embeddedStructNames).
 */
export const expectedRejections = new Map<string, string>([
  ["kubernetes-examples/AI/vllm-deployment/hpa/gpu-service-monitor-generic.yaml", "no matches for kind \"ServiceMonitor\" in version \"monitoring.coreos.com/v1\""],
  ["kubernetes-examples/AI/vllm-deployment/hpa/gpu-service-monitor-gke.yaml", "no matches for kind \"ServiceMonitor\" in version \"monitoring.coreos.com/v1\""],
  ["kubernetes-examples/AI/vllm-deployment/hpa/prometheus-rule.yaml", "no matches for kind \"PrometheusRule\" in version \"monitoring.coreos.com/v1\""],
  ["kubernetes-examples/AI/vllm-deployment/hpa/vllm-service-monitor.yaml", "no matches for kind \"ServiceMonitor\" in version \"monitoring.coreos.com/v1\""],
  ["kubernetes-examples/_archived/cloud-controller-manager/persistent-volume-label-initializer-config.yaml", "no matches for kind \"InitializerConfiguration\" in version \"admissionregistration.k8s.io/v1alpha1\""],
  ["kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml", "no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\""],
  ["kubernetes-examples/_archived/newrelic/newrelic-config-template.yaml", "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"config_data\":interface {}(nil)}"],
  ["kubernetes-examples/_archived/newrelic/newrelic-config.yaml", "error: no objects passed to apply"],
  ["kubernetes-examples/_archived/newrelic-infrastructure/newrelic-config-template.yaml", "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"config_data\":interface {}(nil)}"],
  ["kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml", "no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\""],
  ["kubernetes-examples/_archived/podsecuritypolicy/rbac/policies.yaml", "no matches for kind \"PodSecurityPolicy\" in version \"policy/v1beta1\""],
  ["kubernetes-examples/_archived/storage/vitess/etcd-controller-template.yaml", "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"replicas\":interface {}(nil)}"],
  ["kubernetes-examples/_archived/storage/vitess/etcd-service-template.yaml", "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"cell\":interface {}(nil)}"],
  ["kubernetes-examples/_archived/storage/vitess/vtgate-controller-template.yaml", "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"replicas\":interface {}(nil)}"],
  ["kubernetes-examples/_archived/storage/vitess/vttablet-pod-template.yaml", "metadata.name: Invalid value: \"vttablet-{{uid}}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "],
  ["kubernetes-examples/_archived/sysdig-cloud/sysdig-rc.yaml", "spec.selector: Required value"],
  ["kubernetes-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml", "spec.containers[0].ports[0].protocol: Unsupported value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\""],
  ["kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/account-specified-hdd/storageclass-account-hdd.yaml", "no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/dedicated-hdd/storageclass-dedicated-hdd.yaml", "no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-hdd/storageclass-shared-hdd.yaml", "no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-ssd/storageclass-shared-ssd.yaml", "no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-hdd/storageclass-managed-hdd.yaml", "no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-ssd/storageclass-managed-ssd.yaml", "no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/cinder/cinder-web.yaml", "spec.containers[0].ports[0].protocol: Unsupported value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\""],
  ["kubernetes-examples/_archived/volumes/fibre_channel/fc.yaml", "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field FCVolumeSource.spec.volumes.VolumeSource.fc.lun of type int32"],
  ["kubernetes-examples/_archived/volumes/flexvolume/deploy/ds.yaml", "no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\""],
  ["kubernetes-examples/_archived/volumes/rbd/rbd.yaml", "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error"],
  ["kubernetes-examples/_archived/volumes/scaleio/pod.yaml", "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.volumes[0].scaleIO.protectionDoamin\""],
  ["kubernetes-examples/_archived/volumes/storageos/storageos-pod.yaml", "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.volumes[0].storageos.pool\""],
  ["kubernetes-examples/_archived/volumes/storageos/storageos-pv.yaml", "PersistentVolume in version \"v1\" cannot be handled as a PersistentVolume: strict decoding error: unknown field \"spec.storageos.secretName\""],
  ["kubernetes-examples/databases/cassandra/image/files/cassandra.yaml", "error validating data: [apiVersion not set, kind not set]"],
  ["kubernetes-examples/databases/cassandra/java/src/test/resources/cassandra.yaml", "error validating data: [apiVersion not set, kind not set]"],
]);

/**
 * Where the simulator still accepts what the API server refuses, file → the API server's reason.
 * None at present: the last one, fc.yaml's string where an int32 goes, is decoded as the API
 * server decodes it since the schema carries the plain fields' Go types.
 */
export const knownGaps = new Map<string, string>();
