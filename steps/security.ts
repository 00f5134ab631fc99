import { canI, check, fail, KubespecAssertionError, pass, serviceAccountSubject, type StepSpec, type Subject } from '../src/step-kit.ts';
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

/** Labels the scenario's namespace for one Pod Security mode. */
function podSecurityLabelStep(verb: string, mode: string, effect: string): StepSpec<KubespecWorld> {
  return {
    pattern: `the scenario's namespace ${verb} pod security {string}`,
    example: `Given the scenario's namespace ${verb} pod security "restricted"`,
    area: 'security',
    doc: `Labels the namespace pod-security.kubernetes.io/${mode}=<privileged|baseline|restricted>: Pod Security Admission then ${effect}.`,
    async run({ args: [level] }) {
      if (!['privileged', 'baseline', 'restricted'].includes(level as string)) throw new KubespecAssertionError(`"${level}" is not a Pod Security level (privileged, baseline or restricted)`);
      await this.driver.patch({ kind: 'Namespace', name: this.driver.namespace() }, { metadata: { labels: { [`pod-security.kubernetes.io/${mode}`]: level as string } } }, 'merge');
    },
  };
}

export const steps: StepSpec<KubespecWorld>[] = (['serviceaccount', 'user'] as Who[]).flatMap((who) =>
  [true, false].flatMap((expected) => [canStep(who, expected, false), canStep(who, expected, true)]));

steps.push(
  podSecurityLabelStep('enforces', 'enforce', 'refuses pods that violate the level'),
  podSecurityLabelStep('warns about', 'warn', 'admits pods and workloads that violate the level with a warning (`Warning: would violate PodSecurity …`)'),
  {
    pattern: 'ReplicaSet pods of Deployment {string} fail with {string}',
    example: 'Then ReplicaSet pods of Deployment "api" fail with "exceeded quota" within 30s',
    area: 'security',
    doc: "The Deployment's ReplicaSet reports FailedCreate events whose message contains the text (admission refused its pods).",
    eventual: 'optional',
    async run({ args: [name, text], within }) {
      await check(this.driver, `the pods of Deployment "${name}" to be refused`, within, async () => {
        const d = await this.driver.get({ kind: 'Deployment', name: name as string });
        const sets = (await this.driver.list('ReplicaSet')).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d?.metadata.uid)).map((rs) => rs.metadata.name);
        const failures = (await this.driver.events()).filter((e) => e.involvedObject?.kind === 'ReplicaSet' && sets.includes(e.involvedObject.name) && e.reason === 'FailedCreate');
        return failures.some((e) => String(e.message).includes(text as string)) ? pass : fail(`no FailedCreate event containing "${text}" for the ReplicaSets of Deployment "${name}"${failures.length ? `; saw: ${failures.map((e) => e.message).join(' | ')}` : ''}`);
      });
    },
  },
);
