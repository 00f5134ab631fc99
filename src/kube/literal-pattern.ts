/** `text` as a RegExp source that matches exactly it (names, namespaces, Secret values in patterns). */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
