/**
 * Caches a derived value per object, for objects nobody changes once handed out. The
 * simulator's stored objects are frozen and replaced on every write, so an object's identity is a
 * safe cache key: a new version is a new key. (Assertions read what a driver returned, fresh per
 * read, and never change it.)
 */
export function memoByObject<K extends object, V>(compute: (obj: K) => V): (obj: K) => V {
  const cache = new WeakMap<K, V>();
  return (obj) => {
    let v = cache.get(obj);
    if (v === undefined && !cache.has(obj)) {
      v = compute(obj);
      cache.set(obj, v);
    }
    return v as V;
  };
}
