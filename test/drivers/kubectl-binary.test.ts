// Which kubectl runs against a server of a given minor (issue 26): the machine's within kubectl's
// skew of one minor, else one built for (or next to) the server's minor. No build happens here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseKubectl, serverMinor } from '../../src/drivers/kubectl-binary.ts';

test("the machine's kubectl is used within one minor either way", () => {
  assert.deepEqual(chooseKubectl('1.32', '1.32', ['1.32', '1.37']), { use: 'machine' });
  assert.deepEqual(chooseKubectl('1.33', '1.32', ['1.32', '1.37']), { use: 'machine' });
  assert.deepEqual(chooseKubectl('1.31', '1.32', ['1.37']), { use: 'machine' });
});

test('outside the skew, kubectl of the server minor is built', () => {
  const choice = chooseKubectl('1.37', '1.32', ['1.32', '1.37']);
  assert.equal(choice.use, 'build');
  assert.equal(choice.use === 'build' && choice.minor, '1.37');
  assert.match(choice.use === 'build' ? choice.why : '', /the server is 1\.37 and the machine's kubectl is 1\.32, outside kubectl's skew of ±1 minor: using kubectl v1\.37\.2/);
});

test('with no build of the server minor, the nearest build within the skew is used', () => {
  const choice = chooseKubectl('1.36', '1.32', ['1.32', '1.37']);
  assert.deepEqual(choice.use === 'build' && choice.minor, '1.37');
});

test('no kubectl on the PATH counts as outside the skew', () => {
  const choice = chooseKubectl('1.32', undefined, ['1.32', '1.37']);
  assert.equal(choice.use === 'build' && choice.minor, '1.32');
  assert.match(choice.use === 'build' ? choice.why : '', /there is no kubectl on the PATH/);
});

test("when nothing within the skew can be built, the machine's is used and that is said", () => {
  const choice = chooseKubectl('1.35', '1.32', ['1.32', '1.37']);
  assert.equal(choice.use, 'machine');
  assert.match(choice.why ?? '', /no kubectl within it can be built \(builds: 1\.32, 1\.37\): using the machine's kubectl all the same/);
});

test('a server minor is read from /version, including a managed cluster\'s "37+"', () => {
  assert.equal(serverMinor({ major: '1', minor: '37', gitVersion: 'v1.37.2' }), '1.37');
  assert.equal(serverMinor({ major: '1', minor: '37+', gitVersion: 'v1.37.2-eks-1' }), '1.37');
  assert.equal(serverMinor({ gitVersion: 'v1.36.3' }), '1.36');
  assert.equal(serverMinor({}), '');
  assert.deepEqual(chooseKubectl(serverMinor({}), '1.32', ['1.37']), { use: 'machine' });
});
