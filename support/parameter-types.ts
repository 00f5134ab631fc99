import { defineParameterType } from '@cucumber/cucumber';
import { parameterTypes } from '../src/step-kit.ts';

for (const p of parameterTypes) {
  defineParameterType({ name: p.name, regexp: p.regexp, transformer: p.transformer, useForSnippets: false });
}
