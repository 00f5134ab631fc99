/** Objects handed out by the store are deep-frozen: a reader can never mutate stored state. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // Walked in place, without a list of values per object: every write freezes what it stores.
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * What a writer built, made the store's own: its parts are copied, but frozen parts (taken over
 * from stored objects, so already decoded and never to change) are shared as they are.
 */
export function ownCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(ownCopy) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = ownCopy((value as Record<string, unknown>)[key]);
  return copy as T;
}

/**
 * A mutable deep copy, for writers that change what they read. Stored objects are JSON data
 * (objects, arrays, strings, numbers, booleans, null), so a plain recursive copy does; it is
 * several times faster than structuredClone, and every write thaws.
 */
export function thaw<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(thaw) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = thaw((value as Record<string, unknown>)[key]);
  return copy as T;
}

/**
 * A shallow, mutable copy of a plain object, built key by key from `{}`, for writers that copy an
 * object to change a few fields. The same as `{ ...value }` (keys in the same order), but every
 * copy of the same keys shares one hidden class: a spread at a site that sees many shapes went to
 * V8's slow clone path and gave every pod's status and container status a hidden class of its
 * own (~450 bytes each with its descriptors, and megamorphic reads of every status).
 */
export function shallowCopy<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = (value as Record<string, unknown>)[key];
  return copy as T;
}
