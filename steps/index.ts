import type { StepSpec } from '../src/index.ts';
import { steps as assumptions } from './assumptions.ts';
import { steps as autoscaling } from './autoscaling.ts';
import { steps as cluster } from './cluster.ts';
import { steps as conditions } from './conditions.ts';
import { steps as config } from './config.ts';
import { steps as deployments } from './deployments.ts';
import { steps as events } from './events.ts';
import { steps as faults } from './faults.ts';
import { steps as ingressRequests } from './ingress-requests.ts';
import { steps as jobs } from './jobs.ts';
import { steps as kubectl } from './kubectl.ts';
import { steps as security } from './security.ts';
import { steps as selection } from './selection.ts';
import { steps as serverSideApply } from './server-side-apply.ts';
import { steps as serviceTraffic } from './service-traffic.ts';
import { steps as manifests } from './manifests.ts';
import { steps as mesh } from './mesh.ts';
import { steps as networking } from './networking.ts';
import { steps as nodes } from './nodes.ts';
import { steps as objects } from './objects.ts';
import { steps as pods } from './pods.ts';
import { steps as placement } from './placement.ts';
import { steps as time } from './time.ts';
import { steps as workloads } from './workloads.ts';

/** The built-in step vocabulary, in the order `kubespec steps` lists it. */
export const allSteps: readonly StepSpec[] = [...cluster, ...manifests, ...serverSideApply, ...workloads, ...deployments, ...jobs, ...autoscaling, ...nodes, ...faults, ...placement, ...networking, ...serviceTraffic, ...ingressRequests, ...mesh, ...config, ...security, ...pods, ...assumptions, ...selection, ...objects, ...conditions, ...events, ...time, ...kubectl];
