// The driver contract against the reference control plane (a real kube-apiserver): run by
// scripts/ci-reference.mjs with KUBECONFIG pointing at it. node:test prints the usual summary.
import { test } from 'node:test';
import { LiveDriver } from '../src/drivers/live/live-driver.ts';
import { loadLiveContext } from '../src/drivers/live/live-context.ts';
import { runDriverContract } from '../src/drivers/contract/driver-contract.ts';

const kc = await loadLiveContext('kubespec-reference', process.env);
runDriverContract('live driver (reference control plane)', () => new LiveDriver(kc), test);
