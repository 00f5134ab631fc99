// The corpus on the reference control plane: every file of ../shared/corpus applied with the
// real kubectl (`kubectl apply -f`, into a fresh namespace unless the file names its own), and
// its outcome compared with the simulator's (src/corpus/apply-corpus.ts). One test per file:
// both accept, or both refuse and kubectl's message contains the simulator's reason. For the
// known gaps (src/corpus/real-cluster-outcomes.ts) the test checks the gap is still what it was.
// Run by scripts/ci-reference.mjs with KUBECONFIG pointing at the reference cluster; each file's
// objects and namespaces are deleted after it, so files do not see each other's objects. Files
// whose objects all live in the fresh namespace they get run three at a time (kubectl waits on the
// API server more than it works); those that name their own namespaces or hold cluster-scoped
// objects, which another file may name too, run one by one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { parseAllDocuments } from 'yaml';
import { applyToFreshCluster, corpusFiles } from '../src/corpus/apply-corpus.ts';
import { knownGaps } from '../src/corpus/real-cluster-outcomes.ts';
import { packageRoot } from '../src/package-root.ts';
import { kindsFootprint } from '../src/drivers/live/cluster-footprint.ts';

const corpus = join(packageRoot, '..', 'shared', 'corpus');
const env = { ...process.env, KUBECONFIG: process.env.KUBECONFIG! };
const kubectl = (...args: string[]) => execa('kubectl', ['--context', 'kubespec-reference', ...args], { env, reject: false });

/** The namespaces a file names (kubectl refuses -n for those; none: the file gets a fresh one) and its kinds. */
function contentOf(file: string): { namespaces: string[]; kinds: string[] } {
  const names = new Set<string>();
  const kinds: string[] = [];
  try {
    for (const doc of parseAllDocuments(readFileSync(join(corpus, file), 'utf8'), { uniqueKeys: false })) {
      const object = doc.toJS() as any;
      if (typeof object?.metadata?.namespace === 'string') names.add(object.metadata.namespace);
      kinds.push(typeof object?.kind === 'string' ? object.kind : '(no kind)');
    }
  } catch {
    // kubectl will say what is wrong with it; it may still create what parsed, so it runs alone.
    kinds.push('(unparsed)');
  }
  return { namespaces: [...names], kinds };
}

const files = existsSync(corpus) ? corpusFiles(corpus) : [];
const content = files.map(contentOf);
const alone = (i: number) => content[i]!.namespaces.length > 0 || kindsFootprint(content[i]!.kinds) !== undefined;
const indexes = files.map((_, i) => i);
describe('corpus files in a fresh namespace of their own', { concurrency: 3 }, () => {
  for (const i of indexes.filter((i) => !alone(i))) corpusTest(i);
});
describe('corpus files that name namespaces or hold cluster-scoped objects', () => {
  for (const i of indexes.filter(alone)) corpusTest(i);
});

function corpusTest(i: number): void {
  const file = files[i]!;
  test(`corpus ${file} on the reference cluster`, async () => {
    const own = content[i]!.namespaces;
    const fresh = own.length === 0 ? `corpus-${i}` : undefined;
    for (const ns of fresh ? [fresh] : own) await kubectl('create', 'namespace', ns);
    const path = join(corpus, file);
    const scope = fresh ? ['-n', fresh] : [];
    const applied = await kubectl('apply', ...scope, '-f', path);
    await kubectl('delete', ...scope, '-f', path, '--ignore-not-found', '--timeout=30s');
    if (fresh) await kubectl('delete', 'namespace', fresh, '--wait=false');
    const real = applied.exitCode === 0 ? undefined : applied.stderr.replace(/\s+/g, ' ');
    const simulated = applyToFreshCluster(corpus, file).rejected;
    const gap = knownGaps.get(file);
    if (gap) {
      assert.equal(simulated, undefined, 'the simulator still accepts it');
      assert.ok(real?.includes(gap), `kubectl: ${real ?? 'accepted'}`);
      return;
    }
    if (!simulated) assert.equal(real, undefined, `the simulator accepts it; kubectl: ${real}`);
    else assert.ok(real?.includes(simulated.replace(/\s+/g, ' ')), `the simulator refuses it with "${simulated}"; kubectl: ${real ?? 'accepted'}`);
  });
}
