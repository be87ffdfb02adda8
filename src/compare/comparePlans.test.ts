import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { portMatrixRows } from '../engine/matrix';
import type { Finding } from '../engine/types';
import type { Plan, PlanNode } from '../model/types';
import { chain, client, firewall, link, makePlan, network, note, owa, server, site } from '../test/factories';
import { comparePlans, matricesEqual } from './comparePlans';
import { findingIdentity } from './findings';
import type { ChangedRow, PlanComparison } from './types';

function compare(before: Plan, after: Plan): PlanComparison {
  return comparePlans(
    { plan: before, analysis: analyzePlan(before) },
    { plan: after, analysis: analyzePlan(after) },
  );
}

/** POP3 over SSL and Outlook (MAPI, dynamic RPC ports) through one firewall to one server. */
function basePlan(): Plan {
  return makePlan({
    sites: [site('ams', { name: 'Amsterdam' })],
    nodes: [
      client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
      client('out', 'ex1', { name: 'Branch Outlook', address: '10.9.0.0/24' }),
      firewall('fw', { name: 'FW-EDGE' }),
      network('lan', { name: 'LAN', address: '10.1.0.0/16' }),
      server('ex1', 'ams', { name: 'EXAMS01', services: { internetMail: true }, address: '10.1.0.10' }),
    ],
    links: [link('pop', 'fw'), link('out', 'fw'), link('fw', 'lan'), link('lan', 'ex1')],
    notes: [note('n1', 'fw', 'Why is 1024-65535 open here?')],
  });
}

