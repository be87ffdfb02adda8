/**
 * Reading what a person types into the inspector's address and interface
 * boxes. The rules are the model's (SPEC §2): an address is checked and put
 * in canonical form by `canonicalAddress`, an interface name by
 * `INTERFACE_PATTERN`; an empty box means "none".
 */
import { canonicalAddress } from '../model/address';
import { INTERFACE_PATTERN } from '../model/schema';
import { codePointName, firstBadCharacter, isControlCharacter } from '../model/text';

/** What a box holds after reading it: a value to store (`null`: none), or why it cannot be stored. */
export type EntryText = { ok: true; value: string | null } | { ok: false; reason: string };

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** An address as typed: surrounding spaces ignored, empty for none, else its canonical form or the model's reason. */
export function readAddressText(text: string): EntryText {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  // "ANY" and "Any" mean what "any" means; the plan stores it in lower case.
  const read = canonicalAddress(trimmed.toLowerCase() === 'any' ? 'any' : trimmed);
  return read.ok ? { ok: true, value: read.address } : { ok: false, reason: sentence(read.error) };
}

export const INTERFACE_REASON = 'Must be 1–32 characters of letters, digits, _, - or .';

/** A firewall interface or zone name as typed: empty for none. */
export function readInterfaceText(text: string): EntryText {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  return INTERFACE_PATTERN.test(trimmed)
    ? { ok: true, value: trimmed }
    : { ok: false, reason: INTERFACE_REASON };
}

/** A name as typed or pasted, made fit to store, and what was taken out (null: nothing). */
export interface NameEntry {
  value: string;
  removed: string | null;
}

/**
 * A name as typed or pasted (SPEC §2, v2: no control characters, no lone
 * surrogates). A pasted tab or line break becomes a space, so two words stay
 * two words; any other control character and a lone surrogate are dropped.
 * `removed` says what went, for a message beside the box: a name is never
 * stored with such a character, and the person is never left wondering why
 * a keystroke did nothing.
 */
export function readNameText(text: string): NameEntry {
  const first = firstBadCharacter(text);
  if (!first) return { value: text, removed: null };
  const removed =
    first.kind === 'control'
      ? `A name holds no control characters: ${codePointName(first.code)} was left out.`
      : 'A name holds no broken characters (lone surrogates): one was left out.';
  const value = Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    if (code === 0x09 || code === 0x0a || code === 0x0d) return ' ';
    if (isControlCharacter(code)) return '';
    // Array.from splits by code point: a lone surrogate is a one-unit string in the surrogate range.
    if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) return '';
    return c;
  }).join('');
  return { value, removed };
}
