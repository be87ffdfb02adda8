/**
 * The example plans the app offers (public/examples): each one loads, is laid
 * out, and asks for the flows of the KB 176466 scenario it illustrates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from './engine/analyze';
import { formatPorts } from './engine/matrix';
import type { Analysis } from './engine/types';
import { shareUrl } from './io/shareLink';
import { loadPlan } from './model/load';
import type { Plan } from './model/types';

const DIR = join(process.cwd(), 'public', 'examples');

interface ExampleEntry {
  id: string;
  title: string;
  description: string;
  file: string;
}

const index: ExampleEntry[] = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8'));

function load(file: string): Plan {
  const result = loadPlan(readFileSync(join(DIR, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.plan;
}

/** Every flow as `source>destination port service [firewall names]`, sorted. */
function flowSummary(plan: Plan, analysis: Analysis): string[] {
  const names = new Map(plan.nodes.map((n) => [n.id, n.name]));
  return analysis.flows
    .map(
      (f) =>
        `${f.source}>${f.destination} ${formatPorts(f.ports)} ${f.service} [${f.firewalls.map((id) => names.get(id)).join('; ')}]`,
    )
    .sort();
}

/** Both directions between two servers, through one firewall. */
function bothWays(a: string, b: string, ports: [string, string][], fw: string): string[] {
  return ports.flatMap(([port, service]) => [
    `${a}>${b} ${port} ${service} [${fw}]`,
    `${b}>${a} ${port} ${service} [${fw}]`,
  ]);
}

/** Two servers of one site on one LAN: RPC both ways, crossing no firewall (the directory port is dynamic). */
function intrasitePair(a: string, b: string): string[] {
  return [
    ['135', 'RPC endpoint mapper'],
    ['1024-65535', 'Directory (RPC)'],
    ['6003', 'MTA (RPC)'],
  ].flatMap(([port, service]) => [`${a}>${b} ${port} ${service} []`, `${b}>${a} ${port} ${service} []`]);
}

/** The flows each scenario example must produce, all of them, with the firewalls they cross. */
const SCENARIO_FLOWS: Record<string, string[]> = {
  pop3: [
    'pop>ex1 110 POP3 [FW-EDGE]',
    'pop>ex1 25 SMTP [FW-EDGE]',
    'pops>ex1 25 SMTP [FW-EDGE]',
    'pops>ex1 995 POP3 over SSL [FW-EDGE]',
  ],
  imap4: [
    'imap>ex1 143 IMAP4 [FW-EDGE]',
    'imap>ex1 25 SMTP [FW-EDGE]',
    'imaps>ex1 25 SMTP [FW-EDGE]',
    'imaps>ex1 993 IMAP4 over SSL [FW-EDGE]',
  ],
  ldap: ['ldap>ex1 389 LDAP [FW-EDGE]', 'ldaps>ex1 636 LDAP over SSL [FW-EDGE]'],
  nntp: ['news>ex1 119 NNTP [FW-EDGE]', 'newss>ex1 563 NNTP over SSL [FW-EDGE]'],
  mapi: [
    'out>ex1 135 RPC endpoint mapper [FW-BRANCH]',
    'out>ex1 6001 Directory (RPC) [FW-BRANCH]',
    'out>ex1 6002 Information Store (RPC) [FW-BRANCH]',
  ],
  intrasite: bothWays(
    'ex1',
    'ex2',
    [
      ['135', 'RPC endpoint mapper'],
      ['6001', 'Directory (RPC)'],
      ['6003', 'MTA (RPC)'],
    ],
    'FW-DATACENTER',
  ),
  'site-connector': bothWays(
    'ex1',
    'ex2',
    [
      ['135', 'RPC endpoint mapper'],
      ['6003', 'MTA (RPC)'],
    ],
    'FW-WAN',
  ),
  'x400-connector': bothWays('ex1', 'ex2', [['102', 'X.400 (RFC1006)']], 'FW-WAN'),
  'owa-dmz': [
    'web>owa1 443 HTTP over SSL (Outlook Web Access) [FW-EDGE]',
    'owa1>ex1 135 RPC endpoint mapper [FW-INNER]',
    'owa1>ex1 6001 Directory (RPC) [FW-INNER]',
    'owa1>ex1 6002 Information Store (RPC) [FW-INNER]',
    'ex1>owa1 1024-65535 RPC replies to Outlook Web Access [FW-INNER]',
  ],
  // Any server of each site sends to all servers of the other: every pair across the WAN, both ways.
  'multi-server-site-connector': [
    ...intrasitePair('ex1', 'ex2'),
    ...intrasitePair('ex3', 'ex4'),
    ...(['ex1', 'ex2'] as const).flatMap((a) =>
      (['ex3', 'ex4'] as const).flatMap((b) =>
        bothWays(
          a,
          b,
          [
            ['135', 'RPC endpoint mapper'],
            ['6003', 'MTA (RPC)'],
          ],
          'FW-WAN',
        ),
      ),
    ),
  ],
};

