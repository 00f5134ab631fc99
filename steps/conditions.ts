import { check, fail, pass, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{kind} {string} has condition {word} with reason {word}',
    example: 'Then Deployment "api" has condition Progressing=False with reason ProgressDeadlineExceeded within 15 minutes',
    area: 'conditions',
    doc: 'status.conditions has the type with that status (Type=Status) and reason.',
    eventual: 'optional',
    async run({ args: [kind, name, typeStatus, reason], within }) {
      const [type, status = 'True'] = String(typeStatus).split('=');
      const subject = `${kind} "${name}"`;
      await check(this.driver, `${subject} to have condition ${type}=${status} (${reason})`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${subject} not found`);
        const c = (obj.status?.conditions ?? []).find((x: any) => x.type === type);
        if (!c) return fail(`${subject} has no ${type} condition`);
        if (c.status === status && c.reason === reason) return pass;
        return fail(`${subject} has condition ${type}=${c.status} with reason ${c.reason}${c.message ? `: ${c.message}` : ''}`);
      });
    },
  },
];
