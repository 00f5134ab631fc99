import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ServedCluster } from '../../src/serve/served-cluster.ts';
import { writeKubeconfig } from '../../src/serve/kubeconfig.ts';
import { loadImageBehaviors } from '../../src/drivers/sim/index.ts';
import { packageRoot } from '../../src/package-root.ts';
import { upstreamOpenApi } from '../../src/apiserver/openapi-documents.ts';

/**
 * The real kubectl against `kubespec serve`. Virtual time runs 30× wall time so pulls and
 * rollouts finish in a fraction of a second; the assertions wait through kubectl itself
 * (rollout status, wait), never by sleeping.
 */
const upstreamSchemas = await upstreamOpenApi('api/v1') !== undefined;
const kubectlInstalled = await execa('kubectl', ['version', '--client'], { reject: false }).then((r) => r.exitCode === 0, () => false);

const deployment = (name: string, image: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, labels: {app: ${name}}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: "${image}"}]
`;

describe('kubectl against kubespec serve', { skip: !kubectlInstalled && 'kubectl is not installed' }, () => {
  let served: ServedCluster;
  let dir: string;
  let env: Record<string, string>;
  const kubectl = async (...args: string[]) => {
    const r = await execa('kubectl', args, { env, reject: false, input: '' });
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  const ok = async (...args: string[]) => {
    const r = await kubectl(...args);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.err}`);
    return r.out;
  };

  before(async () => {
    served = new ServedCluster({ seed: 7, nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1' }, { name: 'worker-2' }], images: loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml')), speed: 30, host: '127.0.0.1', port: 0 });
    const url = await served.start();
    dir = mkdtempSync(join(tmpdir(), 'kubespec-serve-'));
    writeKubeconfig(join(dir, 'kubeconfig'), { name: 'kubespec', server: url, caPem: served.certificate(), token: served.token });
    env = { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir, PATH: process.env.PATH ?? '' };
  });
  after(async () => served?.stop());

  it('lists nodes with the usual columns, and -o wide and jsonpath', async () => {
    const table = await ok('get', 'nodes');
    assert.match(table, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    assert.match(table, /control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.37\.2/);
    assert.match(await ok('get', 'nodes', '-o', 'wide'), /INTERNAL-IP/);
    assert.equal(await ok('get', 'node', 'worker-1', '-o', 'jsonpath={.metadata.labels.kubernetes\\.io/hostname}'), 'worker-1');
  });

  it('applies a file and a directory, then reports unchanged on re-apply', async () => {
    writeFileSync(join(dir, 'web.yaml'), deployment('web', 'nginx:1.27'));
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: fast}\n');
    writeFileSync(join(dir, 'more', 'api.yaml'), deployment('api', 'nginx:1.27', 1));
    assert.match(await ok('apply', '-f', join(dir, 'web.yaml')), /deployment.apps\/web created/);
    const both = await ok('apply', '-f', join(dir, 'more'));
    assert.match(both, /configmap\/settings created/);
    assert.match(both, /deployment.apps\/api created/);
    assert.match(await ok('apply', '-f', join(dir, 'web.yaml')), /deployment.apps\/web unchanged/);
    assert.match(await ok('rollout', 'status', 'deployment/web', '--timeout=60s'), /successfully rolled out/);
    assert.match(await ok('get', 'deploy', 'web'), /web\s+2\/2\s+2\s+2/);
    assert.match(await ok('get', 'cm', 'settings', '-o', 'yaml'), /mode: fast/);
  });

  it('scales, sets an image, shows history and undoes it', async () => {
    assert.match(await ok('scale', 'deployment/web', '--replicas=4'), /scaled/);
    assert.match(await ok('set', 'image', 'deployment/web', 'main=nginx:1.28'), /image updated/);
    await ok('rollout', 'status', 'deployment/web', '--timeout=60s');
    assert.match(await ok('get', 'deploy', 'web', '-o', 'wide'), /web\s+4\/4\s+4\s+4\s+\S+\s+main\s+nginx:1\.28/);
    assert.match(await ok('rollout', 'history', 'deployment/web'), /1\s+<none>\s+2\s+<none>/);
    assert.match(await ok('rollout', 'undo', 'deployment/web'), /rolled back/);
    await ok('rollout', 'status', 'deployment/web', '--timeout=60s');
    assert.equal(await ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'), 'nginx:1.27');
  });

  it('shows what a container echoed, and why a waiting one has no logs', async () => {
    writeFileSync(join(dir, 'hello.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: hello}\nspec:\n  containers:\n  - {name: c, image: busybox, command: [sh, -c, "echo hello; echo world; sleep 3600"]}\n');
    await ok('apply', '-f', join(dir, 'hello.yaml'));
    await ok('wait', '--for=condition=Ready', 'pod/hello', '--timeout=60s');
    assert.equal(await ok('logs', 'hello'), 'hello\nworld');
    assert.equal(await ok('logs', 'hello', '--tail=1'), 'world');
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec:\n  containers:\n  - {name: c, image: "nginx:does-not-exist"}\n');
    await ok('apply', '-f', join(dir, 'bad.yaml'));
    const logs = await kubectl('logs', 'bad');
    assert.notEqual(logs.code, 0);
    assert.match(logs.err, /container "c" in pod "bad" is waiting to start/);
  });

  it('labels, annotates, selects by label and by field', async () => {
    await ok('label', 'pod', 'hello', 'tier=frontend');
    await ok('annotate', 'pod', 'hello', 'owner=team-a');
    assert.match(await ok('get', 'pods', '-l', 'tier=frontend', '-o', 'name'), /^pod\/hello$/);
    assert.equal(await ok('get', 'pod', 'hello', '-o', 'jsonpath={.metadata.annotations.owner}'), 'team-a');
    const onWorker = await ok('get', 'pods', '--field-selector', 'spec.nodeName=worker-1', '-o', 'name');
    for (const line of onWorker.split('\n').filter(Boolean)) {
      assert.equal(await ok('get', line, '-o', 'jsonpath={.spec.nodeName}'), 'worker-1');
    }
  });

  it('pages through a list in chunks', async () => {
    const all = await ok('get', 'pods', '-o', 'name');
    assert.equal(await ok('get', 'pods', '-o', 'name', '--chunk-size=2'), all);
  });

  it('taints, cordons and describes a node', async () => {
    assert.match(await ok('taint', 'node', 'worker-2', 'dedicated=gpu:NoSchedule'), /tainted/);
    assert.match(await ok('cordon', 'worker-2'), /cordoned/);
    assert.match(await ok('get', 'node', 'worker-2'), /Ready,SchedulingDisabled/);
    const described = await ok('describe', 'node', 'worker-2');
    assert.match(described, /Taints:\s+dedicated=gpu:NoSchedule/);
    assert.match(described, /Unschedulable:\s+true/);
    await ok('uncordon', 'worker-2');
  });

  it('answers auth can-i from RBAC, and refuses impersonated requests RBAC does not allow', async () => {
    assert.equal(await ok('auth', 'can-i', 'create', 'deployments'), 'yes');
    const denied = await kubectl('auth', 'can-i', 'list', 'pods', '--as=jane');
    assert.equal(denied.out, 'no');
    const forbidden = await kubectl('get', 'pods', '--as=jane');
    assert.match(forbidden.err, /pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"/);
    writeFileSync(join(dir, 'rb.yaml'), 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: jane-view}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]\n');
    await ok('apply', '-f', join(dir, 'rb.yaml'));
    assert.equal(await ok('auth', 'can-i', 'list', 'pods', '--as=jane'), 'yes');
    assert.equal((await kubectl('auth', 'can-i', 'delete', 'pods', '--as=jane')).out, 'no');
  });

  it('exposes a deployment and shows its endpoints', async () => {
    assert.match(await ok('expose', 'deployment', 'web', '--port=80'), /service\/web exposed/);
    assert.match(await ok('get', 'svc', 'web'), /web\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP/);
    assert.match(await ok('get', 'endpoints', 'web'), /10\.244\.\d+\.\d+:80/);
  });

  it('deletes with --cascade=orphan, leaving the ReplicaSet behind', async () => {
    await ok('delete', 'deployment', 'api', '--cascade=orphan');
    assert.match(await ok('get', 'rs', '-l', 'app=api', '-o', 'name'), /replicaset.apps\/api-/);
    const rs = await ok('get', 'rs', '-l', 'app=api', '-o', 'jsonpath={.items[0].metadata.ownerReferences}');
    assert.equal(rs, '');
  });

  it('sorts by any field of the objects (Table rows carry them on request)', async () => {
    const names = (await ok('get', 'events', '--sort-by=.lastTimestamp', '-o', 'name')).split('\n');
    assert.ok(names.length > 3, 'events are listed');
    const sorted = await ok('get', 'pods', '--sort-by=.metadata.creationTimestamp');
    assert.match(sorted, /^NAME\s+READY\s+STATUS/);
    assert.ok(sorted.split('\n').length > 2, sorted);
    const raw = JSON.parse(await ok('get', '--raw', '/api/v1/namespaces/default/pods?includeObject=None&limit=1'));
    assert.equal(raw.kind, 'PodList', 'includeObject only matters for Tables');
  });

  it('lists api-resources and events, and says metrics are unavailable', async () => {
    assert.match(await ok('api-resources'), /deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    assert.match(await ok('get', 'events'), /Scheduled\s+pod\/hello/);
    const top = await kubectl('top', 'pods');
    assert.notEqual(top.code, 0);
    assert.match(top.err, /Metrics API not available/);
  });

  it('creates objects with the kubectl create generators (protobuf bodies)', async () => {
    assert.match(await ok('create', 'namespace', 'team'), /namespace\/team created/);
    assert.match(await ok('create', 'deployment', 'shop', '--image=nginx', '--replicas=2', '-n', 'team'), /created/);
    await ok('rollout', 'status', 'deployment/shop', '-n', 'team', '--timeout=60s');
    // The protobuf body carries strategy as an empty struct; it is defaulted like an absent one.
    assert.match(await ok('describe', 'deployment', 'shop', '-n', 'team'), /StrategyType:\s+RollingUpdate\nMinReadySeconds:\s+0\nRollingUpdateStrategy:\s+25% max unavailable, 25% max surge/);
    assert.match(await ok('create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'), /created/);
    await ok('wait', '--for=condition=Complete', 'job/once', '--timeout=60s');
    assert.equal(await ok('logs', 'job/once'), 'hi');
    await ok('create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret');
    assert.equal(Buffer.from(await ok('get', 'secret', 'pw', '-o', 'jsonpath={.data.password}'), 'base64').toString(), 's3cret');
    await ok('create', 'service', 'clusterip', 'shop', '--tcp=80:8080', '-n', 'team');
    assert.equal(await ok('get', 'svc', 'shop', '-n', 'team', '-o', 'jsonpath={.spec.ports[0].targetPort}'), '8080');
    await ok('create', 'serviceaccount', 'ci');
    await ok('create', 'role', 'pod-reader', '--verb=get', '--resource=pods');
    await ok('create', 'rolebinding', 'ci-reads', '--role=pod-reader', '--serviceaccount=default:ci');
    assert.equal(await ok('auth', 'can-i', 'get', 'pods', '--as=system:serviceaccount:default:ci'), 'yes');
    assert.equal((await kubectl('auth', 'can-i', 'list', 'pods', '--as=system:serviceaccount:default:ci')).out, 'no');
  });

  it('spreads inline-embedded protobuf fields into their parent, as the JSON form has them', async () => {
    await ok('create', 'ingress', 'shop', '--class=nginx', '--rule=shop.example.com/api*=api:8080,tls=shop-tls');
    const rule = JSON.parse(await ok('get', 'ingress', 'shop', '-o', 'jsonpath={.spec.rules[0]}'));
    assert.deepEqual(rule, { host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }] } });
  });

  it('autoscales through autoscaling/v1, stored and shown as autoscaling/v2', async () => {
    assert.match(await ok('autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=80'), /autoscaled/);
    assert.match(await ok('get', 'hpa', 'web'), /web\s+Deployment\/web\s+cpu: \S+\/80%\s+2\s+5/);
    const v1 = JSON.parse(await ok('get', '--raw', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web'));
    assert.equal(v1.apiVersion, 'autoscaling/v1');
    assert.equal(v1.spec.targetCPUUtilizationPercentage, 80);
    assert.equal(await ok('get', 'hpa', 'web', '-o', 'jsonpath={.spec.metrics[0].resource.target.averageUtilization}'), '80');
  });

  it('runs writes as a server-side dry run: admitted and answered, never stored', async () => {
    writeFileSync(join(dir, 'dry.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry}\ndata: {a: b}\n');
    assert.match(await ok('apply', '--dry-run=server', '-f', join(dir, 'dry.yaml')), /configmap\/dry created \(server dry run\)/);
    assert.match((await kubectl('get', 'cm', 'dry')).err, /configmaps "dry" not found/);
    await ok('create', 'cm', 'kept', '--from-literal=a=b');
    const version = await ok('get', 'cm', 'kept', '-o', 'jsonpath={.metadata.resourceVersion}');
    writeFileSync(join(dir, 'kept.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept}\ndata: {a: c}\n');
    const diff = await kubectl('diff', '-f', join(dir, 'kept.yaml'));
    assert.equal(diff.code, 1, diff.err);
    assert.match(diff.out, /^-  a: b\n\+  a: c$/m);
    assert.match(await ok('delete', 'cm', 'kept', '--dry-run=server'), /configmap "kept" deleted \(server dry run\)/);
    assert.equal(await ok('get', 'cm', 'kept', '-o', 'jsonpath={.data.a} {.metadata.resourceVersion}'), `b ${version}`);
    // Validation still answers: an invalid object is refused in a dry run too.
    const invalid = await kubectl('create', 'deployment', 'Bad_Name', '--image=nginx', '--dry-run=server');
    assert.match(invalid.err, /metadata.name: Invalid value: "Bad_Name"/);
    const bad = await kubectl('get', '--raw', '/api/v1/namespaces/default/configmaps?dryRun=Some');
    assert.equal(bad.code, 0, 'a GET ignores dryRun');
  });

  it('explains fields and refuses unknown ones, from the release\'s OpenAPI documents', { skip: !upstreamSchemas && 'the k8s.io/kubernetes module (its OpenAPI documents) is not in the Go module cache' }, async () => {
    assert.match(await ok('explain', 'pod.spec.containers.imagePullPolicy'), /FIELD: imagePullPolicy <string>[\s\S]*Image pull policy\. One of Always, Never, IfNotPresent/);
    assert.match(await ok('explain', 'deployment.spec.strategy'), /FIELD: strategy <DeploymentStrategy>/);
    const typo = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: typo}\nspec:\n  selector: {matchLabels: {app: typo}}\n  template:\n    metadata: {labels: {app: typo}}\n    spec:\n      containers: [{name: c, image: nginx, imagePullPolicyy: Always}]\n';
    writeFileSync(join(dir, 'typo.yaml'), typo);
    const refused = await kubectl('apply', '-f', join(dir, 'typo.yaml'));
    assert.equal(refused.code, 1);
    assert.match(refused.err, /Error from server \(BadRequest\): error when creating ".*typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers\[0\].imagePullPolicyy"/);
    const warned = await kubectl('apply', '-f', join(dir, 'typo.yaml'), '--validate=warn');
    assert.equal(warned.code, 0, warned.err);
    assert.match(warned.err, /Warning: unknown field "spec.template.spec.containers\[0\].imagePullPolicyy"/);
    assert.equal(await ok('get', 'deploy', 'typo', '-o', 'jsonpath={.spec.template.spec.containers[0].imagePullPolicyy}'), '', 'dropped, as the decoder drops it');
    const patched = await kubectl('patch', 'deploy', 'typo', '-p', '{"spec":{"replicaz":2}}', '--type=merge');
    assert.match(patched.err, /unknown field "spec.replicaz"/);
  });

  it('keeps field ownership for server-side apply: managers in managedFields, a conflict after kubectl scale, --force-conflicts, pruning', async () => {
    const manifest = join(dir, 'owned.yaml');
    writeFileSync(manifest, deployment('owned', 'nginx:1.27', 3).replace('image: "nginx:1.27"}', 'image: "nginx:1.27", ports: [{containerPort: 80}]}'));
    assert.match(await ok('apply', '--server-side', '-f', manifest), /deployment.apps\/owned serverside-applied/);
    const fields = JSON.parse(await ok('get', 'deploy', 'owned', '-o', 'json', '--show-managed-fields')).metadata.managedFields;
    assert.deepEqual(fields.map((e: any) => `${e.manager} ${e.operation}`), ['kubectl Apply']);
    assert.deepEqual(fields[0].fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"main"}']['f:ports'], { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } });

    await ok('scale', 'deployment/owned', '--replicas=5');
    const refused = await kubectl('apply', '--server-side', '-f', manifest);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale": \.spec\.replicas/);
    assert.match(await ok('apply', '--server-side', '--force-conflicts', '-f', manifest), /serverside-applied/);
    assert.equal(await ok('get', 'deploy', 'owned', '-o', 'jsonpath={.spec.replicas}'), '3');

    writeFileSync(manifest, deployment('owned', 'nginx:1.27', 3));
    await ok('apply', '--server-side', '-f', manifest);
    assert.equal(await ok('get', 'deploy', 'owned', '-o', 'jsonpath={.spec.template.spec.containers[0].ports}'), '', 'the port left out of the manifest was pruned');
    const missing = await kubectl('patch', 'deploy', 'owned', '--type=merge', '-p', '{"spec":{"replicas":1}}', '--field-manager', 'x'.repeat(129));
    assert.match(missing.err, /fieldManager: Too long: may not be more than 128 bytes/);
  });

  it('serves the kinds CustomResourceDefinitions add: refused before, validated after, gone with the CRD', async () => {
    const cr = join(dir, 'crontab.yaml');
    writeFileSync(cr, 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata: {name: nightly}\nspec: {cronSpec: "0 3 * * *", image: backup:1.0}\n');
    const before = await kubectl('apply', '-f', cr);
    assert.match(before.err, /no matches for kind "CronTab" in version "stable.example.com\/v1"\nensure CRDs are installed first/);
    writeFileSync(join(dir, 'crd.yaml'), `apiVersion: apiextensions.k8s.io/v1
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
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec: {type: string}
              image: {type: string}
              replicas: {type: integer, maximum: 10, default: 1}
`);
    assert.match(await ok('apply', '-f', join(dir, 'crd.yaml')), /customresourcedefinition.apiextensions.k8s.io\/crontabs.stable.example.com created/);
    assert.match(await ok('wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=30s'), /condition met/);
    assert.match(await ok('apply', '-f', cr), /crontab.stable.example.com\/nightly created/);
    assert.match(await ok('get', 'ct'), /^NAME\s+AGE\nnightly\s/);
    assert.equal(await ok('get', 'crontab', 'nightly', '-o', 'jsonpath={.spec.replicas}'), '1', 'defaulted by the schema');
    assert.match(await ok('api-resources', '--api-group=stable.example.com'), /crontabs\s+ct\s+stable.example.com\/v1\s+true\s+CronTab/);
    writeFileSync(join(dir, 'too-many.yaml'), 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata: {name: busy}\nspec: {image: x, replicas: 15}\n');
    const refused = await kubectl('create', '-f', join(dir, 'too-many.yaml'));
    assert.match(refused.err, /The CronTab "busy" is invalid: spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10/);
    const merge = await kubectl('patch', 'ct', 'nightly', '--type=strategic', '-p', '{"spec":{"image":"y"}}');
    assert.match(merge.err, /UnsupportedMediaType|unknown format|does not support strategic merge|strategic merge patch format is not supported/);
    await ok('delete', 'crd', 'crontabs.stable.example.com');
    const after = await kubectl('get', 'ct');
    assert.notEqual(after.code, 0);
  });

  it('execs the commands a simulated container can answer, with their exit codes', async () => {
    await ok('create', 'configmap', 'exec-cfg', '--from-literal=MODE=fast');
    writeFileSync(join(dir, 'exec.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: exec-me}\nspec:\n  containers:\n    - name: main\n      image: busybox\n      command: [sleep, "3600"]\n      env: [{name: GREETING, value: hello}]\n      volumeMounts: [{name: cfg, mountPath: /etc/cfg}]\n  volumes: [{name: cfg, configMap: {name: exec-cfg}}]\n');
    await ok('apply', '-f', join(dir, 'exec.yaml'));
    await ok('wait', '--for=condition=Ready', 'pod/exec-me', '--timeout=60s');
    assert.match(await ok('exec', 'exec-me', '--', 'env'), /^GREETING=hello$/m);
    assert.equal(await ok('exec', 'exec-me', '--', 'cat', '/etc/cfg/MODE'), 'fast');
    assert.equal(await ok('exec', 'exec-me', '-c', 'main', '--', 'sh', '-c', 'echo $GREETING'), 'hello');
    const missing = await kubectl('exec', 'exec-me', '--', 'cat', '/etc/none');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cat: can't open '\/etc\/none': No such file or directory\ncommand terminated with exit code 1/);
    const unknown = await kubectl('exec', 'exec-me', '--', 'nslookup', 'web');
    assert.equal(unknown.code, 126);
    assert.match((await kubectl('exec', 'exec-me', '-c', 'nope', '--', 'env')).err, /container nope is not valid for pod exec-me/);
  });

  it('refuses requests without the token', async () => {
    const r = await kubectl('get', 'pods', '--token=wrong');
    assert.notEqual(r.code, 0);
    assert.match(r.err, /Unauthorized|provide credentials/);
  });
});
