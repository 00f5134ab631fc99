/**
 * A set of field paths, stored as the trie that `metadata.managedFields[].fieldsV1` shows:
 * each step is `f:<field>`, `k:<key fields as JSON>` (an item of a keyed list), `v:<value as
 * JSON>` (an item of a set) or `i:<index>`; a node that is itself in the set is a member (shown
 * as `.` when it also has children). Path steps are kept sorted so that the same set always
 * prints the same way.
 */
export class FieldSet {
  member = false;
  readonly children = new Map<string, FieldSet>();

  insert(path: readonly string[]): void {
    let node: FieldSet = this;
    for (const step of path) {
      let next = node.children.get(step);
      if (!next) node.children.set(step, (next = new FieldSet()));
      node = next;
    }
    node.member = true;
  }

  has(path: readonly string[]): boolean {
    const node = this.at(path);
    return node?.member === true;
  }

  /** The subtree under a path, if any part of it is in the set. */
  at(path: readonly string[]): FieldSet | undefined {
    let node: FieldSet | undefined = this;
    for (const step of path) node = node?.children.get(step);
    return node;
  }

  isEmpty(): boolean {
    if (this.member) return false;
    for (const child of this.children.values()) if (!child.isEmpty()) return false;
    return true;
  }

  union(other: FieldSet): FieldSet {
    const out = this.copy();
    out.addAll(other);
    return out;
  }

  /** The members of this set that are not members of the other. */
  difference(other: FieldSet): FieldSet {
    return this.filter((path) => !other.has(path));
  }

  intersection(other: FieldSet): FieldSet {
    return this.filter((path) => other.has(path));
  }

  /** The members whose path passes the test; nodes left without members are dropped. */
  filter(keep: (path: readonly string[]) => boolean, prefix: string[] = []): FieldSet {
    const out = new FieldSet();
    out.member = this.member && keep(prefix);
    for (const [step, child] of this.children) {
      const kept = child.filter(keep, [...prefix, step]);
      if (!kept.isEmpty()) out.children.set(step, kept);
    }
    return out;
  }

  /** Every member's path, in the sorted order the set prints in. */
  paths(prefix: string[] = []): string[][] {
    const out: string[][] = this.member ? [prefix] : [];
    for (const step of [...this.children.keys()].sort()) out.push(...this.children.get(step)!.paths([...prefix, step]));
    return out;
  }

  /** The fieldsV1 trie. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.member && this.children.size > 0) out['.'] = {};
    for (const step of [...this.children.keys()].sort()) {
      const child = this.children.get(step)!;
      if (!child.isEmpty()) out[step] = child.toFieldsV1();
    }
    return out;
  }

  static fromFieldsV1(trie: unknown): FieldSet {
    const set = new FieldSet();
    const visit = (node: unknown, into: FieldSet): void => {
      const entries = Object.entries((node ?? {}) as Record<string, unknown>);
      if (entries.length === 0) into.member = true;
      for (const [step, child] of entries) {
        if (step === '.') {
          into.member = true;
          continue;
        }
        const next = new FieldSet();
        into.children.set(step, next);
        visit(child, next);
      }
    };
    visit(trie, set);
    set.member = false;
    return set;
  }

  private copy(): FieldSet {
    const out = new FieldSet();
    out.addAll(this);
    return out;
  }

  private addAll(other: FieldSet): void {
    this.member ||= other.member;
    for (const [step, child] of other.children) {
      let mine = this.children.get(step);
      if (!mine) this.children.set(step, (mine = new FieldSet()));
      mine.addAll(child);
    }
  }
}

/** A path as the apiserver prints it in conflict messages: `.spec.containers[name="web"].image`. */
export function pathText(path: readonly string[]): string {
  return path.map((step) => {
    const body = step.slice(2);
    if (step.startsWith('f:')) return `.${body}`;
    if (step.startsWith('k:')) {
      return `[${Object.entries(JSON.parse(body) as Record<string, unknown>).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    }
    if (step.startsWith('v:')) return `[=${body}]`;
    return `[${body}]`;
  }).join('');
}
