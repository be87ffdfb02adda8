/** What a port text box holds after reading it: a port, "dynamic" (empty), or a reason to refuse it. */
export type PortText = { ok: true; port: number | null } | { ok: false; reason: string };

export const PORT_REASON = 'Must be a whole number from 1 to 65535';

/**
 * Reads a port typed by a person. Only digits count (SPEC §2: every port is
 * an integer 1–65535); `allowEmpty` is for the static RPC ports, where an
 * empty box means dynamic (1024–65535).
 */
export function readPortText(text: string, allowEmpty: boolean): PortText {
  const trimmed = text.trim();
  if (trimmed === '') {
    return allowEmpty ? { ok: true, port: null } : { ok: false, reason: PORT_REASON };
  }
  if (!/^[0-9]+$/.test(trimmed)) return { ok: false, reason: PORT_REASON };
  const port = Number(trimmed);
  if (port < 1 || port > 65535) return { ok: false, reason: PORT_REASON };
  return { ok: true, port };
}

/** The text a port box shows for a stored port. */
export function portToText(port: number | null): string {
  return port === null ? '' : String(port);
}
