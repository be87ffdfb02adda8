/**
 * What the plan library keeps under which key, and how each value is written
 * and read back. Keys are versioned so that a later layout can migrate them:
 *   epp:v1:index        JSON list of { id, name, updatedAt }
 *   epp:v1:plan:<id>    the plan document of SPEC §2 (as a plan file, unindented)
 *   epp:v1:view:<id>    { x, y, zoom }
 *   epp:v1:current      the id of the plan that was open
 *   epp:v1:baseline:<id> the plan as last marked reviewed (reviewBaseline.ts)
 */

import { withDefaults } from '../model/defaults';
import { loadPlan } from '../model/load';
import type { LoadResult, Plan } from '../model/types';

/** The canvas viewport, as React Flow reports it. */
export interface PlanView {
  x: number;
  y: number;
  zoom: number;
}

const PREFIX = 'epp:v1:';
export const INDEX_KEY = `${PREFIX}index`;
export const CURRENT_KEY = `${PREFIX}current`;
export const PLAN_PREFIX = `${PREFIX}plan:`;
export const planKey = (id: string) => `${PLAN_PREFIX}${id}`;
export const viewKey = (id: string) => `${PREFIX}view:${id}`;
export const baselineKey = (id: string) => `${PREFIX}baseline:${id}`;

/**
 * The plan file document without the indentation of an exported file: a
 * 5,000-node plan takes 1.3 million characters instead of 2.2 of the few
 * million a browser grants.
 */
export function encodePlan(plan: Plan): string {
  return JSON.stringify(withDefaults(plan));
}

/** A stored plan text read back through `loadPlan`, so a damaged one is refused with a message. */
export function decodePlan(text: string): LoadResult {
  const loaded = loadPlan(text);
  if (!loaded.ok) return { ok: false, error: `The stored plan cannot be opened: ${loaded.error}` };
  return loaded;
}

export function encodeView(view: PlanView): string {
  return JSON.stringify(view);
}

/**
 * The zoom range of the canvas. A stored view is brought into it on the way
 * back, so a tampered or damaged entry (zoom 1e-300, or 1e300) cannot open a
 * plan at a scale where nothing is drawn and the zoom controls cannot help.
 */
export const VIEW_ZOOM = { min: 0.05, max: 2.5 } as const;
/**
 * How far a stored view may pan: plan coordinates lie within ±1,000,000
 * (SPEC §2), so at the largest zoom no drawing is further than this. A view
 * beyond it shows nothing and is read as damaged (the plan is fitted instead).
 */
export const VIEW_MAX_OFFSET = 1_000_000 * VIEW_ZOOM.max * 2;

/**
 * A stored viewport, or null when there is none or it is damaged (not
 * numbers, not finite, a zoom of zero or less, or panned past every drawing).
 * A zoom outside the canvas's range is brought to its nearest end.
 */
export function decodeView(text: string | null): PlanView | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { x, y, zoom } = value;
    if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return null;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(zoom) || zoom <= 0) return null;
    if (Math.abs(x) > VIEW_MAX_OFFSET || Math.abs(y) > VIEW_MAX_OFFSET) return null;
    return { x, y, zoom: Math.min(VIEW_ZOOM.max, Math.max(VIEW_ZOOM.min, zoom)) };
  } catch {
    return null;
  }
}

/** The name a stored plan text carries, read without full validation (for rebuilding the list). */
export function nameInPlanText(text: string | null): string {
  try {
    const name = (JSON.parse(text ?? '') as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}
