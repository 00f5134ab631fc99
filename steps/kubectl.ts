import { parseCommandString } from 'execa';
import { check, fail, KubespecAssertionError, kubectlFootprint, missingLineMatching, missingPrintedLine, missingWholeLine, pass, UserError, withCapability, type Driver, type StepCall, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/** The arguments after `kubectl` (words split on spaces; `\ ` keeps a space inside a word). */
function kubectlArgs(command: string): string[] {
  const [program, ...args] = parseCommandString(command.trim());
  if (program !== 'kubectl') throw new UserError(`"${command}" is not a kubectl command: these steps run kubectl, e.g. "kubectl get pods -L app"`);
  return args;
}

/** What a kubectl step reaches beyond its namespace (a command that is not kubectl is `kubespec check`'s to refuse). */
function footprint({ args: [command] }: StepCall) {
  try {
    return kubectlFootprint(kubectlArgs(command as string));
  } catch {
    return undefined;
  }
}

async function kubectl(driver: Driver, command: string) {
  return withCapability(driver, 'kubectl').kubectl(kubectlArgs(command));
}

/** What kubectl said, for a failure message. */
const said = (r: { stdout: string; stderr: string }) => [r.stdout, r.stderr].filter((s) => s.trim()).join('\n').trim() || '(nothing)';

/** The API server's warnings kubectl passed on, one `Warning: …` line each. */
const warningLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('Warning: '));

/** Runs the command, which must succeed; its output. */
async function succeeded(driver: Driver, command: string) {
  const r = await kubectl(driver, command);
  if (r.exitCode !== 0) throw new KubespecAssertionError(`${command} failed (exit ${r.exitCode}):\n${said(r)}`);
  return r;
}

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{string} is run',
    example: 'When "kubectl label pod web env=staging --overwrite" is run',
    area: 'kubectl',
    doc: "Runs the real kubectl against the scenario's cluster (the simulator served on a loopback port, or the live context), in the scenario's namespace; it must succeed.",
    needs: ['kubectl'],
    footprint,
    async run({ args: [command] }) {
      await succeeded(this.driver, command as string);
    },
  },
  {
    pattern: '{string} prints:',
    example: 'Then "kubectl get pods -L app" prints:\n  """\n  NAME  READY  STATUS   RESTARTS  AGE  APP\n  web   1/1    Running  0         *    web\n  """',
    area: 'kubectl',
    doc: 'The command succeeds and its output has these lines in order (others may come between), compared word by word; `*` stands for any one word (an age, a generated name). With `within`, the command is run again until it does.',
    eventual: 'optional',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command], docString, within }) {
      await check(this.driver, `${command} to print the lines`, within, async () => {
        const r = await succeeded(this.driver, command as string);
        const missing = missingPrintedLine(r.stdout, docString ?? '');
        return missing === undefined ? pass : fail(`${command} printed no line like "${missing}" (after the lines before it); it printed:\n${r.stdout}`);
      });
    },
  },
  {
    pattern: '{string} prints {string}',
    example: 'Then "kubectl rollout status deployment/api" prints "deployment \\"api\\" successfully rolled out"',
    area: 'kubectl',
    doc: 'The command succeeds and one line of its output is the text, whole (trailing spaces aside): a nodePort `30080` is not "3". For part of a line, or a value not known in advance, use `prints a line matching`. With `within`, the command is run again until it does.',
    eventual: 'optional',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command, text], within }) {
      await check(this.driver, `${command} to print the line "${text}"`, within, async () => {
        const r = await succeeded(this.driver, command as string);
        const missing = missingWholeLine(r.stdout, text as string);
        return missing === undefined ? pass : fail(`${command}: ${missing}`);
      });
    },
  },
  {
    pattern: '{string} prints a line matching {string}',
    example: 'Then "kubectl get service web -o jsonpath={.spec.ports[0].nodePort}" prints a line matching "3[0-9]{4}"',
    area: 'kubectl',
    doc: 'The command succeeds and one whole line of its output (trailing spaces aside) matches the regular expression (JavaScript syntax, anchored at both ends: write `.*` for the rest of a line). With `within`, the command is run again until it does.',
    eventual: 'optional',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command, pattern], within }) {
      try {
        new RegExp(pattern as string);
      } catch (e) {
        throw new UserError(`"${pattern}" is not a regular expression (${(e as Error).message}); write one in JavaScript syntax, e.g. "web-[a-z0-9]{5}"`);
      }
      await check(this.driver, `${command} to print a line matching /${pattern}/`, within, async () => {
        const r = await succeeded(this.driver, command as string);
        const missing = missingLineMatching(r.stdout, pattern as string);
        return missing === undefined ? pass : fail(`${command}: ${missing}`);
      });
    },
  },
  {
    pattern: '{string} does not print {string}',
    example: 'Then "kubectl get endpoints myapp -o wide" does not print "green"',
    area: 'kubectl',
    doc: 'The command succeeds and its output does not contain the text anywhere (not even within a line).',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command, text] }) {
      const r = await succeeded(this.driver, command as string);
      if (r.stdout.includes(text as string)) throw new KubespecAssertionError(`${command} printed "${text}":\n${r.stdout}`);
    },
  },
  {
    pattern: '{string} warns {string}',
    example: 'Then "kubectl run web --image=nginx" warns "would violate PodSecurity"',
    area: 'kubectl',
    doc: 'The command succeeds and kubectl passes on a warning of the API server (`Warning: …` on stderr) that contains the text.',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command, text] }) {
      const r = await succeeded(this.driver, command as string);
      const warnings = warningLines(r.stderr);
      if (!warnings.some((w) => w.includes(text as string))) {
        throw new KubespecAssertionError(`${command} gave no warning with "${text}"; ${warnings.length ? `its warnings:\n${warnings.join('\n')}` : `it printed:\n${said(r)}`}`);
      }
    },
  },
  {
    pattern: '{string} gives no warning',
    example: 'Then "kubectl run web --image=nginx" gives no warning',
    area: 'kubectl',
    doc: 'The command succeeds and kubectl passes on no warning of the API server (no `Warning: …` line on stderr).',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command] }) {
      const r = await succeeded(this.driver, command as string);
      const warnings = warningLines(r.stderr);
      if (warnings.length) throw new KubespecAssertionError(`${command} gave warnings:\n${warnings.join('\n')}`);
    },
  },
  {
    pattern: '{string} fails with {string}',
    example: 'Then "kubectl label pod web env=prod" fails with "already has a value"',
    area: 'kubectl',
    doc: 'The command exits non-zero and what it printed contains the text.',
    needs: ['kubectl'],
    footprint,
    async run({ args: [command, text] }) {
      const r = await kubectl(this.driver, command as string);
      if (r.exitCode === 0) throw new KubespecAssertionError(`${command} succeeded; it printed:\n${said(r)}`);
      if (!said(r).includes(text as string)) throw new KubespecAssertionError(`${command} failed without "${text}"; it printed:\n${said(r)}`);
    },
  },
];
