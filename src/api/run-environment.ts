import type { Writable } from 'node:stream';

/**
 * What the API needs from the outside world, passed in (STYLE.md §4) so tests can give fakes.
 * Nothing under src/api reads process.* itself.
 */
export interface RunEnvironment {
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}