describe('public/examples/index.json', () => {
  it('lists every example file once, and only files that exist', () => {
    const files = readdirSync(DIR)
      .filter((f) => f !== 'index.json')
      .sort();
    expect(index.map((e) => e.file).sort()).toEqual(files);
    expect(new Set(index.map((e) => e.id)).size).toBe(index.length);
  });

  it('gives every example an id, a title and a description', () => {
    for (const entry of index) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeGreaterThan(0);
      expect(entry.file).toBe(`${entry.id}.json`);
    }
  });

  it('has an example for every scenario and the combined organization', () => {
    expect(index.map((e) => e.id).sort()).toEqual([...Object.keys(SCENARIO_FLOWS), 'combined'].sort());
  });
});

describe.each(index)('example $file', (entry) => {
  const plan = load(entry.file);
  const analysis = analyzePlan(plan);

  it('loads as a valid plan', () => {
    expect(loadPlan(readFileSync(join(DIR, entry.file), 'utf8')).ok).toBe(true);
  });

  it('is laid out: every site a rectangle, every node placed inside its site', () => {
    const sites = new Map(plan.sites.map((s) => [s.id, s]));
    for (const s of plan.sites) {
      expect(s.position, s.id).toBeDefined();
      expect(s.size, s.id).toBeDefined();
    }
    for (const node of plan.nodes) {
      expect(node.position, node.id).toBeDefined();
      if (node.site === undefined || node.position === undefined) continue;
      const s = sites.get(node.site);
      const { x, y } = node.position;
      const box = { x: s?.position?.x ?? 0, y: s?.position?.y ?? 0, ...s?.size };
      expect(x >= box.x && y >= box.y, `${node.id} inside ${node.site}`).toBe(true);
      expect(
        x < box.x + (box.width ?? 0) && y < box.y + (box.height ?? 0),
        `${node.id} inside ${node.site}`,
      ).toBe(true);
    }
  });

  it('has at least one firewall, and every firewall opens some port', () => {
    expect(plan.nodes.some((n) => n.type === 'firewall')).toBe(true);
    for (const [, flows] of analysis.flowsByFirewall) expect(flows.length).toBeGreaterThan(0);
    expect(analysis.findings.map((f) => f.code)).not.toContain('FIREWALL_UNUSED');
  });

  it('has every flow routed', () => {
    expect(analysis.flows.every((f) => f.routed)).toBe(true);
  });
});

