import { describe, expect, it } from 'vitest';
import type { ClientNode, NewsHostNode, OwaNode, PlanNode, ServerNode, SiteConnector } from '../model/types';
import {
  client,
  connector,
  dns,
  firewall,
  link,
  makePlan,
  network,
  newsHost,
  note,
  owa,
  server,
  site,
  siteConnector,
  smtpHost,
} from '../test/factories';
import {
  addConnector,
  addLink,
  addNode,
  addSite,
  addSiteConnectorBetween,
  deleteElements,
  moveNodes,
  NODE_BOX,
  nextId,
  nextName,
  siteAt,
  updateConnector,
  updateLink,
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
    expect(result.plan.links).toEqual([
      { id: result.id, a: 'fw', b: 'lan', aInterface: null, bInterface: null },
    ]);
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

  it('joins the sites of two servers by a Site Connector, each half from its server to the other (SPEC §2.1)', () => {
    const result = ok(addConnector(plan, 'site', 'ex1', 'ex2'));
    expect(result.plan.connectors).toEqual([
      {
        id: result.id,
        type: 'site',
        a: 'ams',
        b: 'utr',
        bridgeheadA: 'ex1',
        targetsA: ['ex2'],
        bridgeheadB: 'ex2',
        targetsB: ['ex1'],
      },
    ]);
  });

  it('refuses servers of one site, non-servers and a second connector of a type between the same ends', () => {
    expect(addConnector(plan, 'site', 'ex1', 'ex3').ok).toBe(false);
    expect(addConnector(plan, 'site', 'ex1', 'fw').ok).toBe(false);
    const once = ok(addConnector(plan, 'x400', 'ex1', 'ex2')).plan;
    expect(addConnector(once, 'x400', 'ex2', 'ex1').ok).toBe(false);
    const both = ok(addConnector(once, 'site', 'ex2', 'ex1')).plan;
    // Any other pair of servers of the same two sites: the sites already have their Site Connector.
    const again = addConnector(both, 'site', 'ex3', 'ex2');
    expect(again).toEqual({
      ok: false,
      error:
        'Amsterdam and Utrecht already have a site connector: select it to change its bridgeheads and target servers.',
    });
  });

  it('adds a Site Connector between two sites with Exchange’s defaults: any server, all servers', () => {
    const result = ok(addSiteConnectorBetween(plan, 'utr', 'ams'));
    expect(result.plan.connectors).toEqual([siteConnector('utr', 'ams', {}, result.id)]);
    expect(addSiteConnectorBetween(result.plan, 'ams', 'utr').ok).toBe(false);
    expect(addSiteConnectorBetween(plan, 'ams', 'ams').ok).toBe(false);
    expect(addSiteConnectorBetween(plan, 'ams', 'ex1').ok).toBe(false);
  });
});

describe('new node kinds', () => {
  const plan = makePlan({
    sites: [ams],
    nodes: [server('old', 'ams', { exchange: '4.0' }), server('ex1', 'ams')],
  });

  it('creates OWA, DNS and news hosts with the model’s defaults, pointed at a server that can serve them', () => {
    const withOwa = ok(addNode(plan, 'owa', { x: 700, y: 100 }));
    expect(nodeOf(withOwa.plan.nodes, withOwa.id)).toMatchObject({
      type: 'owa',
      name: 'OWA01',
      exchange: '5.5',
      address: null,
      servers: ['ex1'],
    } satisfies Partial<OwaNode>);
    const withDns = ok(addNode(plan, 'dns', { x: 700, y: 100 }));
    expect(nodeOf(withDns.plan.nodes, withDns.id)).toMatchObject({
      type: 'dns',
      name: 'DNS01',
      address: null,
    });
    const withNews = ok(addNode(plan, 'newsHost', { x: 700, y: 100 }));
    expect(nodeOf(withNews.plan.nodes, withNews.id)).toMatchObject({
      type: 'newsHost',
      name: 'NEWS01',
      server: 'old',
      feed: 'both',
    } satisfies Partial<NewsHostNode>);
  });

  it('creates firewalls without NAT and networks without an address', () => {
    const fw = ok(addNode(plan, 'firewall', { x: 700, y: 100 }));
    expect(nodeOf(fw.plan.nodes, fw.id)).toMatchObject({ type: 'firewall', nat: false });
    const net = ok(addNode(plan, 'network', { x: 700, y: 100 }));
    expect(nodeOf(net.plan.nodes, net.id)).toMatchObject({ type: 'network', address: null });
  });
});

describe('updateConnector and updateLink', () => {
  it('changes a Site Connector’s halves, never its ends', () => {
    const plan = makePlan({ sites: [ams, utr], connectors: [siteConnector('ams', 'utr', {}, 'k1')] });
    const next = updateConnector(plan, 'k1', { bridgeheadA: 'ex1', targetsB: ['ex1'] });
    expect(next.connectors[0]).toEqual(
      siteConnector('ams', 'utr', { bridgeheadA: 'ex1', targetsB: ['ex1'] }, 'k1'),
    );
  });

  it('renames an X.400 connector without giving it halves', () => {
    const plan = makePlan({ connectors: [connector('x400', 'ex1', 'ex2', 'k2')] });
    const next = updateConnector(plan, 'k2', { name: 'AMS-UTR', bridgeheadA: 'ex1' });
    expect(next.connectors[0]).toEqual({ id: 'k2', type: 'x400', a: 'ex1', b: 'ex2', name: 'AMS-UTR' });
  });

  it('names a link’s firewall interface', () => {
    const plan = makePlan({ links: [link('fw', 'lan', 'l1')] });
    expect(updateLink(plan, 'l1', { aInterface: 'inside' }).links[0]).toMatchObject({
      aInterface: 'inside',
      bInterface: null,
    });
  });
});

