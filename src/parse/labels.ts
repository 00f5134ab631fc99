/**
 * kubectl label's arguments as a merge patch of metadata.labels: "key=value" sets a label,
 * "key-" removes it; several are separated by commas.
 */
export function labelPatch(text: string): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const item of text.split(',').map((l) => l.trim()).filter(Boolean)) {
    if (item.endsWith('-') && !item.includes('=')) patch[item.slice(0, -1)] = null;
    else {
      const eq = item.indexOf('=');
      if (eq < 0) throw new Error(`"${item}" is not a label change (use key=value to set, key- to remove)`);
      patch[item.slice(0, eq)] = item.slice(eq + 1);
    }
  }
  return patch;
}
