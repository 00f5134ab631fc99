import { canI, KubespecAssertionError, serviceAccountSubject, type StepSpec, type Subject } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

type Who = 'serviceaccount' | 'user';

function canStep(who: Who, expected: boolean, withNamespace: boolean): StepSpec<KubespecWorld> {
  const verb = expected ? 'can' : 'cannot';
  const subject = who === 'serviceaccount' ? 'serviceaccount {string}' : 'user {string}';
  return {
    pattern: `${subject} ${verb} {string} {string}${withNamespace ? ' in namespace {string}' : ''}`,
    example: who === 'serviceaccount'
      ? `Then serviceaccount "ci" ${verb} "create" "deployments"${withNamespace ? ' in namespace "prod"' : ''}`
      : `Then user "jane" ${verb} "list" "pods/log"${withNamespace ? ' in namespace "dev"' : ''}`,
    area: 'security',
    doc: `kubectl auth can-i, answered by the RBAC model from the cluster's Roles and bindings${withNamespace ? '' : " (the scenario's namespace)"}; the ServiceAccount lives in the scenario's namespace.`,
    async run({ args }) {
      const [name, action, resource, namespace] = args as string[];
      const ns = this.driver.namespace();
      const as: Subject = who === 'serviceaccount' ? serviceAccountSubject(ns, name!) : { user: name!, groups: ['system:authenticated'] };
      const decision = await canI(this.driver, as, action!, resource!, withNamespace ? namespace : ns);
      if (decision.allowed !== expected) throw new KubespecAssertionError(`${who} "${name}" ${decision.allowed ? 'can' : 'cannot'} ${action} ${resource}: ${decision.reason}`);
    },
  };
}

export const steps: StepSpec<KubespecWorld>[] = (['serviceaccount', 'user'] as Who[]).flatMap((who) =>
  [true, false].flatMap((expected) => [canStep(who, expected, false), canStep(who, expected, true)]));