function withNode(plan: Plan, id: string, change: (node: PlanNode) => PlanNode): Plan {
  return { ...plan, nodes: plan.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

/** A row as `firewall source→destination protocol port service`, by ids. */
function rowText(r: ChangedRow): string {
  return `${r.firewallId} ${r.sourceId}>${r.destinationId} ${r.row.protocol} ${r.row.port} ${r.row.service}`;
}

describe('comparePlans: rows', () => {
  it('finds nothing between a plan and itself', () => {
    const plan = basePlan();
    const c = compare(plan, plan);
    expect(c).toEqual({
      rows: { removed: [], added: [] },
      findings: { wentAway: [], appeared: [] },
      objects: [],
    });
    expect(matricesEqual(c)).toBe(true);
  });

  it('gives the rows of a new client as added, in matrix order, and traces them to the client', () => {
    const before = basePlan();
    const after = {
      ...before,
      nodes: [
        ...before.nodes,
        client('imap', 'ex1', { name: 'IMAP users', protocol: 'imap4', address: 'any' }),
      ],
      links: [...before.links, link('imap', 'fw')],
    };
    const c = compare(before, after);
    expect(c.rows.removed).toEqual([]);
    expect(c.rows.added.map(rowText)).toEqual(['fw imap>ex1 TCP 25 SMTP', 'fw imap>ex1 TCP 143 IMAP4']);
    expect(c.rows.added.map((r) => r.change)).toEqual(['added', 'added']);
    expect(c.rows.added[0]?.row.source).toBe('IMAP users');
    expect(matricesEqual(c)).toBe(false);
    const added = c.objects.filter((o) => o.change === 'added');
    expect(added.map((o) => `${o.collection} ${o.id} ${o.kind}`)).toEqual([
      'nodes imap client',
      'links l.imap.fw link',
    ]);
    expect(added[0]?.rows).toEqual({ removed: [], added: [0, 1] });
    expect(added[0]?.fields).toContainEqual({ field: 'protocol', new: 'imap4' });
  });

  it('gives the rows of a removed client as removed, the reverse of adding it', () => {
    const before = basePlan();
    const after = {
      ...before,
      nodes: before.nodes.filter((n) => n.id !== 'pop'),
      links: before.links.slice(1),
    };
    const there = compare(before, after);
    const back = compare(after, before);
    expect(there.rows.removed.map(rowText)).toEqual([
      'fw pop>ex1 TCP 25 SMTP',
      'fw pop>ex1 TCP 995 POP3 over SSL',
    ]);
    expect(there.rows.removed.map(rowText)).toEqual(back.rows.added.map(rowText));
    expect(there.objects.find((o) => o.id === 'pop')).toMatchObject({
      change: 'removed',
      kind: 'client',
      name: 'Home POP3 users',
      rows: { removed: [0, 1], added: [] },
    });
  });

  it('turns a changed address into a removed and an added rule for every row that names it', () => {
    const before = basePlan();
    const after = withNode(before, 'ex1', (n) => ({ ...n, address: '10.1.0.11' }) as PlanNode);
    const c = compare(before, after);
    const touching = portMatrixRows(before, analyzePlan(before)).length;
    expect(touching).toBeGreaterThan(0);
    expect(c.rows.removed).toHaveLength(touching);
    expect(c.rows.added).toHaveLength(touching);
    expect(c.rows.removed.map(rowText)).toEqual(c.rows.added.map(rowText));
    expect(c.rows.removed.every((r) => r.row.destinationAddress === '10.1.0.10')).toBe(true);
    expect(c.rows.added.every((r) => r.row.destinationAddress === '10.1.0.11')).toBe(true);
    expect(c.objects).toEqual([
      {
        collection: 'nodes',
        id: 'ex1',
        change: 'changed',
        kind: 'server',
        name: 'EXAMS01',
        fields: [{ field: 'address', old: '10.1.0.10', new: '10.1.0.11' }],
        rows: { removed: c.rows.removed.map((_, i) => i), added: c.rows.added.map((_, i) => i) },
      },
    ]);
  });

  it('changes no row and no finding when only names change', () => {
    const before = basePlan();
    let after = withNode(before, 'ex1', (n) => ({ ...n, name: 'EXAMS01-NEW' }));
    after = withNode(after, 'fw', (n) => ({ ...n, name: 'AAA-FIRST' }));
    after = { ...after, sites: [site('ams', { name: 'Amstelveen' })] };
    const c = compare(before, after);
    expect(c.rows).toEqual({ removed: [], added: [] });
    expect(c.findings).toEqual({ wentAway: [], appeared: [] });
    expect(c.objects.map((o) => [o.id, o.fields])).toEqual([
      ['ams', [{ field: 'name', old: 'Amsterdam', new: 'Amstelveen' }]],
      ['fw', [{ field: 'name', old: 'FW-EDGE', new: 'AAA-FIRST' }]],
      ['ex1', [{ field: 'name', old: 'EXAMS01', new: 'EXAMS01-NEW' }]],
    ]);
    expect(c.objects.every((o) => o.rows.removed.length === 0 && o.rows.added.length === 0)).toBe(true);
  });

  it('names the rows by each plan: removed rows by the old names, added by the new', () => {
    const before = basePlan();
    const after = withNode(
      before,
      'ex1',
      (n) => ({ ...n, name: 'RENAMED', address: '10.1.0.11' }) as PlanNode,
    );
    const c = compare(before, after);
    expect(new Set(c.rows.removed.map((r) => r.row.destination))).toEqual(new Set(['EXAMS01']));
    expect(new Set(c.rows.added.map((r) => r.row.destination))).toEqual(new Set(['RENAMED']));
  });

  it('traces rows to the link a flow uses and to the firewall it crosses', () => {
    const before = basePlan();
    // A second firewall in front of the Outlook users: their rows now cross it too.
    const after = {
      ...before,
      nodes: [...before.nodes, firewall('fw2', { name: 'FW-BRANCH' })],
      links: [...before.links.filter((l) => l.id !== 'l.out.fw'), link('out', 'fw2'), link('fw2', 'fw')],
    };
    const c = compare(before, after);
    expect(c.rows.removed).toEqual([]);
    expect(c.rows.added.length).toBeGreaterThan(0);
    expect(c.rows.added.every((r) => r.firewallId === 'fw2' && r.sourceId === 'out')).toBe(true);
    const byId = new Map(c.objects.map((o) => [o.id, o]));
    const all = c.rows.added.map((_, i) => i);
    expect(byId.get('fw2')?.rows.added).toEqual(all);
    expect(byId.get('l.out.fw2')?.rows.added).toEqual(all);
    expect(byId.get('l.out.fw')).toMatchObject({ change: 'removed', rows: { removed: [], added: [] } });
  });

  it('sorts the objects by collection, then name, then id', () => {
    const before = basePlan();
    const after = {
      ...before,
      nodes: [...before.nodes, network('z', { name: 'A-NET' }), network('a', { name: 'B-NET' })],
      notes: [],
    };
    const c = compare(before, after);
    expect(c.objects.map((o) => `${o.change} ${o.collection} ${o.id}`)).toEqual([
      'added nodes z',
      'added nodes a',
      'removed notes n1',
    ]);
  });
});

describe('comparePlans: object fields', () => {
  it('lists nested fields by path and lists as whole values, and leaves out drawing-only fields', () => {
    const before = makePlan({
      nodes: [
        server('ex1', 's', { position: { x: 0, y: 0 } }),
        server('ex2', 's'),
        owa('web', ['ex1', 'ex2']),
      ],
    });
    const after = makePlan({
      nodes: [
        server('ex1', 's', {
          position: { x: 500, y: 20 },
          staticPorts: { store: 6002 },
          services: { nntp: false },
          rpcPorts: { from: 5000, to: 5100 },
        }),
        server('ex2', 's'),
        owa('web', ['ex2', 'ex1']),
      ],
    });
    const c = compare(before, after);
    expect(c.objects.map((o) => [o.id, o.fields])).toEqual([
      [
        'ex1',
        [
          { field: 'rpcPorts', old: null, new: { from: 5000, to: 5100 } },
          { field: 'services.nntp', old: true, new: false },
          { field: 'staticPorts.store', old: null, new: 6002 },
        ],
      ],
      ['web', [{ field: 'servers', old: ['ex1', 'ex2'], new: ['ex2', 'ex1'] }]],
    ]);
  });

  it('reports a note whose text changed, with no rows: notes never change flows', () => {
    const before = basePlan();
    const after = { ...before, notes: [note('n1', 'fw', 'Why is 1024-65535 open here?', true)] };
    const c = compare(before, after);
    expect(c.rows).toEqual({ removed: [], added: [] });
    expect(c.objects).toEqual([
      {
        collection: 'notes',
        id: 'n1',
        change: 'changed',
        kind: 'note',
        name: '',
        fields: [{ field: 'resolved', old: false, new: true }],
        rows: { removed: [], added: [] },
      },
    ]);
  });

  it('gives a node whose kind changed under the same id its type and the fields only one side has', () => {
    const before = makePlan({ nodes: [network('x', { name: 'X' })] });
    const after = makePlan({ nodes: [firewall('x', { name: 'X' })] });
    const [change] = compare(before, after).objects;
    expect(change?.kind).toBe('firewall');
    expect(change?.fields).toEqual([
      { field: 'address', old: null },
      { field: 'nat', new: false },
      { field: 'type', old: 'network', new: 'firewall' },
    ]);
  });
});

describe('comparePlans: findings', () => {
  it('finds a finding that appeared and one that went away, by code and subjects', () => {
    const before = basePlan();
    // Without its link to the LAN the server cannot be reached: NO_NETWORK_PATH appears, FIREWALL_UNUSED too.
    const after = { ...before, links: before.links.filter((l) => l.id !== 'l.lan.ex1') };
    const c = compare(before, after);
    const codes = (list: typeof c.findings.appeared) => list.map((f) => f.finding.code);
    expect(codes(c.findings.appeared)).toContain('NO_NETWORK_PATH');
    expect(codes(c.findings.appeared)).toContain('FIREWALL_UNUSED');
    expect(codes(c.findings.wentAway)).toContain('DYNAMIC_RPC_PORTS');
    expect(c.findings.appeared.every((f) => f.change === 'appeared')).toBe(true);
    expect(c.findings.wentAway.every((f) => f.change === 'wentAway')).toBe(true);
    expect(c.objects.find((o) => o.id === 'l.lan.ex1')?.rows.removed).toEqual(
      c.rows.removed.map((_, i) => i),
    );
  });

  it('tells DYNAMIC_RPC_PORTS findings of one firewall and server apart by their RPC service', () => {
    const before = basePlan();
    const after = withNode(before, 'ex1', (n) =>
      n.type === 'server' ? { ...n, staticPorts: { ...n.staticPorts, store: 6002 } } : n,
    );
    const c = compare(before, after);
    expect(c.findings.appeared).toEqual([]);
    expect(c.findings.wentAway.map((f) => [f.finding.code, f.rpc, f.finding.subjects])).toEqual([
      ['DYNAMIC_RPC_PORTS', 'store', ['fw', 'ex1']],
    ]);
    // The store's rule narrows from the dynamic range to one port.
    expect(c.rows.removed.map(rowText)).toEqual(['fw out>ex1 TCP 1024-65535 Information Store (RPC)']);
    expect(c.rows.added.map(rowText)).toEqual(['fw out>ex1 TCP 6002 Information Store (RPC)']);
  });

  it('keeps a finding whose message changed only by a rename', () => {
    const before = basePlan();
    const after = withNode(before, 'ex1', (n) => ({ ...n, name: 'OTHER' }));
    const b = analyzePlan(before).findings;
    const a = analyzePlan(after).findings;
    expect(b.map((f) => f.message)).not.toEqual(a.map((f) => f.message));
    expect(compare(before, after).findings).toEqual({ wentAway: [], appeared: [] });
  });

  it('identifies a finding by its sorted subject ids, whatever their order', () => {
    const finding: Finding = {
      code: 'NO_NETWORK_PATH',
      severity: 'error',
      message: 'm',
      kb: [],
      subjects: [],
    };
    expect(findingIdentity({ ...finding, subjects: ['b', 'a'] })).toBe(
      findingIdentity({ ...finding, subjects: ['a', 'b'], message: 'other words' }),
    );
    expect(findingIdentity({ ...finding, subjects: ['a', 'b'] })).not.toBe(
      findingIdentity({ ...finding, subjects: ['a', 'c'] }),
    );
  });

  it('counts findings of one identity: one of two port conflicts fixed is one finding gone', () => {
    const conflicted = (directory: number, store: number) =>
      makePlan({
        nodes: [server('ex1', 's', { services: { internetMail: true }, staticPorts: { directory, store } })],
      });
    const before = conflicted(25, 110);
    const after = conflicted(25, 6002);
    const old = analyzePlan(before).findings.filter((f) => f.code === 'STATIC_PORT_CONFLICT');
    expect(old).toHaveLength(2);
    const c = compare(before, after);
    const gone = c.findings.wentAway.filter((f) => f.finding.code === 'STATIC_PORT_CONFLICT');
    expect(gone).toHaveLength(1);
    expect(gone[0]?.finding.message).toContain('110');
    expect(c.findings.appeared.filter((f) => f.finding.code === 'STATIC_PORT_CONFLICT')).toEqual([]);
  });
});

describe('comparePlans: chain plans', () => {
  it('reports rows that only the old plan needs when a client moves to another server', () => {
    const plan = (serverId: string) =>
      makePlan({
        nodes: [
          client('c', serverId, { protocol: 'pop3', sendsMail: false, address: 'any' }),
          firewall('fw'),
          server('a', 's', { address: '10.0.0.1' }),
          server('b', 's', { address: '10.0.0.2' }),
        ],
        links: [...chain('c', 'fw', 'a'), link('fw', 'b')],
      });
    const c = compare(plan('a'), plan('b'));
    expect(c.rows.removed.map(rowText)).toEqual(['fw c>a TCP 110 POP3']);
    expect(c.rows.added.map(rowText)).toEqual(['fw c>b TCP 110 POP3']);
    const clientChange = c.objects.find((o) => o.id === 'c');
    expect(clientChange?.fields).toEqual([{ field: 'server', old: 'a', new: 'b' }]);
    expect(clientChange?.rows).toEqual({ removed: [0], added: [0] });
  });
});
