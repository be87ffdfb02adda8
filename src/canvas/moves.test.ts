import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { firewall, link, makePlan, server, site } from '../test/factories';
import { absoluteMoves, connectionIntent, isReplacement, nodesToFocus } from './moves';

const node = (id: string, x: number, y: number, parentId?: string): Node => ({
  id,
  position: { x, y },
  data: {},
  ...(parentId ? { parentId } : {}),
});

describe('absoluteMoves', () => {
  it('adds the site position to a node drawn inside it, and rounds', () => {
    const nodes = [node('s', 100, 50), node('a', 10.4, 20.6, 's'), node('b', 300, 300)];
    expect(absoluteMoves(nodes, ['a', 'b', 'missing'])).toEqual([
      { id: 'a', position: { x: 110, y: 71 } },
      { id: 'b', position: { x: 300, y: 300 } },
    ]);
  });
});

describe('connectionIntent', () => {
  const plan = makePlan({
    nodes: [server('e1', 'ams'), server('e2', 'utr'), server('e3', 'ams'), firewall('fw')],
  });

  it('asks between servers of different sites and links otherwise', () => {
    expect(connectionIntent(plan, 'e1', 'e2')).toEqual({ kind: 'choose' });
    expect(connectionIntent(plan, 'e1', 'e3')).toEqual({ kind: 'link' });
    expect(connectionIntent(plan, 'e1', 'fw')).toEqual({ kind: 'link' });
    expect(connectionIntent(plan, 'e1', 'ams')).toEqual({ kind: 'link' });
  });
});

describe('nodesToFocus', () => {
  it('turns links into their two ends', () => {
    const plan = makePlan({
      nodes: [firewall('a'), firewall('b'), firewall('c')],
      links: [link('a', 'b', 'l1')],
    });
    expect(nodesToFocus(plan, ['l1', 'c']).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('isReplacement', () => {
  const a = makePlan({ sites: [site('s')], nodes: [firewall('x'), firewall('y'), firewall('z')] });

  it('tells an edit from a replacement', () => {
    const edited = makePlan({ sites: [site('s')], nodes: [firewall('x'), firewall('y'), firewall('w')] });
    const other = makePlan({ nodes: [firewall('p'), firewall('q')] });
    expect(isReplacement(a, edited)).toBe(false);
    expect(isReplacement(a, other)).toBe(true);
    expect(isReplacement(makePlan(), a)).toBe(true);
    expect(isReplacement(a, makePlan())).toBe(false);
  });

  it('takes the first item drawn on an empty canvas for an edit', () => {
    expect(isReplacement(makePlan(), makePlan({ nodes: [firewall('f')] }))).toBe(false);
    expect(isReplacement(makePlan(), makePlan({ sites: [site('s')], nodes: [server('x', 's')] }))).toBe(
      false,
    );
  });
});
