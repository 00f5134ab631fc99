import { allSteps } from '../../steps/index.ts';
import { patternsOf } from '../step-catalog.ts';

/** One entry of the step vocabulary, as `kubespec steps --json` prints it. */
export interface StepInfo {
  area: string;
  patterns: string[];
  example: string;
  doc: string;
  /** The kubespec model that gives the verdict on every cluster, when it is not the cluster's own answer. */
  judgedByModel?: string;
  /** How the step observes a live cluster whose nodes run containers instead (it keeps the model elsewhere). */
  observesTraffic?: string;
  /** The driver capabilities the step needs beyond the core (src/drivers/capabilities.ts). */
  needs?: string[];
}

/** The built-in step vocabulary, with one example each. */
export function listSteps(): StepInfo[] {
  return allSteps.map((s) => ({ area: s.area, patterns: patternsOf(s), example: s.example, doc: s.doc, ...(s.judgedByModel ? { judgedByModel: s.judgedByModel } : {}), ...(s.observesTraffic ? { observesTraffic: s.observesTraffic } : {}), ...(s.needs?.length ? { needs: [...s.needs] } : {}) }));
}

/** The vocabulary as text for a terminal: grouped by area, pattern then example. */
export function renderSteps(steps: StepInfo[]): string {
  const out: string[] = [];
  let area = '';
  for (const s of steps) {
    if (s.area !== area) {
      area = s.area;
      out.push('', `# ${area}`);
    }
    out.push(`  ${s.patterns.join('\n  ')}`, `      ${s.doc}`);
    if (s.observesTraffic) out.push(`      observes a live cluster whose nodes run containers by ${s.observesTraffic}; elsewhere judged by a kubespec model (${s.judgedByModel}), saying why`);
    else if (s.judgedByModel) out.push(`      judged by a kubespec model (${s.judgedByModel}), also on live clusters: not the cluster's own answer`);
    if (s.needs) out.push(`      needs a driver that can: ${s.needs.join(', ')} (not applicable elsewhere)`);
    out.push(`      e.g. ${s.example.split('\n').join('\n           ')}`);
  }
  return out.join('\n').trimStart() + '\n';
}
