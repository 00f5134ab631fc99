import { defineParameterType } from '@cucumber/cucumber';
import { canonicalKindName, durationPattern, knownKindNames, parseDuration } from '../src/index.ts';

/**
 * Parameter types, defined once (DESIGN.md "Step grammar"). A bad value fails its step with
 * a message saying what was expected.
 */
defineParameterType({
  name: 'duration',
  regexp: durationPattern,
  transformer: (text: string) => parseDuration(text),
  useForSnippets: false,
});

const kindAlternatives = knownKindNames().flatMap((k) => [k, k.toLowerCase()]);

defineParameterType({
  name: 'kind',
  regexp: new RegExp(kindAlternatives.sort((a, b) => b.length - a.length).join('|')),
  transformer: (word: string) => canonicalKindName(word),
  useForSnippets: false,
});

defineParameterType({
  name: 'phase',
  regexp: /Pending|Running|Succeeded|Failed|Unknown/,
  useForSnippets: false,
});
