import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerNode } from '../model/types';
import { makePlan, server, site } from '../test/factories';
import { UNDO_LIMIT, usePlanner } from './store';
import { createUndoGrouping, describeEdit, UNDO_GROUP_MS } from './undoGroups';

const plan = makePlan({ sites: [site('s1'), site('s2')], nodes: [server('ex1', 's1'), server('ex2', 's1')] });

function steps(): number {
  return usePlanner.temporal.getState().pastStates.length;
}

function ex1(): ServerNode {
  const node = usePlanner.getState().plan.nodes.find((n) => n.id === 'ex1');
  if (node?.type !== 'server') throw new Error('ex1 is gone');
  return node;
}

/** Types `text` into a port field the way the inspector applies it: one edit per keystroke, `gap` ms apart. */
function typePort(text: string, gap = 150) {
  for (let i = 1; i <= text.length; i++) {
    vi.advanceTimersByTime(gap);
    usePlanner
      .getState()
      .updateNode('ex1', { staticPorts: { ...ex1().staticPorts, directory: Number(text.slice(0, i)) } });
  }
}

describe('describeEdit', () => {
  const node = server('ex1', 's1');

  it('names the changed fields, one level deep, for typed values', () => {
    expect(describeEdit('node:ex1', node, { name: 'EX' })).toEqual({ changed: true, group: 'node:ex1|name' });
    expect(describeEdit('node:ex1', node, { staticPorts: { ...node.staticPorts, mta: 6003 } })).toEqual({
      changed: true,
      group: 'node:ex1|staticPorts.mta',
    });
  });

  it('makes a checkbox, a move or a resize a step of its own', () => {
    expect(describeEdit('node:ex1', node, { services: { ...node.services, pop3: false } })).toEqual({
      changed: true,
      group: null,
    });
    const s = site('s1', { position: { x: 0, y: 0 }, size: { width: 300, height: 200 } });
    expect(describeEdit('site:s1', s, { size: { width: 320, height: 200 } })).toEqual({
      changed: true,
      group: null,
    });
  });

  it('sees an edit that changes nothing', () => {
    expect(describeEdit('node:ex1', node, { name: 'ex1', staticPorts: { ...node.staticPorts } })).toEqual({
      changed: false,
    });
  });
});

describe('createUndoGrouping', () => {
  it('joins only an edit of the same group, on the plan the last one made, within the window', () => {
    let clock = 0;
    const grouping = createUndoGrouping(() => clock, 1000);
    const a = makePlan();
    const b = makePlan();
    const c = makePlan();
    const d = makePlan();
    expect(grouping.edit('g', () => grouping.continues(a, b))).toBe(false);
    clock = 900;
    expect(grouping.edit('g', () => grouping.continues(b, c))).toBe(true);
    clock = 1800;
    // Another plan in between (an Undo): a new step.
    expect(grouping.edit('g', () => grouping.continues(a, d))).toBe(false);
    clock = 1900;
    expect(grouping.edit('other', () => grouping.continues(d, a))).toBe(false);
    clock = 3000;
    expect(grouping.edit('other', () => grouping.continues(a, b))).toBe(false);
    expect(grouping.continues(b, c)).toBe(false);
  });
});

describe('undo history of the planner store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    usePlanner.getState().setPlan(plan);
    usePlanner.temporal.getState().clear();
  });
  afterEach(() => vi.useRealTimers());

  it('takes a port typed one digit at a time back in one step', () => {
    typePort('6001');
    expect(ex1().staticPorts.directory).toBe(6001);
    expect(steps()).toBe(1);
    usePlanner.temporal.getState().undo();
    expect(ex1().staticPorts.directory).toBeNull();
    usePlanner.temporal.getState().redo();
    expect(ex1().staticPorts.directory).toBe(6001);
  });

  it('starts a new step after a pause, in another field, or after an undo', () => {
    typePort('60');
    vi.advanceTimersByTime(UNDO_GROUP_MS + 1);
    typePort('6001'.slice(0, 3));
    expect(steps()).toBe(2);

    usePlanner.getState().updateNode('ex1', { name: 'EXAMS01' });
    usePlanner.getState().updateNode('ex1', { name: 'EXAMS02' });
    expect(steps()).toBe(3);

    usePlanner.temporal.getState().undo();
    expect(ex1().name).toBe('ex1');
    usePlanner.getState().updateNode('ex1', { name: 'EXAMS03' });
    expect(steps()).toBe(3);
    expect(usePlanner.temporal.getState().futureStates).toHaveLength(0);
    usePlanner.temporal.getState().undo();
    expect(ex1().name).toBe('ex1');
  });

  it('keeps each checkbox, move and delete a step of its own, and drops edits that change nothing', () => {
    const { updateNode, moveNodes, deleteElements } = usePlanner.getState();
    updateNode('ex1', { services: { ...ex1().services, pop3: false } });
    updateNode('ex1', { services: { ...ex1().services, imap4: false } });
    moveNodes([{ id: 'ex2', position: { x: 10, y: 10 } }]);
    moveNodes([{ id: 'ex2', position: { x: 20, y: 10 } }]);
    updateNode('ex1', { name: 'ex1' });
    deleteElements(['ex2']);
    expect(steps()).toBe(5);
  });

  it('keeps at least 200 steps', () => {
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 250; i++) usePlanner.getState().moveNodes([{ id: 'ex2', position: { x: i, y: 0 } }]);
    expect(steps()).toBe(250);
    usePlanner.temporal.getState().undo(250);
    expect(usePlanner.getState().plan).toBe(plan);
  });
});
