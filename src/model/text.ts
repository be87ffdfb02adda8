/**
 * What a name or a note text may hold (SPEC §2, v2): no control characters
 * (U+0000–U+001F, U+007F–U+009F; a note may hold line breaks) and no lone
 * surrogates. Such characters cannot be shown, break CSV cells and terminals,
 * and a lone surrogate is not even text: UTF-8 cannot encode it.
 */

/** A character a name or note must not hold, with where it is (a UTF-16 index). */
export type BadCharacter =
  | { kind: 'control'; code: number; index: number }
  | { kind: 'surrogate'; index: number };

export function isControlCharacter(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The first character of `text` that a name (or, with `lineBreaks`, a note) must not hold. */
export function firstBadCharacter(text: string, lineBreaks = false): BadCharacter | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControlCharacter(code)) {
      if (lineBreaks && isLineBreak(code)) continue;
      return { kind: 'control', code, index: i };
    }
    if (isHighSurrogate(code)) {
      if (i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      return { kind: 'surrogate', index: i };
    }
    if (isLowSurrogate(code)) return { kind: 'surrogate', index: i };
  }
  return undefined;
}

/**
 * `text` with each control character replaced by a space and each lone
 * surrogate by U+FFFD, the replacement character: how a version 1 name
 * becomes a valid version 2 name (SPEC §2.1) without losing its length.
 */
export function cleanName(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControlCharacter(code)) out += ' ';
    else if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else if (isHighSurrogate(code) || isLowSurrogate(code)) out += '\ufffd';
    else out += text[i];
  }
  return out;
}

/** `U+0007`: how a message names a character. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
