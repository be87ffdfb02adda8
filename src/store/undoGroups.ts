import type { Plan } from '../model/types';

/**
 * Undo steps for typing. Inspector fields apply on every keystroke, so typing
 * the port 6001 is four edits; a person expects one Undo to take the whole
 * number back. Consecutive edits of the same field(s) of the same object,
 * each within this long of the one before, make one undo step.
 */
export const UNDO_GROUP_MS = 1000;

/** Fields that change by a gesture (a drag, a resize), each gesture a step of its own. */
const GESTURE_FIELDS = new Set(['position', 'size']);

/** What an edit changes, for undo: nothing, a step of its own, or a step shared with the same field's next keystrokes. */
export type EditKind = { changed: false } | { changed: true; group: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Describes an edit `patch` of the object `current` (a node, a site, a link,
 * a connector, the plan) known as `scope`: which fields it changes, one level
 * deep (`staticPorts.mta`). Typed values (text, numbers, an emptied port) form
 * a group named by the scope and the changed fields; a checkbox, a drag or a
 * resize is always a step of its own.
 */
export function describeEdit(scope: string, current: object | undefined, patch: object): EditKind {
  if (!current) return { changed: true, group: null };
  const before = current as Record<string, unknown>;
  const paths: string[] = [];
  let ownStep = false;
  for (const [key, value] of Object.entries(patch)) {
    const old = before[key];
    if (value === old) continue;
    if (isRecord(value) && isRecord(old)) {
      for (const inner of new Set([...Object.keys(value), ...Object.keys(old)])) {
        const next = value[inner];
        const prior = old[inner];
        if (next === prior) continue;
        paths.push(`${key}.${inner}`);
        if (GESTURE_FIELDS.has(key) || !isTyped(next) || !isTyped(prior)) ownStep = true;
      }
    } else {
      paths.push(key);
      if (GESTURE_FIELDS.has(key) || !isTyped(value) || !isTyped(old)) ownStep = true;
    }
  }
  if (paths.length === 0) return { changed: false };
  return { changed: true, group: ownStep ? null : `${scope}|${paths.sort().join(',')}` };
}

function isTyped(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number';
}

export interface UndoGrouping {
  /** Runs `edit` (one store update) as a member of `group`; null: a step of its own. */
  edit<T>(group: string | null, edit: () => T): T;
  /**
   * Called for each recorded change of the plan: true when the change from
   * `before` to `after` continues the open group, so it adds no undo step
   * (the step already recorded goes back to where the group began).
   */
  continues(before: Plan, after: Plan): boolean;
}

/**
 * The open group is remembered with the plan its last edit made: only an
 * edit made on exactly that plan continues it, so an Undo, a Redo, another
 * edit or a replaced plan in between always starts a new step.
 */
export function createUndoGrouping(now = () => Date.now(), windowMs = UNDO_GROUP_MS): UndoGrouping {
  let pending: string | null = null;
  let open: { group: string; at: number; plan: Plan } | null = null;
  return {
    edit(group, edit) {
      pending = group;
      try {
        return edit();
      } finally {
        pending = null;
      }
    },
    continues(before, after) {
      const at = now();
      const joined =
        pending !== null &&
        open !== null &&
        open.group === pending &&
        open.plan === before &&
        at - open.at <= windowMs;
      open = pending === null ? null : { group: pending, at, plan: after };
      return joined;
    },
  };
}

/** The planner store's grouping. */
export const undoGrouping = createUndoGrouping();
