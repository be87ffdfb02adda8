import { describe, expect, it } from 'vitest';
import type { ClientNode, PlanNode, ServerNode } from '../model/types';
import { client, connector, firewall, link, makePlan, network, server, site } from '../test/factories';
import {
  addConnector,
  addLink,
  addNode,
  addSite,
  deleteElements,
  moveNodes,
  NODE_BOX,
  nextId,
  nextName,
  siteAt,
  updateNode,
} from './planEdits';

const ams = site('ams', { name: 'Amsterdam', position: { x: 0, y: 0 }, size: { width: 500, height: 300 } });
const utr = site('utr', { name: 'Utrecht', position: { x: 1000, y: 0 }, size: { width: 500, height: 300 } });

function nodeOf(nodes: readonly PlanNode[], id: string): PlanNode {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('names and ids', () => {
  it('gives the first free name of the kind, zero-padded', () => {
    const plan = makePlan({
      sites: [ams],
      nodes: [firewall('a', { name: 'FW01' }), firewall('b', { name: 'FW03' })],
    });
    expect(nextName(plan, 'firewall')).toBe('FW02');
    expect(nextName(plan, 'server')).toBe('EX01');
    expect(nextName(plan, 'site')).toBe('SITE01');
  });

  it('gives ids unique across every kind of object', () => {
    const plan = makePlan({ sites: [site('s1')], nodes: [firewall('fw1'), network('l1')] });
    expect(nextId(plan, 'site')).toBe('s2');
    expect(nextId(plan, 'firewall')).toBe('fw2');
    expect(nextId(plan, 'link')).toBe('l2');
  });
});

describe('addNode', () => {
  it('puts a node dropped inside a site into that site', () => {
    const plan = makePlan({ sites: [ams, utr] });
    const result = ok(addNode(plan, 'firewall', { x: 1100, y: 100 }));
    const node = nodeOf(result.plan.nodes, result.id);
    expect(node.site).toBe('utr');
    expect(node.name).toBe('FW01');
    expect(node.position).toEqual({ x: 1100, y: 100 });
  });

  it('leaves a non-server dropped outside every site without a site', () => {
    const plan = makePlan({ sites: [ams] });
    const result = ok(addNode(plan, 'client', { x: 700, y: 700 }));
    expect(nodeOf(result.plan.nodes, result.id).site).toBeUndefined();
  });

  it('puts a server dropped outside every site into the nearest site, drawn inside it', () => {
    const plan = makePlan({ sites: [ams, utr] });
    const result = ok(addNode(plan, 'server', { x: 1600, y: 100 }));
    const node = nodeOf(result.plan.nodes, result.id) as ServerNode;
    expect(node.site).toBe('utr');
    const position = node.position ?? { x: NaN, y: NaN };
    expect(position.x + NODE_BOX.width).toBeLessThanOrEqual(1500);
    expect(position.x).toBeGreaterThanOrEqual(1000);
  });

  it('creates a site around a server added to a plan with no site', () => {
    const result = ok(addNode(makePlan(), 'server', { x: 200, y: 200 }));
    expect(result.plan.sites).toHaveLength(1);
    const node = nodeOf(result.plan.nodes, result.id) as ServerNode;
    expect(node.site).toBe(result.plan.sites[0]?.id);
    expect(siteAt(result.plan, node.position ?? { x: 0, y: 0 })?.id).toBe(node.site);
  });

  it('gives a new client the first server of the plan', () => {
    const plan = makePlan({ sites: [ams], nodes: [server('ex1', 'ams', { position: { x: 40, y: 60 } })] });
    const result = ok(addNode(plan, 'client', { x: 700, y: 0 }));
    expect((nodeOf(result.plan.nodes, result.id) as ClientNode).server).toBe('ex1');
  });

  it('places sites by the drawn layout when the plan file gave none', () => {
    // utr has no position: the layout puts it to the right of ams, and a drop there lands in it.
    const plan = makePlan({ sites: [ams, site('utr')] });
    const result = ok(addNode(plan, 'firewall', { x: 700, y: 100 }));
    expect(nodeOf(result.plan.nodes, result.id).site).toBe('utr');
  });

  it('leaves unchanged nodes as the same objects', () => {
    const ex1 = server('ex1', 'ams', { position: { x: 40, y: 60 } });
    const plan = makePlan({ sites: [ams], nodes: [ex1] });
    const result = ok(addNode(plan, 'firewall', { x: 700, y: 0 }));
    expect(result.plan.nodes[0]).toBe(ex1);
  });
});

describe('addSite', () => {
  it('adds a named site at the position with the default size', () => {
    const result = ok(addSite(makePlan({ sites: [ams] }), { x: 10, y: 20 }));
    const added = result.plan.sites.find((s) => s.id === result.id);
    expect(added).toMatchObject({
      name: 'SITE01',
      position: { x: 10, y: 20 },
      size: { width: 520, height: 340 },
    });
  });
});

describe('addLink', () => {
  const plan = makePlan({ sites: [ams], nodes: [firewall('fw'), network('lan'), server('ex1', 'ams')] });

  it('links two nodes', () => {
    const result = ok(addLink(plan, 'fw', 'lan'));
    expect(result.plan.links).toEqual([{ id: result.id, a: 'fw', b: 'lan' }]);
  });

  it('refuses a link to itself, to a site and a duplicate, with a reason', () => {
    expect(addLink(plan, 'fw', 'fw')).toEqual({ ok: false, error: 'A link must join two different nodes.' });
    const toSite = addLink(plan, 'fw', 'ams');
    expect(toSite.ok).toBe(false);
    expect(!toSite.ok && toSite.error).toMatch(/not a site/);
    const linked = ok(addLink(plan, 'fw', 'lan')).plan;
    const duplicate = addLink(linked, 'lan', 'fw');
    expect(duplicate).toEqual({ ok: false, error: 'lan and fw are already linked.' });
  });

  it('refuses an end that is not in the plan', () => {
    expect(addLink(plan, 'fw', 'nope').ok).toBe(false);
  });
});

describe('addConnector', () => {
  const plan = makePlan({
    sites: [ams, utr],
    nodes: [server('ex1', 'ams'), server('ex2', 'utr'), server('ex3', 'ams'), firewall('fw')],
  });

  it('joins two servers of different sites', () => {
    const result = ok(addConnector(plan, 'x400', 'ex1', 'ex2'));
    expect(result.plan.connectors).toEqual([{ id: result.id, type: 'x400', a: 'ex1', b: 'ex2' }]);
  });

  it('refuses servers of one site, non-servers and a second connector between the same pair', () => {
    expect(addConnector(plan, 'site', 'ex1', 'ex3').ok).toBe(false);
    expect(addConnector(plan, 'site', 'ex1', 'fw').ok).toBe(false);
    const once = ok(addConnector(plan, 'site', 'ex1', 'ex2')).plan;
    expect(addConnector(once, 'x400', 'ex2', 'ex1').ok).toBe(false);
  });
});

describe('updateNode', () => {
  it('changes fields but never the id or the type', () => {
    const plan = makePlan({ nodes: [firewall('fw')] });
    const next = updateNode(plan, 'fw', { name: 'EDGE', id: 'other', type: 'network' } as Partial<PlanNode>);
    expect(next.nodes[0]).toEqual({ id: 'fw', type: 'firewall', name: 'EDGE' });
  });
});

describe('deleteElements', () => {
  const plan = makePlan({
    sites: [ams, utr],
    nodes: [
      server('ex1', 'ams'),
      server('ex2', 'utr'),
      client('c1', 'ex2'),
      firewall('fw'),
      network('lan', { site: 'utr' }),
    ],
    links: [link('c1', 'fw'), link('fw', 'ex2'), link('fw', 'ex1')],
    connectors: [connector('site', 'ex1', 'ex2')],
  });

  it('deletes a node with its links and connectors and leaves its clients without a server', () => {
    const next = deleteElements(plan, ['ex2']);
    expect(next.nodes.map((n) => n.id)).toEqual(['ex1', 'c1', 'fw', 'lan']);
    expect(next.links.map((l) => l.id)).toEqual(['l.c1.fw', 'l.fw.ex1']);
    expect(next.connectors).toEqual([]);
    expect((nodeOf(next.nodes, 'c1') as ClientNode).server).toBeNull();
  });

  it('deletes a site with everything drawn inside it', () => {
    const next = deleteElements(plan, ['utr']);
    expect(next.sites.map((s) => s.id)).toEqual(['ams']);
    expect(next.nodes.map((n) => n.id)).toEqual(['ex1', 'c1', 'fw']);
  });

  it('deletes a link or a connector alone', () => {
    const next = deleteElements(plan, ['l.fw.ex1', 'k.site.ex1.ex2']);
    for (const [i, n] of next.nodes.entries()) expect(n).toBe(plan.nodes[i]);
    expect(next.links.map((l) => l.id)).toEqual(['l.c1.fw', 'l.fw.ex2']);
    expect(next.connectors).toEqual([]);
  });

  it('returns the same plan when there is nothing to delete', () => {
    expect(deleteElements(plan, [])).toBe(plan);
  });
});

describe('moveNodes', () => {
  const ex1 = server('ex1', 'ams', { position: { x: 40, y: 60 } });
  const fw = firewall('fw', { position: { x: 700, y: 60 } });
  const lan = network('lan', { site: 'ams', position: { x: 200, y: 60 } });
  const plan = makePlan({ sites: [ams, utr], nodes: [ex1, fw, lan] });

  it('moves a server into another site, which it then belongs to', () => {
    const next = moveNodes(plan, [{ id: 'ex1', position: { x: 1100, y: 100 } }]);
    expect(nodeOf(next.nodes, 'ex1')).toMatchObject({ site: 'utr', position: { x: 1100, y: 100 } });
  });

  it('keeps a server moved outside every site inside its own site', () => {
    const next = moveNodes(plan, [{ id: 'ex1', position: { x: 700, y: 600 } }]);
    const moved = nodeOf(next.nodes, 'ex1');
    expect(moved.site).toBe('ams');
    const p = moved.position ?? { x: NaN, y: NaN };
    expect(siteAt(next, { x: p.x + NODE_BOX.width / 2, y: p.y + NODE_BOX.height / 2 })?.id).toBe('ams');
  });

  it('takes a non-server out of a site and puts one into a site by its centre', () => {
    const out = moveNodes(plan, [{ id: 'lan', position: { x: 700, y: 600 } }]);
    expect(nodeOf(out.nodes, 'lan').site).toBeUndefined();
    const into = moveNodes(plan, [{ id: 'fw', position: { x: 1200, y: 100 } }]);
    expect(nodeOf(into.nodes, 'fw').site).toBe('utr');
  });

  it('carries the nodes of a moved site along', () => {
    const next = moveNodes(plan, [{ id: 'ams', position: { x: 100, y: 50 } }]);
    expect(nodeOf(next.nodes, 'ex1').position).toEqual({ x: 140, y: 110 });
    expect(nodeOf(next.nodes, 'lan').position).toEqual({ x: 300, y: 110 });
    expect(nodeOf(next.nodes, 'fw')).toBe(fw);
  });

  it('returns the same plan for no moves', () => {
    expect(moveNodes(plan, [])).toBe(plan);
  });
});
