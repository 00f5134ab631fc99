import type { GherkinDocument } from '@cucumber/messages';

/** Where a step sits in its feature file, and where its doc string starts. */
export interface StepPlace {
  uri: string;
  line: number;
  /** The line of the doc string's opening delimiter, if the step has one. */
  docStringLine?: number;
}

const cache = new WeakMap<GherkinDocument, Map<string, StepPlace>>();

/** Finds a pickle step's place from its AST node id (the first one: the step itself). */
export function stepPlace(doc: GherkinDocument, astNodeId: string): StepPlace | undefined {
  let index = cache.get(doc);
  if (!index) {
    index = new Map();
    const uri = doc.uri ?? '';
    const addSteps = (steps: readonly any[]) => {
      for (const s of steps) index!.set(s.id, { uri, line: s.location.line, docStringLine: s.docString?.location.line });
    };
    const walk = (children: readonly any[]) => {
      for (const c of children) {
        if (c.background) addSteps(c.background.steps);
        if (c.scenario) addSteps(c.scenario.steps);
        if (c.rule) walk(c.rule.children);
      }
    };
    walk(doc.feature?.children ?? []);
    cache.set(doc, index);
  }
  return index.get(astNodeId);
}
