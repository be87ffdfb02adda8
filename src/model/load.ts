/**
 * Reading a plan file (SPEC §2): the one door through which a plan enters the
 * product, whether from a file, autosave, a share link or the command line.
 */

import { withDefaults } from './defaults';
import { MigrationError, migratePlanDocument, type PlanDocument } from './migrations';
import { findReferenceIssues, PLAN_COLLECTIONS } from './references';
import { formatCount, formatPath, PLAN_MESSAGES, type PlanIssue, planSchema } from './schema';
import { CURRENT_PLAN_VERSION, type LoadResult, PLAN_FORMAT, PLAN_LIMITS } from './types';

const MIB = 1024 * 1024;

/**
 * Loads a plan from its JSON text or from an already parsed value.
 *
 * The steps, each of which may refuse the document with one message:
 * 1. text only: the UTF-8 size against the 5 MB limit, before parsing, so an
 *    oversized file costs no parse (`the plan file is 6.0 MB; the limit is 5 MB`);
 *    then JSON (`not valid JSON: <reason>`); a leading byte order mark is
 *    skipped, as editors on Windows write one;
 * 2. the value must be an object (`not a plan: …`), `format` must be
 *    "exchange-port-plan" (so a foreign JSON file is refused), `version` a
 *    whole number from 1 to the current version (`version: this plan was made
 *    by a newer version …` above it);
 * 3. the migrations, step by step, to the current version;
 * 4. structure and types (the zod schema), then ids and references. Within
 *    each of these two stages the refusal names the first offending value in
 *    document order: array items by index, object fields in the order the
 *    document writes them, a missing field after the fields present, and an
 *    object before the values inside it (so a count limit on `nodes` comes
 *    before anything in `nodes[0]`). A structural error anywhere wins over a
 *    reference error anywhere;
 * 5. the defaults of SPEC §2 are filled in and unknown fields dropped.
 *
 * Refusal messages read `<path>: <what is wrong>` (`nodes[3].staticPorts.mta:
 * must be an integer from 1 to 65535`), except those of step 1, `not a plan:`
 * and `could not …`. This function never throws.
 */
export function loadPlan(input: unknown): LoadResult {
  try {
    return load(input);
  } catch (error) {
    return refuse(`could not load the plan: ${reasonOf(error)}`);
  }
}

function load(input: unknown): LoadResult {
  let value = input;
  if (typeof input === 'string') {
    const bytes = utf8Length(input);
    if (bytes > PLAN_LIMITS.fileBytes) return refuse(fileSizeMessage(bytes));
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      return refuse(`not valid JSON: ${reasonOf(error)}`);
    }
  }

  if (!isRecord(value)) {
    return refuse(`not a plan: ${PLAN_MESSAGES.notAnObject} with "format": "${PLAN_FORMAT}"`);
  }
  if (value.format !== PLAN_FORMAT) return refuse(`format: ${PLAN_MESSAGES.format}`);
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(`version: ${PLAN_MESSAGES.version}`);
  }
  if (version > CURRENT_PLAN_VERSION) return refuse(`version: ${PLAN_MESSAGES.newerVersion(version)}`);

  let doc: PlanDocument;
  try {
    doc = migratePlanDocument(value, version);
  } catch (error) {
    if (error instanceof MigrationError) {
      return refuse(`could not migrate the plan from version ${version}: ${error.message}`);
    }
    throw error;
  }

  const parsed = planSchema.safeParse(doc);
  if (!parsed.success) return refuseFirst(doc, parsed.error.issues);

  const order = [...PLAN_COLLECTIONS].sort((a, b) => compareInDocument(doc, [a], [b]));
  const referenceIssues = findReferenceIssues(parsed.data, order);
  if (referenceIssues.length > 0) return refuseFirst(doc, referenceIssues);

  return { ok: true, plan: withDefaults(parsed.data) };
}

function refuse(error: string): LoadResult {
  return { ok: false, error };
}

function refuseFirst(doc: PlanDocument, issues: readonly PlanIssue[]): LoadResult {
  let first = issues[0] as PlanIssue;
  for (const issue of issues) {
    if (compareInDocument(doc, issue.path, first.path) < 0) first = issue;
  }
  const path = formatPath(first.path);
  return refuse(path === '' ? `not a plan: ${first.message}` : `${path}: ${first.message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Orders two paths of `doc` as the values they point at appear in its text. */
export function compareInDocument(
  doc: unknown,
  a: readonly PropertyKey[],
  b: readonly PropertyKey[],
): number {
  let node: unknown = doc;
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const pa = a[i] as PropertyKey;
    const pb = b[i] as PropertyKey;
    if (pa === pb) {
      node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[pa] : undefined;
      continue;
    }
    if (typeof pa === 'number' && typeof pb === 'number') return pa - pb;
    const ra = keyRank(node, pa);
    const rb = keyRank(node, pb);
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  }
  return a.length - b.length;
}

/** The position of `key` among the object's fields; a field the document lacks ranks last. */
function keyRank(node: unknown, key: PropertyKey): number {
  if (!isRecord(node) || typeof key === 'symbol') return Number.POSITIVE_INFINITY;
  const index = Object.keys(node).indexOf(String(key));
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

/** The size of `text` encoded as UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}

/** The size refusal of SPEC §2, shared by every reader that refuses a file before reading it. */
export function fileSizeMessage(bytes: number): string {
  const limitMb = PLAN_LIMITS.fileBytes / MIB;
  const shown = (bytes / MIB).toFixed(1);
  // Just over the limit, one decimal would read "5.0 MB; the limit is 5 MB".
  if (Number(shown) > limitMb) return `the plan file is ${shown} MB; the limit is ${limitMb} MB`;
  return `the plan file is ${formatCount(bytes)} bytes; the limit is ${limitMb} MB (${formatCount(PLAN_LIMITS.fileBytes)} bytes)`;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
