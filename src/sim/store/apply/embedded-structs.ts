/**
 * The API types whose Go struct embeds another (`VolumeSource `json:""`` in `Volume`): the
 * embedded struct's fields appear in JSON as the outer object's own, so the OpenAPI schema
 * (schema.json) cannot tell them apart. The API server's JSON decoder, sigs.k8s.io/json, names
 * the embedded struct in a type error's field path from its 2025-07-30 revision on (Kubernetes
 * 1.35; decode.go `object`, FieldStack gets `subv.Type().Field(ind).Name` for every index but the
 * last): `FCVolumeSource.spec.volumes.VolumeSource.fc.lun` where 1.34 said `spec.volumes.fc.lun`.
 *
 * Read from k8s.io/api@v0.37.2 (`grep -rn 'json:""'`, every group the simulator serves): for each
 * struct (as schema.json names it, last segment), the Go path of the embedded struct(s) that hold
 * a JSON field, and which fields those are.
 */
interface Embedding {
  /** The Go field names walked through, outermost first (`RuleWithOperations.Rule`). */
  readonly goPath: string;
  /** The JSON fields the embedded struct holds, or every field but these (`allBut`). */
  readonly fields?: readonly string[];
  readonly allBut?: readonly string[];
}

const RULE = ['apiGroups', 'apiVersions', 'resources', 'scope'];

const EMBEDDINGS: Readonly<Record<string, readonly Embedding[]>> = {
  // core/v1 types.go: Volume{Name; VolumeSource}, PersistentVolumeSpec{...; PersistentVolumeSource; ...}
  Volume: [{ goPath: 'VolumeSource', allBut: ['name'] }],
  PersistentVolumeSpec: [{ goPath: 'PersistentVolumeSource', allBut: ['accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeAttributesClassName', 'volumeMode'] }],
  // EphemeralContainer{EphemeralContainerCommon; TargetContainerName}
  EphemeralContainer: [{ goPath: 'EphemeralContainerCommon', allBut: ['targetContainerName'] }],
  // Probe{ProbeHandler; InitialDelaySeconds; ...}
  Probe: [{ goPath: 'ProbeHandler', fields: ['exec', 'httpGet', 'tcpSocket', 'grpc'] }],
  // The selectors and sources that embed LocalObjectReference{Name}.
  ...Object.fromEntries(['SecretProjection', 'ConfigMapVolumeSource', 'ConfigMapProjection', 'ConfigMapKeySelector', 'SecretKeySelector', 'ConfigMapEnvSource', 'SecretEnvSource']
    .map((struct) => [struct, [{ goPath: 'LocalObjectReference', fields: ['name'] }]])),
  // networking/v1 IngressRule{Host; IngressRuleValue{HTTP}}
  IngressRule: [{ goPath: 'IngressRuleValue', fields: ['http'] }],
  // admissionregistration/v1 RuleWithOperations{Operations; Rule}, NamedRuleWithOperations{ResourceNames; RuleWithOperations}
  RuleWithOperations: [{ goPath: 'Rule', fields: RULE }],
  NamedRuleWithOperations: [{ goPath: 'RuleWithOperations.Rule', fields: RULE }, { goPath: 'RuleWithOperations', fields: ['operations'] }],
};

/** The Go path of the embedded struct that holds `field` of `struct`, or undefined for a field of its own. */
export function embeddedStructOf(struct: string, field: string): string | undefined {
  return EMBEDDINGS[struct]?.find((e) => (e.fields ? e.fields.includes(field) : !e.allBut!.includes(field)))?.goPath;
}
