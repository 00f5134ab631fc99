import { fileURLToPath } from 'node:url';

/** The kubespec package's own folder: built-in features, steps, manifests and behaviors live here. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