describe('updateNode', () => {
  it('changes fields but never the id or the type', () => {
    const plan = makePlan({ nodes: [firewall('fw')] });
    const next = updateNode(plan, 'fw', { name: 'EDGE', id: 'other', type: 'network' } as Partial<PlanNode>);
    expect(next.nodes[0]).toEqual({ id: 'fw', type: 'firewall', name: 'EDGE', nat: false });
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
    connectors: [connector('x400', 'ex1', 'ex2'), connector('site', 'ams', 'utr')],
  });

  it('deletes a node with its links and X.400 connectors and leaves its clients without a server', () => {
    const next = deleteElements(plan, ['ex2']);
    expect(next.nodes.map((n) => n.id)).toEqual(['ex1', 'c1', 'fw', 'lan']);
    expect(next.links.map((l) => l.id)).toEqual(['l.c1.fw', 'l.fw.ex1']);
    expect(next.connectors.map((c) => c.id)).toEqual(['k.site.ams.utr']);
    expect((nodeOf(next.nodes, 'c1') as ClientNode).server).toBeNull();
  });

  it('clears every reference to a deleted node, so the plan stays valid', () => {
    const refs = makePlan({
      sites: [ams, utr],
      nodes: [
        server('ex1', 'ams', { smartHost: 'relay', dns: 'dns1' }),
        server('ex2', 'utr'),
        server('ex3', 'utr'),
        client('c1', 'ex1', { protocol: 'pop3', smtpServer: 'relay' }),
        smtpHost('relay'),
        dns('dns1'),
        owa('web', ['ex2', 'ex1']),
        newsHost('news', 'ex2'),
      ],
      connectors: [
        siteConnector(
          'ams',
          'utr',
          { bridgeheadA: 'ex1', targetsA: ['ex2', 'ex3'], bridgeheadB: 'ex2', targetsB: ['ex1'] },
          'k1',
        ),
      ],
      notes: [note('n1', 'ex2'), note('n2', null), note('n3', 'k1')],
    });
    const next = deleteElements(refs, ['ex2', 'relay', 'dns1']);
    expect(nodeOf(next.nodes, 'ex1')).toMatchObject({
      smartHost: null,
      dns: null,
    } satisfies Partial<ServerNode>);
    expect(nodeOf(next.nodes, 'c1')).toMatchObject({ server: 'ex1', smtpServer: null });
    expect(nodeOf(next.nodes, 'web')).toMatchObject({ servers: ['ex1'] });
    expect(nodeOf(next.nodes, 'news')).toMatchObject({ server: null });
    expect(next.connectors[0]).toMatchObject({
      bridgeheadA: 'ex1',
      targetsA: ['ex3'],
      bridgeheadB: null,
      targetsB: ['ex1'],
    } satisfies Partial<SiteConnector>);
    expect(next.notes.map((n) => n.id)).toEqual(['n2', 'n3']);
  });

  it('deletes a site with its Site Connectors and the notes about them', () => {
    const withNote = { ...plan, notes: [note('n1', 'k.site.ams.utr'), note('n2', 'ams')] };
    const next = deleteElements(withNote, ['utr']);
    expect(next.connectors).toEqual([]);
    expect(next.notes.map((n) => n.id)).toEqual(['n2']);
  });

  it('deletes a site with everything drawn inside it', () => {
    const next = deleteElements(plan, ['utr']);
    expect(next.sites.map((s) => s.id)).toEqual(['ams']);
    expect(next.nodes.map((n) => n.id)).toEqual(['ex1', 'c1', 'fw']);
  });

  it('deletes a link or a connector alone', () => {
    const next = deleteElements(plan, ['l.fw.ex1', 'k.site.ams.utr']);
    for (const [i, n] of next.nodes.entries()) expect(n).toBe(plan.nodes[i]);
    expect(next.links.map((l) => l.id)).toEqual(['l.c1.fw', 'l.fw.ex2']);
    expect(next.connectors.map((c) => c.id)).toEqual(['k.x400.ex1.ex2']);
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

describe('a server moved to another site', () => {
  it('stays named by the Site Connector halves that named it (the finding says it is in the wrong site)', () => {
    const halves = { bridgeheadA: 'ex1', targetsA: ['ex2'], bridgeheadB: 'ex2', targetsB: ['ex1'] };
    const plan = makePlan({
      sites: [ams, utr],
      nodes: [
        server('ex1', 'ams', { position: { x: 40, y: 80 } }),
        server('ex2', 'utr', { position: { x: 1040, y: 80 } }),
      ],
      connectors: [siteConnector('ams', 'utr', halves, 'k1')],
    });
    const next = moveNodes(plan, [{ id: 'ex1', position: { x: 1200, y: 100 } }]);
    expect(nodeOf(next.nodes, 'ex1')).toMatchObject({ site: 'utr' });
    expect(next.connectors).toEqual(plan.connectors);
    const edited = updateNode(plan, 'ex1', { site: 'utr' });
    expect(edited.connectors).toBe(plan.connectors);
  });
});
