/** Objects handed out by the store are deep-frozen: a reader can never mutate stored state. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** A mutable deep copy, for writers that change what they read. */
export function thaw<T>(value: T): T {
  return structuredClone(value) as T;
}
