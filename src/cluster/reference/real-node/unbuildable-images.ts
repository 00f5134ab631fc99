/**
 * Images the scenarios name that a real node does not build, by repository as containerd names
 * it, each with why: what the offline images are built from is the Debian bookworm archive
 * (debian-packages.ts) and the Kubernetes modules, and these servers are not there. Passing
 * another server off under their names would make the real node judge a different program.
 * The fidelity run says this where it leaves a scenario out for such an image.
 */
const unbuildable: Record<string, (image: string) => string> = {
  // bookworm's default-mysql-server and mysql-server-core are MariaDB 10.11.
  'docker.io/library/mysql': (image) => `${image} is not in the Debian archive; MariaDB is a different server`,
  // bookworm's postgresql is 15.
  'docker.io/library/postgres': (image) => `${image} is not in the Debian archive (bookworm has PostgreSQL 15)`,
};

/** Why `image` (as a scenario writes it; `repository` as containerd names it) is not built offline, when that is known. */
export function whyNotBuilt(image: string, repository: string): string | undefined {
  return unbuildable[repository]?.(image);
}
