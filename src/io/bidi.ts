/**
 * A name set into a sentence of plain text (a notice, an alert, a message),
 * between the Unicode isolates FIRST STRONG ISOLATE (U+2068) and POP
 * DIRECTIONAL ISOLATE (U+2069). A right-to-left name then reads right to
 * left without reordering the words around it, and a right-to-left override
 * (U+202E) in a name ends at the name instead of reversing the rest of the
 * sentence. React text uses `<bdi>` for the same.
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}
