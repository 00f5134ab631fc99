/**
 * A map of at most `capacity` entries that forgets the least recently set one, as client-go's
 * EventCorrelator's cache (golang-lru) does for its 4096 keys. Setting a key makes it the most
 * recent; reading does not (the recorder sets every key it uses).
 *
 * Kept as a list beside the map because a Map alone, with the oldest dropped through
 * `keys().next()`, costs a walk over the holes earlier deletions left at its front (V8
 * compacts a Map only when it grows): at a large cluster's event rate that walk was ~1 % of
 * the simulator's time.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  /** The least recently set entry; `newest` the most. */
  private oldest?: Entry<K, V>;
  private newest?: Entry<K, V>;

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Sets `key` to `value` as the most recent entry, forgetting the oldest beyond capacity. */
  set(key: K, value: V): void {
    let entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      this.unlink(entry);
    } else {
      entry = { key, value };
      this.entries.set(key, entry);
    }
    this.append(entry);
    if (this.entries.size > this.capacity) {
      const gone = this.oldest!;
      this.unlink(gone);
      this.entries.delete(gone.key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = undefined;
  }

  private append(entry: Entry<K, V>): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }
}

interface Entry<K, V> {
  key: K;
  value: V;
  older?: Entry<K, V>;
  newer?: Entry<K, V>;
}
