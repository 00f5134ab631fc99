// The official busybox image's changes to `make defconfig` (issue 31: Debian's busybox-static has
// no `nc -z`), made and checked as docker-library/busybox's builder makes and greps them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyConfigChanges, configDisagreements, officialConfigChanges } from '../../../../src/cluster/reference/real-node/busybox-config.ts';

const defconfigExcerpt = [
  '# Build Options',
  '# CONFIG_STATIC is not set',
  'CONFIG_LAST_SUPPORTED_WCHAR=767',
  'CONFIG_FEATURE_SYNC_FANCY=y',
  '# CONFIG_AR is not set',
  'CONFIG_NC=y',
  '',
].join('\n');

test('a set option replaces its value or its "is not set" line; an unset one is commented out; a set one the file lacks is appended', () => {
  const changes = { set: ['CONFIG_STATIC=y', 'CONFIG_LAST_SUPPORTED_WCHAR=0', 'CONFIG_AR=y', 'CONFIG_INOTIFYD=y'], unset: ['CONFIG_FEATURE_SYNC_FANCY'] };
  assert.equal(applyConfigChanges(defconfigExcerpt, changes), [
    '# Build Options',
    'CONFIG_STATIC=y',
    'CONFIG_LAST_SUPPORTED_WCHAR=0',
    '# CONFIG_FEATURE_SYNC_FANCY is not set',
    'CONFIG_AR=y',
    'CONFIG_NC=y',
    'CONFIG_INOTIFYD=y',
    '',
  ].join('\n'));
});

test('an option whose name begins like another is not touched (CONFIG_AR is not CONFIG_ARP)', () => {
  const edited = applyConfigChanges('CONFIG_ARP=y\n# CONFIG_ARPING is not set\n', { set: ['CONFIG_AR=y'], unset: ['CONFIG_ARP'] });
  assert.equal(edited, '# CONFIG_ARP is not set\n# CONFIG_ARPING is not set\nCONFIG_AR=y\n');
});

test('the check names each set line missing and each unset option that kept a value, as the builder greps them', () => {
  assert.deepEqual(configDisagreements(defconfigExcerpt, officialConfigChanges), [
    'CONFIG_AR=y is not in the .config',
    'CONFIG_FEATURE_AR_CREATE=y is not in the .config',
    'CONFIG_FEATURE_AR_LONG_FILENAMES=y is not in the .config',
    'CONFIG_LAST_SUPPORTED_WCHAR=0 is not in the .config',
    'CONFIG_INOTIFYD=y is not in the .config',
    'CONFIG_STATIC=y is not in the .config',
    'CONFIG_FEATURE_SYNC_FANCY has a value, not "is not set"',
  ]);
  assert.deepEqual(configDisagreements(applyConfigChanges(defconfigExcerpt, officialConfigChanges), officialConfigChanges), []);
});

test('the official changes: static, as the musl and uclibc variants are, and the glibc variant\'s own', () => {
  assert.deepEqual(officialConfigChanges, {
    set: ['CONFIG_AR=y', 'CONFIG_FEATURE_AR_CREATE=y', 'CONFIG_FEATURE_AR_LONG_FILENAMES=y', 'CONFIG_LAST_SUPPORTED_WCHAR=0', 'CONFIG_INOTIFYD=y', 'CONFIG_STATIC=y'],
    unset: ['CONFIG_FEATURE_SYNC_FANCY'],
  });
});
