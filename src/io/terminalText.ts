/**
 * Text bound for a terminal (SPEC §7: names written to a terminal never carry
 * control characters). A name with ESC, a C1 CSI or a line break could move
 * the cursor, recolour the screen or forge a line; these write each such
 * character visibly instead. Files and pipes get the text unchanged.
 */

/** Writes each C0 and C1 control character (U+0000–U+001F, U+007F–U+009F) as `\xHH`. */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * JSON text for a terminal: JSON.stringify already escapes U+0000–U+001F
 * inside strings; this escapes U+007F–U+009F too, as `\u00HH`, so the text is
 * still valid JSON of the same value.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
