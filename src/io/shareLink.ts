/**
 * Share links (SPEC §8): the whole plan in the URL fragment, so nothing is
 * sent to any server (browsers never send the part after `#`).
 *
 * A fragment reads `plan=<version>.<payload>`: `plan=` says what it is,
 * `<version>` is the plan format version of SPEC §2, and the payload is the
 * compact form of the plan (compactPlan.ts) as UTF-8, DEFLATE-compressed,
 * followed by the CRC-32 of the uncompressed bytes, in base64url. The CRC
 * turns a damaged or cut link into a refusal instead of a subtly different
 * plan. The decoded document goes through `loadPlan`, so a shared plan gets
 * exactly the validation of a plan file.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { loadPlan } from '../model/load';
import type { LoadResult, Plan } from '../model/types';
import { CURRENT_PLAN_VERSION, PLAN_LIMITS } from '../model/types';
import { fromBase64Url, toBase64Url } from './base64url';
import { compactPlan } from './compactPlan';
import { crc32 } from './crc32';
import { CompactFormError, expandCompactPlan } from './expandCompactPlan';
import { expandCompactPlanV1 } from './expandCompactPlanV1';
import { applyJsonDelta, JsonDeltaError, jsonDelta } from './jsonDelta';

/** What a share fragment starts with. */
export const SHARE_FRAGMENT_KEY = 'plan';

const PRODUCT = 'Exchange Port Planner';

/**
 * Compact-form readers by plan format version; a later version keeps the
 * older readers. Version 1 gives a version 1 document, which `loadPlan`
 * migrates, so a link made by an older release opens as the same plan.
 */
const EXPANDERS: Record<number, (compact: unknown) => Record<string, unknown>> = {
  1: expandCompactPlanV1,
  2: expandCompactPlan,
};

/** What a share fragment's review baseline starts with, after the plan: `&review=`. */
export const REVIEW_FRAGMENT_KEY = 'review';

/** The plan as it was last marked reviewed, which a share link can carry beside the plan. */
export interface SharedBaseline {
  plan: Plan;
  /** When it was marked reviewed, in ms since 1970. */
  reviewedAt: number;
}

/**
 * The URL fragment (without `#`) that holds `plan`, e.g. `plan=2.3VZNb9s4…`.
 * With a review baseline it goes on `&review=2.…`: the baseline's date and
 * the difference from the plan's compact form to the baseline's
 * (jsonDelta.ts), packed like the plan, so a baseline a few edits away adds
 * little. A reader that knows no baselines opens the plan alone.
 */
export function encodeShareFragment(plan: Plan, baseline?: SharedBaseline): string {
  const compact = compactPlan(plan);
  const fragment = packFragment(compact);
  if (!baseline) return fragment;
  const review = { at: baseline.reviewedAt, delta: jsonDelta(compact, compactPlan(baseline.plan)) };
  return `${fragment}&${REVIEW_FRAGMENT_KEY}=${packFragment(review).slice(SHARE_FRAGMENT_KEY.length + 1)}`;
}

/**
 * The fragment for any compact value: compressed, with its CRC. Exported for
 * the reliability tests, which need well-packed fragments of broken content.
 */
export function packFragment(compact: unknown): string {
  const bytes = strToU8(JSON.stringify(compact));
  const deflated = deflateSync(bytes, { level: 9 });
  const payload = new Uint8Array(deflated.length + 4);
  payload.set(deflated);
  new DataView(payload.buffer).setUint32(deflated.length, crc32(bytes));
  return `${SHARE_FRAGMENT_KEY}=${CURRENT_PLAN_VERSION}.${toBase64Url(payload)}`;
}

/** `baseUrl` (any fragment it has replaced) with the fragment that holds `plan` (and its baseline, when given). */
export function shareUrl(plan: Plan, baseUrl: string, baseline?: SharedBaseline): string {
  const hash = baseUrl.indexOf('#');
  const base = hash === -1 ? baseUrl : baseUrl.slice(0, hash);
  return `${base}#${encodeShareFragment(plan, baseline)}`;
}

