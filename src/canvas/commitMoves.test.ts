import { describe, expect, it } from 'vitest';
import { moveNodes } from '../store/planEdits';
import { makePlan, server, site } from '../test/factories';
import { moveNotice } from './commitMoves';

const plan = makePlan({
  sites: [
    site('ams', { name: 'Amsterdam', position: { x: 0, y: 0 }, size: { width: 500, height: 300 } }),
    site('utr', { name: 'Utrecht', position: { x: 1000, y: 0 }, size: { width: 500, height: 300 } }),
  ],
  nodes: [server('ex1', 'ams', { name: 'EX1', position: { x: 40, y: 60 } })],
});

describe('moveNotice', () => {
  it('says when a server changes site', () => {
    const moves = [{ id: 'ex1', position: { x: 1100, y: 100 } }];
    expect(moveNotice(plan, moveNodes(plan, moves), moves)).toBe('EX1 now belongs to site Utrecht.');
  });

  it('says when a server dropped outside every site stays in its own', () => {
    const moves = [{ id: 'ex1', position: { x: 700, y: 700 } }];
    expect(moveNotice(plan, moveNodes(plan, moves), moves)).toMatch(/^EX1 stays in site Amsterdam/);
  });

  it('says nothing for a move within the site', () => {
    const moves = [{ id: 'ex1', position: { x: 100, y: 100 } }];
    expect(moveNotice(plan, moveNodes(plan, moves), moves)).toBeNull();
  });
});
