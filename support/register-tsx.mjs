// Lets Cucumber import the TypeScript support and step files (also in --parallel workers).
import { register } from 'tsx/esm/api';

register();