/**
 * Whether `fragment` (with or without `#`) is meant to be a share link, valid
 * or not: it has a `plan=` part, or it starts with "plan" (`#plan:2.…`,
 * `#Plan=…`), so that a mangled link is refused with a message rather than
 * ignored.
 */
export function isShareFragment(fragment: string): boolean {
  return findPlanParameter(fragment) !== undefined || /^plan\b/i.test(fragmentText(fragment) ?? '');
}

/**
 * The part after `#`, percent-decoded when it can be (mail and chat programs
 * encode a pasted link: `#plan%3D2.…`, `#%20plan=…`), without the white space
 * and invisible characters that copying leaves around it.
 */
function fragmentText(fragment: unknown): string | undefined {
  if (typeof fragment !== 'string') return undefined;
  const hash = fragment.indexOf('#');
  let text = hash === -1 ? fragment : fragment.slice(hash + 1);
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A broken escape is reported by decode, which looks at the value itself.
    }
  }
  return text.replace(/^[\s\u200b\u200e\u200f\u2060\ufeff]+|[\s\u200b\u200e\u200f\u2060\ufeff]+$/g, '');
}

function findPlanParameter(fragment: unknown, key = SHARE_FRAGMENT_KEY): string | undefined {
  const text = fragmentText(fragment);
  if (text === undefined) return undefined;
  const prefix = `${key}=`;
  return text
    .split('&')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

function damaged(detail: string): { ok: false; error: string } {
  return {
    ok: false,
    error: `The share link is damaged or incomplete (${detail}). Ask for the link again and copy all of it.`,
  };
}

/**
 * The plan a share fragment holds (`#plan=2.…`, or `#plan=1.…` from an older release; with or without `#`; a whole
 * URL is accepted too). Never throws: a foreign, damaged, cut or too-new
 * fragment, or a plan that `loadPlan` refuses, gives `{ ok: false, error }`
 * with a message that says which.
 */
export function decodeShareFragment(fragment: string): LoadResult {
  const shared = decodeSharedReview(fragment);
  return shared.ok ? { ok: true, plan: shared.plan } : shared;
}

/** A share link's plan with the review baseline it carries, if any. */
export type SharedReview =
  | { ok: true; plan: Plan; baseline: SharedBaseline | null }
  | { ok: false; error: string };

/**
 * The plan of a share fragment and its review baseline (`&review=…`), if it
 * has one. A damaged baseline refuses the whole link, as a damaged plan does:
 * the reviewer would otherwise see changes that were never made.
 */
export function decodeSharedReview(fragment: string): SharedReview {
  try {
    const plan = decode(fragment);
    if (!plan.ok) return plan;
    const value = findPlanParameter(fragment, REVIEW_FRAGMENT_KEY);
    if (value === undefined) return { ok: true, plan: plan.plan, baseline: null };
    const unpacked = unpack(value);
    if (!unpacked.ok) return damaged(`its review baseline: ${unpacked.error}`);
    const review = unpacked.compact as { at?: unknown; delta?: unknown } | null;
    if (
      typeof review !== 'object' ||
      review === null ||
      typeof review.at !== 'number' ||
      !Number.isFinite(review.at)
    ) {
      return damaged('its review baseline has no date');
    }
    let baselineCompact: unknown;
    try {
      baselineCompact = applyJsonDelta(plan.compact, review.delta ?? null);
    } catch (error) {
      if (error instanceof JsonDeltaError) return damaged(`its review baseline: ${error.message}`);
      throw error;
    }
    const baseline = expandAndLoad(baselineCompact, plan.version);
    if (!baseline.ok)
      return { ok: false, error: baseline.error.replace('The shared plan', 'The shared review baseline') };
    return { ok: true, plan: plan.plan, baseline: { plan: baseline.plan, reviewedAt: review.at } };
  } catch (error) {
    // Every known failure is handled in decode; this is the boundary for the rest.
    return damaged(error instanceof Error && error.message ? error.message : 'it cannot be read');
  }
}

type Decoded = { ok: true; plan: Plan; compact: unknown; version: number } | { ok: false; error: string };

function decode(fragment: string): Decoded {
  const value = findPlanParameter(fragment);
  // A fragment that starts with "plan" but has no readable "plan=": a link a program mangled.
  if (value === undefined && isShareFragment(fragment)) return damaged('its start "plan=" is mangled');
  if (value === undefined) {
    return {
      ok: false,
      error: `This link holds no ${PRODUCT} plan: the part after "#" does not start with "${SHARE_FRAGMENT_KEY}=".`,
    };
  }
  const unpacked = unpack(value);
  if (!unpacked.ok) return unpacked;
  const loaded = expandAndLoad(unpacked.compact, unpacked.version);
  return loaded.ok ? { ...loaded, compact: unpacked.compact, version: unpacked.version } : loaded;
}

type Unpacked = { ok: true; compact: unknown; version: number } | { ok: false; error: string };

/** The compact value of a packed `<version>.<payload>`, checked against its CRC. */
function unpack(packed: string): Unpacked {
  let value = packed;
  if (value.includes('%')) {
    // Some mail and chat programs percent-encode a pasted link.
    try {
      value = decodeURIComponent(value);
    } catch {
      return damaged('it has a broken %-escape');
    }
  }
  // Mail programs break long links over lines; no share link holds white space.
  value = value.replace(/\s+/g, '');

  const dot = value.indexOf('.');
  if (dot === -1) return damaged('it has no format version');
  const versionText = value.slice(0, dot);
  if (!/^\d{1,9}$/.test(versionText))
    return damaged(`its format version "${versionText.slice(0, 20)}" is not a number`);
  const version = Number(versionText);
  if (version > CURRENT_PLAN_VERSION) {
    return {
      ok: false,
      error: `This shared plan was made by a newer version of ${PRODUCT} (plan format ${version}; this version reads up to ${CURRENT_PLAN_VERSION}). Open the link with the newer version.`,
    };
  }
  if (!EXPANDERS[version]) return damaged(`plan format ${version} does not exist`);

  const payload = fromBase64Url(value.slice(dot + 1));
  if (!payload) return damaged('it has characters a share link never holds');
  if (payload.length < 5) return damaged('it is too short');

  const deflated = payload.subarray(0, payload.length - 4);
  const expectedCrc = new DataView(payload.buffer, payload.byteOffset).getUint32(payload.length - 4);
  const bytes = inflateWithin(deflated, PLAN_LIMITS.fileBytes);
  if (typeof bytes === 'string') return damaged(bytes);
  if (crc32(bytes) !== expectedCrc) return damaged('its check sum does not match');

  try {
    return { ok: true, compact: JSON.parse(strFromU8(bytes)), version };
  } catch {
    return damaged('its content is not readable');
  }
}

/** The plan a compact value of plan format `version` describes, validated as a plan file is. */
function expandAndLoad(compact: unknown, version: number): LoadResult {
  const expand = EXPANDERS[version];
  if (!expand) return damaged(`plan format ${version} does not exist`);
  let document: Record<string, unknown>;
  try {
    document = expand(compact);
  } catch (error) {
    if (error instanceof CompactFormError) return damaged(`its content is malformed at ${error.message}`);
    throw error;
  }
  const loaded = loadPlan(document);
  if (!loaded.ok) return { ok: false, error: `The shared plan is not valid: ${loaded.error}` };
  return loaded;
}

/** The bytes `deflated` inflates to, or why not; stops as soon as the output passes `limit`. */
function inflateWithin(deflated: Uint8Array, limit: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) tooLarge = true;
    else chunks.push(chunk);
  });
  // Small input steps bound the work a crafted link (a "zip bomb") can cause.
  const step = 1024;
  try {
    for (let at = 0; at < deflated.length && !tooLarge; at += step) {
      const end = Math.min(at + step, deflated.length);
      inflate.push(deflated.subarray(at, end), end === deflated.length);
    }
  } catch {
    return 'its compressed data is broken or cut off';
  }
  if (tooLarge)
    return `it unpacks to more than the ${PLAN_LIMITS.fileBytes / 1024 / 1024} MB a plan may have`;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
