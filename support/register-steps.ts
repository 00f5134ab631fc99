import { defineSteps } from '../src/step-kit.ts';
import { allSteps } from '../steps/index.ts';

defineSteps(allSteps);
