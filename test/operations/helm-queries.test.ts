import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareHistory, type ReleaseRevision } from '../../src/operations/helm-queries.ts';
import { UserError } from '../../src/errors.ts';

const history: ReleaseRevision[] = [
  { revision: 1, status: 'superseded', chart: 'web-0.1.0', app_version: '1.27', description: 'Install complete' },
  { revision: 2, status: 'failed', chart: 'web-0.1.0', app_version: '1.27', description: 'Upgrade "web" failed: Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1' },
  { revision: 3, status: 'deployed', chart: 'web-0.1.0', app_version: '1.27', description: 'Rollback to 1' },
];

describe('compareHistory: a release history table against helm history', () => {
  it('agrees on whole cells, descriptions contained, * for anything, any subset of columns', () => {
    assert.equal(compareHistory([['revision', 'status', 'description'], ['1', 'superseded', 'Install complete'], ['2', 'failed', 'Invalid value: -1'], ['3', 'deployed', '*']], history), undefined);
    assert.equal(compareHistory([['Status', 'Chart', 'App version'], ['superseded', 'web-0.1.0', '1.27'], ['failed', '*', '1.27'], ['deployed', 'web-0.1.0', '1.27']], history), undefined);
  });

  it('names the first revision and column that differ, and a missing or extra revision', () => {
    assert.equal(compareHistory([['revision', 'status'], ['1', 'superseded'], ['2', 'deployed'], ['3', 'deployed']], history), 'revision 2 has status "failed", not "deployed"');
    assert.equal(compareHistory([['status'], ['deployed']], history), '3 revision(s), not 1');
    assert.equal(compareHistory([['status'], ['super']], history.slice(0, 1)), 'revision 1 has status "superseded", not "super"');
  });

  it('refuses a column helm history does not have', () => {
    assert.throws(() => compareHistory([['revision', 'updated'], ['1', 'now']], history), (e: Error) => e instanceof UserError
      && e.message === '"updated" is not a column of the release history; the columns are revision, status, chart, app version, description');
  });
});
