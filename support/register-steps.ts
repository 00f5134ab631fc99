import { defineSteps } from '../src/index.ts';
import { allSteps } from '../steps/index.ts';

defineSteps(allSteps);
