// Your team's own steps live here, next to kubespec's built-in vocabulary. Declare them as
// data, like the built-ins, so `within` variants and the report work the same way.
// `.mts`: an ES module whatever package.json's "type" says. In a CommonJS package (what
// `npm init -y` writes) a `.ts` file is taken for CommonJS; Node then finds `import` in it and
// loads it again as an ES module from inside its own import, which it refuses
// (ERR_REQUIRE_CYCLE_MODULE).
import { check, defineSteps, fail, pass } from 'kubespec';

defineSteps([
  {
    pattern: '{kind} {string} has label {string}',
    example: 'Then ConfigMap "team-settings" has label "team=platform"',
    area: 'team',
    doc: 'The object carries the label key=value.',
    eventual: 'optional',
    async run({ args: [kind, name, label], within }) {
      const [key, value] = String(label).split('=');
      await check(this.driver, `${kind} "${name}" to have label ${label}`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${kind} "${name}" not found`);
        const actual = obj.metadata.labels?.[key!];
        return actual === value ? pass : fail(`${kind} "${name}" has ${key}=${actual ?? '<none>'}`);
      });
    },
  },
]);
