/**
 * Reading what a person types into the inspector's address and interface
 * boxes. The rules are the model's (SPEC §2): an address is checked and put
 * in canonical form by `canonicalAddress`, an interface name by
 * `INTERFACE_PATTERN`; an empty box means "none".
 */
import { canonicalAddress } from '../model/address';
import { INTERFACE_PATTERN } from '../model/schema';

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
