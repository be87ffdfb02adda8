/**
 * Object ids of a plan (SPEC §2): 1–64 ASCII letters, digits, `_`, `-`, `.`,
 * unique across sites, nodes, links and connectors together, so that one id
 * names one thing wherever a finding or a share link mentions it.
 */

export const ID_MAX_LENGTH = 64;

/** The syntax of every id (SPEC §2). */
export const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Whether `value` is a string with the syntax of an id. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * The first id of the form `<prefix><n>` (n = 1, 2, …) that `taken` does not
 * hold; the prefix is cut so the id stays within 64 characters. Used when the
 * user adds an object and the plan must stay valid.
 */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = String(n);
    const id = `${prefix.slice(0, ID_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}
