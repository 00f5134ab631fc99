import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import { kubernetesProtos } from '../../src/serve/proto-schemas.ts';
import { decodeProtobufBody } from '../../src/serve/protobuf-body.ts';

const root = await kubernetesProtos();

/** A body as client-go sends it: `k8s\0`, then runtime.Unknown { typeMeta = 1 { apiVersion = 1, kind = 2 }, raw = 2 }. */
function clientGoBody(apiVersion: string, kind: string, raw: Uint8Array): Buffer {
  const typeMeta = protobuf.Writer.create().uint32((1 << 3) | 2).string(apiVersion).uint32((2 << 3) | 2).string(kind).finish();
  const unknown = protobuf.Writer.create().uint32((1 << 3) | 2).bytes(typeMeta).uint32((2 << 3) | 2).bytes(raw).finish();
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown]);
}

describe('protobuf request bodies', { skip: !root && 'the Kubernetes protobuf schemas are not available (no Go)' }, () => {
  const DeleteOptions = () => root!.lookupType('k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions');

  // helm uninstall deletes its release Secrets through client-go's typed client, which sends
  // DeleteOptions as protobuf under the resource's group version; the API server accepts that
  // and meta.k8s.io/v1 (handlers/delete.go).
  for (const apiVersion of ['v1', 'apps/v1', 'meta.k8s.io/v1']) {
    it(`decodes ${apiVersion} DeleteOptions, keeping a grace period of 0`, async () => {
      const raw = DeleteOptions().encode(DeleteOptions().fromObject({ gracePeriodSeconds: 0, propagationPolicy: 'Foreground', dryRun: ['All'] })).finish();
      const body = await decodeProtobufBody(clientGoBody(apiVersion, 'DeleteOptions', raw));
      assert.deepEqual(body, { apiVersion, kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Foreground', dryRun: ['All'] });
    });
  }

  it('decodes empty DeleteOptions (client-go sends them for a plain delete) as no options', async () => {
    const body = await decodeProtobufBody(clientGoBody('v1', 'DeleteOptions', new Uint8Array()));
    assert.deepEqual(body, { apiVersion: 'v1', kind: 'DeleteOptions' });
  });
});