describe('scenario examples', () => {
  it.each(Object.entries(SCENARIO_FLOWS))('%s produces exactly the flows of its scenario', (id, expected) => {
    const plan = load(`${id}.json`);
    expect(flowSummary(plan, analyzePlan(plan))).toEqual([...expected].sort());
  });

  it.each(Object.keys(SCENARIO_FLOWS))('%s has no error and no warning', (id) => {
    const analysis = analyzePlan(load(`${id}.json`));
    expect(analysis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('mapi tells about new-mail notifications over UDP', () => {
    const analysis = analyzePlan(load('mapi.json'));
    expect(analysis.findings.map((f) => f.code)).toEqual(['MAPI_NOTIFICATIONS_UDP']);
  });
});

describe('combined example (Contoso Benelux)', () => {
  const plan = load('combined.json');
  const analysis = analyzePlan(plan);
  const names = new Map(plan.nodes.map((n) => [n.id, n.name]));

  it('holds exactly one design mistake: an RFC1006 port mismatch on the X.400 connector', () => {
    const errors = analysis.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('RFC1006_PORT_MISMATCH');
    expect(errors[0]?.subjects).toEqual(expect.arrayContaining(['exa', 'exb']));
  });

  it('warns about the one server whose MTA port is dynamic', () => {
    const warnings = analysis.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.code)).toEqual(['DYNAMIC_RPC_PORTS']);
    expect(warnings[0]?.message).toContain('EXUTR01');
  });

  it('combines the scenarios: Internet protocols, MAPI, intrasite, both connector types, SMTP hosts, Outlook Web Access', () => {
    const summary = flowSummary(plan, analysis);
    for (const expected of [
      'pop>exd 995 POP3 over SSL [FW-EDGE]',
      'imap>exd 993 IMAP4 over SSL [FW-EDGE]',
      'ldap>exd 636 LDAP over SSL [FW-EDGE]',
      'inet>exd 25 SMTP [FW-EDGE]',
      'exd>inet 25 SMTP [FW-EDGE]',
      'exd>exa 6001 Directory (RPC) [FW-INTERNAL]',
      'exa>exd 6003 MTA (RPC) [FW-INTERNAL]',
      'exa>exu 1024-65535 MTA (RPC) [FW-WAN]',
      'exu>exa 6003 MTA (RPC) [FW-WAN]',
      'exa>exb 1002 X.400 (RFC1006) [FW-WAN]',
      'exb>exa 102 X.400 (RFC1006) [FW-WAN]',
      'mapa>exa 6002 Information Store (RPC) []',
      'web>owa 443 HTTP over SSL (Outlook Web Access) [FW-EDGE]',
      'owa>exa 6001 Directory (RPC) [FW-INTERNAL]',
      'owa>exa 6002 Information Store (RPC) [FW-INTERNAL]',
      'exa>owa 1024-65535 RPC replies to Outlook Web Access [FW-INTERNAL]',
      'exa>exu2 6003 MTA (RPC) [FW-WAN]',
      'exu2>exa 6003 MTA (RPC) [FW-WAN]',
    ]) {
      expect(summary).toContain(expected);
    }
    // POP3 2, IMAP4 2, LDAP 1, SMTP both ways 2, intrasite 6, Site Connector 8 (two Utrecht servers),
    // X.400 Connector 2, Outlook Web Access 5 (browsers 1, RPC to the mailbox server 3, its replies 1).
    expect(analysis.flows.filter((f) => f.firewalls.length > 0)).toHaveLength(28);
  });

  it('shows what version 2 adds: a Site Connector between two multi-server sites, an OWA server in the DMZ, an address on every endpoint', () => {
    const serversIn = (site: string) => plan.nodes.filter((n) => n.type === 'server' && n.site === site);
    const connector = plan.connectors.find((c) => c.type === 'site');
    expect(connector?.type === 'site' && [connector.a, connector.b]).toEqual(['ams', 'utr']);
    expect(serversIn('ams').length).toBeGreaterThan(1);
    expect(serversIn('utr').length).toBeGreaterThan(1);
    const owa = plan.nodes.find((n) => n.type === 'owa');
    expect(owa?.type === 'owa' && owa.servers).toEqual(['exa']);
    for (const node of plan.nodes) {
      if ('address' in node && node.type !== 'network') expect(node.address, node.name).not.toBeNull();
    }
    expect(analysis.findings.map((f) => f.code)).not.toContain('ADDRESS_MISSING');
  });

  it('names things as an organization would', () => {
    expect(plan.name).toBe('Contoso Benelux');
    expect(plan.sites.map((s) => s.name).sort()).toEqual(['Amsterdam', 'Brussels', 'Utrecht']);
    const servers = plan.nodes.filter((n) => n.type === 'server').map((n) => n.name);
    for (const name of servers) expect(name).toMatch(/^EX[A-Z]{3}\d{2}$/);
    expect(names.get('fwe')).toBe('FW-EDGE');
  });

  it('stays small enough for a share link of at most 2,000 characters', () => {
    expect(plan.nodes.length).toBeLessThanOrEqual(40);
    expect(shareUrl(plan, 'https://planner.example/').length).toBeLessThanOrEqual(2000);
  });
});
