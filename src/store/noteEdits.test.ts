import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyPlan } from '../model/defaults';
import { PLAN_LIMITS } from '../model/types';
import { firewall, makePlan, note } from '../test/factories';
import { addNote, noteTextProblem, takeOverNotes, updateNote } from './noteEdits';
import { usePlanner } from './store';

const plan = makePlan({
  nodes: [firewall('fw1'), firewall('note1')],
  notes: [note('n1', 'fw1', 'Why 135?')],
});

describe('note text', () => {
  it('refuses empty, too long and control-character text, naming what is wrong', () => {
    expect(noteTextProblem('  \n ')).toBe('A note needs some text.');
    expect(noteTextProblem('x'.repeat(PLAN_LIMITS.noteLength + 1))).toMatch(/at most 2,000 characters/);
    expect(noteTextProblem('a\u0007b')).toMatch(/U\+0007 \(at character 2\)/);
    expect(noteTextProblem('two\nlines')).toBeNull();
    expect(noteTextProblem('<img src=x onerror=alert(1)>')).toBeNull();
  });
});

describe('addNote', () => {
  it('adds an open note with an id no object has', () => {
    const result = addNote(plan, 'fw1', 'Open 135 only');
    if (!result.ok) throw new Error(result.error);
    expect(result.id).toBe('note2');
    expect(result.plan.notes.at(-1)).toEqual({
      id: 'note2',
      about: 'fw1',
      text: 'Open 135 only',
      resolved: false,
    });
    expect(plan.notes).toHaveLength(1);
  });

  it('adds plan notes and refuses a note about an object the plan lacks', () => {
    const planNote = addNote(plan, null, 'Reviewed with the firewall team');
    expect(planNote.ok && planNote.plan.notes.at(-1)?.about).toBeNull();
    expect(addNote(plan, 'gone', 'x')).toEqual({
      ok: false,
      error: 'There is no site, node, link or connector with id "gone" to note.',
    });
    expect(addNote(plan, 'fw1', '')).toEqual({ ok: false, error: 'A note needs some text.' });
  });
});

describe('updateNote', () => {
  it('resolves, reopens and rewrites; leaves the plan as it was for a refused text or no change', () => {
    const resolved = updateNote(plan, 'n1', { resolved: true });
    expect(resolved.notes[0]?.resolved).toBe(true);
    expect(updateNote(resolved, 'n1', { resolved: false }).notes[0]?.resolved).toBe(false);
    expect(updateNote(plan, 'n1', { text: 'New' }).notes[0]?.text).toBe('New');
    expect(updateNote(plan, 'n1', { text: '' })).toBe(plan);
    expect(updateNote(plan, 'n1', { text: 'Why 135?' })).toBe(plan);
    expect(updateNote(plan, 'n9', { resolved: true })).toBe(plan);
  });
});

describe('takeOverNotes', () => {
  it('adds new notes, takes changed ones, keeps our own, skips notes about objects we lack', () => {
    const theirs = makePlan({
      nodes: [firewall('fw1'), firewall('fw2')],
      notes: [
        note('n1', 'fw1', 'Why 135?', true),
        note('n7', null, 'Approved'),
        note('n8', 'fw2', 'About a firewall only the reviewer has'),
      ],
    });
    const ours = { ...plan, notes: [...plan.notes, note('n2', 'fw1', 'Mine')] };
    const result = takeOverNotes(ours, theirs);
    expect(result).toMatchObject({ added: 1, updated: 1, skipped: 1 });
    expect(result.plan.notes.map((n) => [n.id, n.resolved])).toEqual([
      ['n1', true],
      ['n2', false],
      ['n7', false],
    ]);
    expect(takeOverNotes(result.plan, theirs).plan).toBe(result.plan);
  });
});

describe('note edits in the store', () => {
  beforeEach(() => {
    usePlanner.getState().setPlan(createEmptyPlan());
    usePlanner.getState().setPlan(plan);
    usePlanner.temporal.getState().clear();
  });

  it('are each one undo step', () => {
    const store = usePlanner.getState();
    const added = store.addNote(null, 'Plan note');
    expect(added.ok).toBe(true);
    usePlanner.getState().updateNote('n1', { resolved: true });
    usePlanner.getState().deleteElements(['n1']);
    expect(usePlanner.getState().plan.notes.map((n) => n.id)).toEqual(['note2']);
    usePlanner.temporal.getState().undo();
    expect(usePlanner.getState().plan.notes.map((n) => [n.id, n.resolved])).toEqual([
      ['n1', true],
      ['note2', false],
    ]);
    usePlanner.temporal.getState().undo();
    expect(usePlanner.getState().plan.notes[0]?.resolved).toBe(false);
    usePlanner.temporal.getState().undo();
    expect(usePlanner.getState().plan).toBe(plan);
  });

  it('a refused note changes nothing and records no step', () => {
    expect(usePlanner.getState().addNote('fw1', ' ').ok).toBe(false);
    expect(usePlanner.getState().plan).toBe(plan);
    expect(usePlanner.temporal.getState().pastStates).toHaveLength(0);
  });
});
