import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { notApplicableReason, type Capable, type Capability } from './drivers/capabilities.ts';
import { parameterTypes } from './step-parameters.ts';
import { patternsOf, type StepSpec } from './step-catalog.ts';

/** The expressions of the steps that need a capability, compiled once per set of specs. */
const compiled = new WeakMap<readonly StepSpec[], Array<{ expression: CucumberExpression; needs: readonly Capability[] }>>();

function expressionsOf(specs: readonly StepSpec[]) {
  let out = compiled.get(specs);
  if (out) return out;
  const registry = new ParameterTypeRegistry();
  for (const p of parameterTypes) registry.defineParameterType(new ParameterType(p.name, p.regexp, null, (s: string) => s, false, false));
  out = specs.filter((s) => s.needs?.length).flatMap((spec) => patternsOf(spec).map((pattern) => ({ expression: new CucumberExpression(pattern, registry), needs: spec.needs! })));
  compiled.set(specs, out);
  return out;
}

/**
 * Why a scenario cannot run on this driver, before it starts: the first of its steps that needs
 * a capability the driver lacks. Undefined when every step can run.
 */
export function notApplicable(specs: readonly StepSpec[], stepTexts: readonly string[], driver: Capable): string | undefined {
  const expressions = expressionsOf(specs);
  for (const text of stepTexts) {
    for (const { expression, needs } of expressions) {
      const missing = needs.find((c) => !driver.capabilities.has(c));
      if (missing && expression.match(text)) return notApplicableReason(driver, missing, text);
    }
  }
  return undefined;
}
