import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import type { Plan } from '../model/types';
import { reviewComparisonOf } from '../store/comparison';
import { withLayout } from '../store/layout';
import { chain, client, firewall, link, makePlan, note, server, site } from '../test/factories';
import { type CanvasNode, createAdapter, type LinkData, type PlanNodeData } from './adapter';
import { changeMarksOf } from './changeMarks';

const at = (x: number, y: number) => ({ position: { x, y } });

const before: Plan = makePlan({
  sites: [site('ams', { name: 'Amsterdam', ...at(400, 0), size: { width: 500, height: 300 } })],
  nodes: [
    client('pop', 'ex1', { name: 'POP users', protocol: 'pop3', auth: 'ssl', ...at(0, 100) }),
    client('old', 'ex1', { name: 'Old users', protocol: 'imap4', auth: 'ssl', ...at(0, 300) }),
    firewall('fw', { name: 'FW-EDGE', ...at(200, 100) }),
    server('ex1', 'ams', { name: 'EX1', address: '10.1.0.10', ...at(650, 100) }),
  ],
  links: [...chain('pop', 'fw', 'ex1'), link('old', 'fw')],
});

/** The address of EX1 changed, the IMAP client went, a firewall was added with a note on it. */
const after: Plan = {
  ...before,
  nodes: [
    ...before.nodes
      .filter((n) => n.id !== 'old')
      .map((n) => (n.id === 'ex1' ? { ...n, address: '10.1.0.11' } : n)),
    firewall('fw2', { name: 'FW-NEW', ...at(200, 500) }),
  ],
  links: before.links.filter((l) => l.id !== 'l.old.fw'),
  notes: [note('n1', 'fw2', 'Why?'), note('n2', 'fw2', 'Done', true), note('n3', null, 'Plan note')],
};

function view(plan: Plan, compared: Plan | null) {
  const review = compared ? reviewComparisonOf(compared, plan) : null;
  return createAdapter()({
    plan: withLayout(plan),
    analysis: analyzePlan(plan),
    selection: new Set(),
    emphasis: null,
    measured: new Map(),
    changes: review ? changeMarksOf(review) : null,
  });
}

const nodeData = (nodes: CanvasNode[], id: string) =>
  nodes.find((n) => n.id === id)?.data as PlanNodeData | undefined;

describe('compare mode on the canvas', () => {
  it('marks added, changed and rules-changed objects, in data and in their names', () => {
    const { nodes, edges } = view(after, before);
    expect(nodeData(nodes, 'fw2')?.change).toBe('added');
    expect(nodeData(nodes, 'ex1')?.change).toBe('changed');
    expect(nodeData(nodes, 'fw')?.change).toBe('rules');
    expect(nodeData(nodes, 'pop')?.change).toBeNull();
    expect(nodes.find((n) => n.id === 'ex1')?.ariaLabel).toMatch(/, changed$/);
    expect(nodes.find((n) => n.id === 'fw')?.ariaLabel).toMatch(/, firewall rules changed$/);
    // The firewall edge toward the server carries the rows whose address changed.
    expect((edges.find((e) => e.id === 'l.fw.ex1')?.data as LinkData | undefined)?.change).toBe('rules');
  });

  it('draws what only the compared plan had as ghosts at their old place, not selectable', () => {
    const { nodes, edges } = view(after, before);
    const ghost = nodes.find((n) => n.id === 'ghost:old');
    expect(ghost).toMatchObject({
      position: { x: 0, y: 300 },
      selectable: false,
      draggable: false,
      deletable: false,
    });
    expect(ghost?.ariaLabel).toBe('Client Old users, removed');
    expect(edges.find((e) => e.id === 'ghost:l.old.fw')).toMatchObject({ source: 'ghost:old', target: 'fw' });
  });

  it('marks nothing outside compare mode, and pins notes on what they are about', () => {
    const { nodes } = view(after, null);
    expect(nodes.some((n) => n.id.startsWith('ghost:'))).toBe(false);
    expect(nodes.every((n) => n.data.change === null)).toBe(true);
    expect(nodeData(nodes, 'fw2')?.notes).toEqual({ open: 1, resolved: 1 });
    expect(nodes.find((n) => n.id === 'fw2')?.ariaLabel).toMatch(/, 1 open note, 1 resolved note$/);
    expect(nodeData(nodes, 'fw')?.notes).toBeNull();
  });
});
