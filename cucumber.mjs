// Profiles for running cucumber-js directly; `kubespec run` builds the same configuration.
import { cucumberConfig, packageRoot } from './support/cucumber-config.mjs';

export const sim = cucumberConfig({ profile: 'sim', projectRoot: packageRoot });
export const live = cucumberConfig({ profile: 'live', projectRoot: packageRoot });
export default sim;
