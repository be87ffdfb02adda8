import { firstBadCharacter } from '../model/text';
import { type Note, PLAN_LIMITS, type Plan } from '../model/types';
import type { EditResult } from './planEdits';

/**
 * Pure edits of a plan's review notes (SPEC §2): added, rewritten, resolved,
 * reopened, taken over from another version of the plan. A note is about a
 * site, node, link or connector, or (about `null`) the plan; it never changes
 * flows or findings.
 */

const NOTE_ID_PREFIX = 'note';

/** Why `text` cannot be a note's text, or null when it can. */
export function noteTextProblem(text: string): string | null {
  if (text.trim().length === 0) return 'A note needs some text.';
  if (text.length > PLAN_LIMITS.noteLength) {
    return `A note has at most ${PLAN_LIMITS.noteLength.toLocaleString('en')} characters (this one has ${text.length.toLocaleString('en')}).`;
  }
  const bad = firstBadCharacter(text, true);
  if (bad) {
    return bad.kind === 'control'
      ? `A note cannot hold the control character U+${bad.code.toString(16).toUpperCase().padStart(4, '0')} (at character ${bad.index + 1}).`
      : `A note cannot hold half of a character pair (at character ${bad.index + 1}).`;
  }
  return null;
}

function objectIds(plan: Plan): Set<string> {
  const ids = new Set<string>();
  for (const list of [plan.sites, plan.nodes, plan.links, plan.connectors])
    for (const o of list) ids.add(o.id);
  return ids;
}

function freeNoteId(plan: Plan, taken: Set<string>): string {
  for (const note of plan.notes) taken.add(note.id);
  for (let n = 1; ; n++) {
    const id = `${NOTE_ID_PREFIX}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new open note about `about` (an object id, or null for the plan). */
export function addNote(plan: Plan, about: string | null, text: string): EditResult {
  const problem = noteTextProblem(text);
  if (problem) return { ok: false, error: problem };
  const ids = objectIds(plan);
  if (about !== null && !ids.has(about)) {
    return { ok: false, error: `There is no site, node, link or connector with id "${about}" to note.` };
  }
  if (plan.notes.length >= PLAN_LIMITS.notes) {
    return { ok: false, error: `A plan holds at most ${PLAN_LIMITS.notes.toLocaleString('en')} notes.` };
  }
  const id = freeNoteId(plan, ids);
  return { ok: true, id, plan: { ...plan, notes: [...plan.notes, { id, about, text, resolved: false }] } };
}

export type NotePatch = Partial<Pick<Note, 'text' | 'resolved'>>;

/** A note with new text or resolved state; the plan as it was when the note is gone or the text is refused. */
export function updateNote(plan: Plan, id: string, patch: NotePatch): Plan {
  if (patch.text !== undefined && noteTextProblem(patch.text)) return plan;
  let changed = false;
  const notes = plan.notes.map((note) => {
    if (note.id !== id) return note;
    const next = { ...note, ...patch };
    if (next.text === note.text && next.resolved === note.resolved) return note;
    changed = true;
    return next;
  });
  return changed ? { ...plan, notes } : plan;
}

export interface TakeOverResult {
  plan: Plan;
  /** Notes the other plan has and this one did not. */
  added: number;
  /** Notes both have, with the other plan's text or resolved state taken. */
  updated: number;
  /** Notes about an object this plan does not have, left out. */
  skipped: number;
}

/**
 * Takes over the review notes of another version of the plan (a reviewer's
 * copy): a note this plan lacks is added, a note both have takes the other's
 * text and resolved state. Notes are matched by id; a note about an object
 * this plan lacks cannot be placed and is left out. A note the other plan
 * lacks is kept: the reviewer saw the plan before it was written.
 */
export function takeOverNotes(plan: Plan, from: Plan): TakeOverResult {
  const ids = objectIds(plan);
  const byId = new Map(plan.notes.map((n) => [n.id, n] as const));
  let added = 0;
  let updated = 0;
  let skipped = 0;
  const notes = [...plan.notes];
  for (const theirs of from.notes) {
    if (theirs.about !== null && !ids.has(theirs.about)) {
      skipped++;
      continue;
    }
    const ours = byId.get(theirs.id);
    if (!ours) {
      if (ids.has(theirs.id) || notes.length >= PLAN_LIMITS.notes) {
        skipped++;
        continue;
      }
      notes.push({ ...theirs });
      added++;
    } else if (
      ours.text !== theirs.text ||
      ours.resolved !== theirs.resolved ||
      ours.about !== theirs.about
    ) {
      notes[notes.indexOf(ours)] = { ...theirs };
      updated++;
    }
  }
  return { plan: added + updated > 0 ? { ...plan, notes } : plan, added, updated, skipped };
}
