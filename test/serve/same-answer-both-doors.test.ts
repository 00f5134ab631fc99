// Issue 28: one API-server implementation behind both doors. The same requests go to two
// identical clusters (same seed, same virtual time), one over HTTP through `kubespec serve`, one
// in process (the API server's `answer`, and the simulator driver's methods), and the answers
// must be equal: status, body and warnings. A door that stops validating, defaulting or
// selecting the way the other does fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpsRequest } from 'node:https';
import { ServedCluster } from '../../src/serve/served-cluster.ts';
import { parseResourcePath } from '../../src/serve/request-path.ts';
import { adminSubject, answer, asApiError, statusOf, APPLY_PATCH } from '../../src/apiserver/index.ts';
import { SimCluster } from '../../src/sim/index.ts';
import { SimDriver, defaultTopology } from '../../src/drivers/sim/index.ts';

const SEED = 28;
const USER_AGENT = 'both-doors/1.0';

interface Answer {
  status: number;
  body: unknown;
  warnings: string[];
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
  table?: boolean;
}

/** `Warning: 299 - "text"` headers back to their texts. */
function warningsOf(header: string | string[] | undefined): string[] {
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return all.map((h) => JSON.parse(h.replace(/^299 - /, '')));
}

/** The HTTP door: a request to the served cluster, as kubectl would send it. */
function overHttp(served: ServedCluster, url: string, call: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${served.token}`, 'User-Agent': USER_AGENT, 'Content-Type': call.contentType ?? 'application/json' };
    const text = call.body === undefined ? undefined : JSON.stringify(call.body);
    // Node sends a DELETE's body without framing unless it is told its length.
    if (text !== undefined) headers['Content-Length'] = String(Buffer.byteLength(text));
    if (call.table) headers.Accept = 'application/json;as=Table;v=v1;g=meta.k8s.io, application/json';
    const req = httpsRequest(new URL(call.path, url), { method: call.method, agent: false, ca: served.certificate(), headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, warnings: warningsOf(res.headers.warning) }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** The in-process door: the same request as an ApiRequest, the body handed over as an object. */
async function inProcess(cluster: SimCluster, call: Call): Promise<Answer> {
  const url = new URL(call.path, 'https://in-process');
  const target = parseResourcePath(url.pathname, cluster.store.kinds());
  assert.ok(target, `${call.path} is a resource path`);
  const response = await answer(cluster, {
    method: call.method, target, query: url.searchParams, subject: adminSubject, userAgent: USER_AGENT, table: call.table,
    contentType: call.contentType ?? 'application/json', ...(call.body !== undefined ? { body: { object: call.body } } : {}),
  });
  // What crosses HTTP is JSON: undefined fields vanish on the wire.
  return { status: response.status, body: JSON.parse(JSON.stringify(response.body)), warnings: response.warnings };
}

const deployment = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicyy: 'Always' }] } },
  },
};

describe('the same request gives the same answer over HTTP and in process', () => {
  let served: ServedCluster;
  let url: string;
  let local: SimCluster;
  const fresh = () => new SimCluster({ seed: SEED, images: [] });

  before(async () => {
    served = new ServedCluster({ seed: 0, nodes: [], images: [], speed: 0, host: '127.0.0.1', port: 0, cluster: fresh() });
    url = await served.start();
    local = fresh();
  });
  after(async () => served?.stop());

  /** Sends the call through both doors and asserts the answers are equal; returns the answer. */
  const both = async (call: Call): Promise<Answer> => {
    const [http, direct] = [await overHttp(served, url, call), await inProcess(local, call)];
    assert.deepEqual(direct, http, `${call.method} ${call.path}: in process and over HTTP differ`);
    return http;
  };

  it('creates (warning about an unknown field and dropping it)', async () => {
    const created = await both({ method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: deployment });
    assert.equal(created.status, 201);
    assert.deepEqual(created.warnings, ['unknown field "spec.template.spec.containers[0].imagePullPolicyy"']);
    assert.equal((created.body as any).spec.template.spec.containers[0].imagePullPolicyy, undefined);
  });

  it('answers a missing object with the 404 Status', async () => {
    const missing = await both({ method: 'GET', path: '/api/v1/namespaces/default/pods/nowhere' });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nowhere" not found', reason: 'NotFound', details: {}, code: 404 });
  });

  it('lists with a label selector and a field selector', async () => {
    const list = await both({ method: 'GET', path: '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&fieldSelector=status.phase%3DPending' });
    assert.equal(list.status, 200);
    assert.equal((list.body as any).items.length, 2, 'the Deployment\'s two pods are Pending (there are no nodes)');
    const none = await both({ method: 'GET', path: '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&fieldSelector=status.phase%3DRunning' });
    assert.deepEqual((none.body as any).items, []);
  });

  it('applies a strategic merge patch (containers merged by name)', async () => {
    const patched = await both({
      method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web', contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } } },
    });
    assert.equal(patched.status, 200);
    assert.deepEqual((patched.body as any).spec.template.spec.containers.map((c: any) => c.name), ['nginx', 'sidecar']);
  });

  it('updates the status subresource, and only the status', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } };
    assert.equal((await both({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod })).status, 201);
    const current = (await both({ method: 'GET', path: '/api/v1/namespaces/default/pods/solo' })).body as any;
    const update = { ...current, metadata: { ...current.metadata, labels: { ignored: 'yes' } }, status: { ...current.status, conditions: [...(current.status.conditions ?? []), { type: 'example.com/Checked', status: 'True' }] } };
    const updated = await both({ method: 'PUT', path: '/api/v1/namespaces/default/pods/solo/status', body: update });
    assert.equal(updated.status, 200);
    assert.ok((updated.body as any).status.conditions.some((c: any) => c.type === 'example.com/Checked'));
    assert.equal((updated.body as any).metadata.labels, undefined, 'a status update leaves metadata alone');
  });

  it('scales through the scale subresource', async () => {
    const scaled = await both({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    assert.equal(scaled.status, 200);
    assert.equal((scaled.body as any).spec.replicas, 3);
    const refused = await both({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', contentType: 'application/merge-patch+json', body: { spec: { replicas: -1 } } });
    assert.equal(refused.status, 422);
  });

  it('creates nothing on a dry run', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' }, data: { a: '1' } };
    assert.equal((await both({ method: 'POST', path: '/api/v1/namespaces/default/configmaps?dryRun=All', body: cm })).status, 201);
    assert.equal((await both({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/dry' })).status, 404);
  });

  it('refuses an invalid name with the API server\'s message', async () => {
    const refused = await both({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not_Valid' } } });
    assert.equal(refused.status, 422);
    assert.match((refused.body as any).message, /^ConfigMap "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": a lowercase RFC 1123 subdomain/);
  });

  it('prints the same Table', async () => {
    const table = await both({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments', table: true });
    assert.equal((table.body as any).kind, 'Table');
    assert.equal((table.body as any).rows.length, 1);
  });
});

/** Apply refuses fields the schema does not declare (a typed patch), so this one has none. */
const declared = structuredClone(deployment);
delete (declared.spec.template.spec.containers[0] as any).imagePullPolicyy;

describe('the simulator driver gets what kubectl gets', () => {
  let served: ServedCluster;
  let url: string;
  const driver = new SimDriver([]);

  before(async () => {
    // The driver's cluster as SimDriver makes it: the seed, no image behaviors, the default nodes.
    const cluster = new SimCluster({ seed: SEED, images: [] });
    for (const n of defaultTopology) cluster.addNode(n);
    served = new ServedCluster({ seed: 0, nodes: [], images: [], speed: 0, host: '127.0.0.1', port: 0, cluster });
    url = await served.start();
    await driver.setup({ name: 'both doors', uri: 'test', seed: SEED });
    await driver.addNodes([...defaultTopology]);
  });
  after(async () => {
    await driver.teardown();
    await served?.stop();
  });

  const http = (call: Call) => overHttp(served, url, call);
  const failure = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (e) {
      return statusOf(asApiError(e));
    }
    assert.fail('the driver call succeeded');
  };

  it('applies as a server-side apply with force and the kubespec field manager', async () => {
    const [applied] = await driver.apply([declared]);
    const overHttpAnswer = await http({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubespec&force=true', contentType: APPLY_PATCH, body: declared });
    assert.equal(overHttpAnswer.status, 201);
    assert.deepEqual(JSON.parse(JSON.stringify(applied)), overHttpAnswer.body);
  });

  it('gets, lists and patches the same objects', async () => {
    assert.deepEqual(JSON.parse(JSON.stringify(await driver.get({ kind: 'Deployment', name: 'web' }))), (await http({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web' })).body);
    const pods = await driver.list('Pod', { labelSelector: 'app=web' });
    assert.equal(pods.length, 2);
    assert.deepEqual(JSON.parse(JSON.stringify(pods)), ((await http({ method: 'GET', path: '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb' })).body as any).items);
    // The API server drops a field the schema does not declare (fieldValidation Warn): so must the driver.
    const patch = { metadata: { labels: { tier: 'front' } }, spec: { replicaz: 4 } };
    const patched = await driver.patch({ kind: 'Deployment', name: 'web' }, patch);
    const overHttpPatch = await http({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubespec', contentType: 'application/strategic-merge-patch+json', body: patch });
    assert.deepEqual(JSON.parse(JSON.stringify(patched)), overHttpPatch.body);
    assert.deepEqual(overHttpPatch.warnings, ['unknown field "spec.replicaz"']);
    assert.equal((patched.spec as any).replicaz, undefined);
  });

  it('is refused what kubectl is refused, in the same words', async () => {
    const invalid = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not_Valid' } };
    const refused = await failure(driver.apply([invalid]));
    const overHttpRefusal = await http({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/Not_Valid?fieldManager=kubespec&force=true', contentType: APPLY_PATCH, body: invalid });
    assert.equal(overHttpRefusal.status, 422);
    assert.deepEqual(refused, overHttpRefusal.body);
    assert.equal(await driver.get({ kind: 'Pod', name: 'nowhere' }), undefined);
    assert.deepEqual(await failure(driver.patch({ kind: 'Pod', name: 'nowhere' }, { metadata: { labels: { a: 'b' } } })), (await http({ method: 'GET', path: '/api/v1/namespaces/default/pods/nowhere' })).body);
  });

  it('deletes as kubectl deletes', async () => {
    await driver.delete({ kind: 'Deployment', name: 'web' }, { propagationPolicy: 'Foreground' });
    const deleted = await http({ method: 'DELETE', path: '/apis/apps/v1/namespaces/default/deployments/web', body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground' } });
    assert.equal(deleted.status, 200);
    const after = await driver.get({ kind: 'Deployment', name: 'web' });
    const overHttpAfter = await http({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web' });
    if (after === undefined) assert.equal(overHttpAfter.status, 404);
    else assert.deepEqual(JSON.parse(JSON.stringify(after)), overHttpAfter.body);
  });
});
