/**
 * Label selectors, both as API objects (matchLabels + matchExpressions) and as the string form
 * kubectl and the API accept ("app=web,tier in (fe,be),!canary"). Semantics follow
 * apimachinery's labels package: all requirements must hold; an empty selector matches all.
 */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** A compiled selector. `matches` is called for every listed object, so it stays cheap. */
export class LabelSelector {
  constructor(readonly requirements: readonly Requirement[]) {}

  static everything(): LabelSelector { return new LabelSelector([]); }

  /** From a LabelSelector API object; throws on an unknown operator, as validation would. */
  static fromSpec(spec: LabelSelectorSpec | undefined | null): LabelSelector {
    if (!spec) return LabelSelector.everything();
    const reqs: Requirement[] = [];
    for (const [key, value] of Object.entries(spec.matchLabels ?? {})) {
      reqs.push({ key, operator: 'In', values: [value] });
    }
    for (const e of spec.matchExpressions ?? []) {
      if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) {
        throw new Error(`"${e.operator}" is not a valid label selector operator`);
      }
      reqs.push({ key: e.key, operator: e.operator as Operator, values: e.values ?? [] });
    }
    return new LabelSelector(reqs);
  }

  /** From the string form; throws with the offending text on a syntax error. */
  static parse(text: string): LabelSelector {
    return new LabelSelector(splitTopLevel(text).map(parseRequirement));
  }

  isEverything(): boolean { return this.requirements.length === 0; }

  matches(labels: Labels): boolean {
    for (const r of this.requirements) {
      const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
      const v = has ? labels![r.key]! : undefined;
      switch (r.operator) {
        case 'In':
        case 'Equals':
          if (!has || !r.values.includes(v!)) return false;
          break;
        case 'NotIn':
        case 'NotEquals':
          if (has && r.values.includes(v!)) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
      }
    }
    return true;
  }

  toString(): string {
    return this.requirements.map(requirementText).join(',');
  }
}

function requirementText(r: Requirement): string {
  switch (r.operator) {
    case 'Exists': return r.key;
    case 'DoesNotExist': return `!${r.key}`;
    case 'Equals': return `${r.key}=${r.values[0]}`;
    case 'NotEquals': return `${r.key}!=${r.values[0]}`;
    case 'In':
      return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
    case 'NotIn': return `${r.key} notin (${r.values.join(',')})`;
  }
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const setForm = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const equalityForm = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s,()]*)$/;
const existsForm = /^(!?)([^\s!=()]+)$/;

function parseRequirement(part: string): Requirement {
  let m = setForm.exec(part);
  if (m) {
    const values = m[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '');
    return { key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values };
  }
  m = equalityForm.exec(part);
  if (m) return { key: m[1]!, operator: m[2] === '!=' ? 'NotEquals' : 'Equals', values: [m[3]!] };
  m = existsForm.exec(part);
  if (m) return { key: m[2]!, operator: m[1] ? 'DoesNotExist' : 'Exists', values: [] };
  throw new Error(`unable to parse requirement: "${part}"`);
}

/**
 * The pod selector of a workload as a LabelSelector spec: a ReplicationController's is a plain
 * label map (the core/v1 form), every other workload's a LabelSelector.
 */
export function podSelectorSpec(workload: { kind: string; spec?: any }): any {
  return workload.kind === 'ReplicationController' ? { matchLabels: workload.spec?.selector ?? {} } : workload.spec?.selector;
}
