/**
 * The relationships of a plan (SPEC §3.2) read straight from instancesOf: which
 * pairs exist, in which order, and what each relationship records. Plans list
 * their nodes against id order, so a list left unsorted shows; dangling
 * references, self-references and empty sites must give no relationship.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import {
  client,
  connector,
  dns,
  makePlan,
  newsHost,
  owa,
  server,
  site,
  siteConnector,
  smtpHost,
} from '../test/factories';
import { planFlows } from './flows';
import { indexPlan } from './planIndex';
import type { PatternKind, RelationshipPattern } from './portTable';
import {
  clientTarget,
  connectorHalf,
  type Instance,
  instancesOf,
  matches,
  serversBySite,
} from './relationships';

const instances = (plan: Plan) => instancesOf(indexPlan(plan));
const pairs = (list: readonly Instance[]) => list.map((i) => `${i.a}>${i.b}`);

/** Every kind's pairs, so a test states the whole result and a stray entry anywhere shows. */
function allPairs(plan: Plan): Record<PatternKind, string[]> {
  const byKind = instances(plan);
  return Object.fromEntries(Object.entries(byKind).map(([k, list]) => [k, pairs(list)])) as Record<
    PatternKind,
    string[]
  >;
}

const NONE: Record<PatternKind, string[]> = {
  client: [],
  clientMail: [],
  owaDirectory: [],
  owaServer: [],
  intrasite: [],
  siteConnector: [],
  x400Connector: [],
  smtpHost: [],
  smartHost: [],
  dns: [],
  newsHost: [],
};

describe('instancesOf: nothing beyond what the plan asks for', () => {
  it('an empty plan has no relationship of any kind', () => {
    expect(allPairs(makePlan())).toEqual(NONE);
  });

  it('two servers of one site have only the two intrasite relationships, never one to itself', () => {
    const plan = makePlan({ nodes: [server('s2', 'A'), server('s1', 'A')] });
    expect(allPairs(plan)).toEqual({ ...NONE, intrasite: ['s1>s2', 's2>s1'] });
  });

  it('intrasite relationships come site by site in site-id order, not in server-id order', () => {
    // Servers of site Z have the smaller ids, so grouping by first server seen would put Z first.
    const plan = makePlan({
      sites: [site('Z', { name: 'Aarau' }), site('Y', { name: 'Basel' })],
      nodes: [server('a1', 'Z'), server('a2', 'Z'), server('b1', 'Y'), server('b2', 'Y')],
    });
    expect(allPairs(plan)).toEqual({ ...NONE, intrasite: ['b1>b2', 'b2>b1', 'a1>a2', 'a2>a1'] });
  });
});

describe('instancesOf: clients', () => {
  it('lists clients by id whatever the plan order, and only pop3 and imap4 senders give mail', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { services: { internetMail: true } }),
        client('c4', 's', { protocol: 'mapi', sendsMail: true }),
        client('c3', 's', { protocol: 'imap4', sendsMail: true }),
        client('c2', 's', { protocol: 'pop3', sendsMail: false }),
        client('c1', 's', { protocol: 'pop3', sendsMail: true }),
      ],
    });
    expect(allPairs(plan)).toEqual({
      ...NONE,
      client: ['c1>s', 'c2>s', 'c3>s', 'c4>s'],
      clientMail: ['c1>s', 'c3>s'],
    });
  });

  it("a sending client's mail goes to its smtpServer, and to nothing when that names no server or SMTP host", () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        smtpHost('relay'),
        dns('resolver'),
        client('c1', 's', { protocol: 'pop3', smtpServer: 'relay' }),
        client('c2', 's', { protocol: 'pop3', smtpServer: 'ghost' }),
        client('c3', 's', { protocol: 'imap4', smtpServer: 'resolver' }),
        client('c4', 's', { protocol: 'imap4', smtpServer: 'c4' }),
      ],
    });
    const byKind = instances(plan);
    expect(pairs(byKind.client)).toEqual(['c1>s', 'c2>s', 'c3>s', 'c4>s']);
    expect(pairs(byKind.clientMail)).toEqual(['c1>relay']);
    // The mail relationship is the client's own relationship with its server.
    expect(byKind.clientMail[0]?.relationship).toEqual({
      kind: 'client',
      client: 'c1',
      server: 's',
      protocol: 'pop3',
      auth: 'basic',
    });
  });

  it('a client whose server id names no node, or names itself, uses nothing', () => {
    const plan = makePlan({
      nodes: [server('s', 'A'), client('c1', 'ghost'), client('c2', 'c2'), client('c3', null)],
    });
    const index = indexPlan(plan);
    for (const id of ['c1', 'c2', 'c3']) {
      const c = plan.nodes.find((n) => n.id === id);
      if (c?.type !== 'client') throw new Error(`no client ${id}`);
      expect(clientTarget(index, c)).toBeUndefined();
    }
    expect(allPairs(plan)).toEqual(NONE);
  });
});

describe('instancesOf: Outlook Web Access', () => {
  it('the directory server is the first listed; mailbox servers come once each, by id, existing ones only', () => {
    const plan = makePlan({
      nodes: [
        server('s1', 'A'),
        server('s2', 'B'),
        client('c', null),
        owa('o2', ['s1']),
        owa('o1', ['s2', 'ghost', 's1', 's2', 'c']),
      ],
    });
    const byKind = instances(plan);
    expect(pairs(byKind.owaDirectory)).toEqual(['o1>s2', 'o2>s1']);
    expect(byKind.owaDirectory.map((i) => i.relationship)).toEqual([
      { kind: 'owa', owa: 'o1', server: 's2' },
      { kind: 'owa', owa: 'o2', server: 's1' },
    ]);
    expect(pairs(byKind.owaServer)).toEqual(['o1>s1', 'o1>s2', 'o2>s1']);
    expect(byKind.owaServer.map((i) => i.relationship)).toEqual([
      { kind: 'owa', owa: 'o1', server: 's1' },
      { kind: 'owa', owa: 'o1', server: 's2' },
      { kind: 'owa', owa: 'o2', server: 's1' },
    ]);
  });
});

describe('instancesOf: connectors', () => {
  it('a site connector to a site without servers connects nothing, in either half', () => {
    const plan = makePlan({
      sites: [site('A'), site('E')],
      nodes: [server('a1', 'A')],
      connectors: [siteConnector('A', 'E', {}, 'k1'), siteConnector('E', 'A', {}, 'k2')],
    });
    expect(allPairs(plan)).toEqual(NONE);
  });

  it('listed targets come in id order, whatever order the list gives them', () => {
    const plan = makePlan({
      nodes: [server('a1', 'A'), server('b1', 'B'), server('b2', 'B'), server('b3', 'B')],
      connectors: [
        siteConnector('A', 'B', { targetsA: ['b3', 'b1', 'b2'], bridgeheadB: 'b2', targetsB: ['a1'] }, 'k'),
      ],
    });
    expect(pairs(instances(plan).siteConnector)).toEqual(['a1>b1', 'a1>b2', 'a1>b3', 'b2>a1']);
  });

  it('connectorHalf with no servers in a site returns empty senders or targets', () => {
    const plan = makePlan({ sites: [site('A'), site('E')], nodes: [server('a1', 'A')] });
    const index = indexPlan(plan);
    const bySite = serversBySite([index.serverOf('a1')].filter((s) => s !== undefined));
    expect(connectorHalf(bySite, index, 'E', 'A', null, [])).toEqual({
      senders: [],
      targets: [bySite.get('A')?.[0]],
    });
    expect(connectorHalf(bySite, index, 'A', 'E', null, [])).toEqual({
      senders: [bySite.get('A')?.[0]],
      targets: [],
    });
  });

  it('a site connector from a site to itself never connects a server to itself', () => {
    const plan = makePlan({
      nodes: [server('a2', 'A'), server('a1', 'A')],
      connectors: [siteConnector('A', 'A', {}, 'k')],
    });
    expect(pairs(instances(plan).siteConnector)).toEqual(['a1>a2', 'a2>a1', 'a1>a2', 'a2>a1']);
  });

  it('an X.400 connector needs two different servers at its ends', () => {
    const plan = makePlan({
      nodes: [server('s1', 'A'), server('s2', 'B'), client('c', 's1')],
      connectors: [
        connector('x400', 's1', 's1', 'k1'),
        connector('x400', 'ghost', 's1', 'k2'),
        connector('x400', 's1', 'ghost', 'k3'),
        connector('x400', 'c', 's2', 'k4'),
        connector('x400', 's2', 'c', 'k5'),
        connector('x400', 's2', 's1', 'k6'),
      ],
    });
    const byKind = instances(plan);
    expect(pairs(byKind.x400Connector)).toEqual(['s2>s1']);
    expect(byKind.x400Connector[0]?.relationship).toEqual({ kind: 'x400Connector', connector: 'k6' });
  });

  it('serversBySite groups servers by site, each group in id order', () => {
    const [b1, a2, a1] = [server('b1', 'B'), server('a2', 'A'), server('a1', 'A')];
    expect([...serversBySite([b1, a2, a1])]).toEqual([
      ['A', [a1, a2]],
      ['B', [b1]],
    ]);
  });
});

describe('instancesOf: SMTP hosts, DNS and news hosts', () => {
  const plan = makePlan({
    nodes: [
      server('s3', 'A'),
      server('s2', 'A', { services: { internetMail: true }, dns: 'd' }),
      server('s1', 'A', { services: { internetMail: true }, smartHost: 'h1', dns: 'd' }),
      smtpHost('h2'),
      smtpHost('h1', { direction: 'inbound' }),
      dns('d'),
      newsHost('n2', 's1'),
      newsHost('n1', 's2'),
      newsHost('n0', 'ghost'),
    ],
  });

  it('every SMTP host pairs with every Internet Mail server, hosts then servers by id', () => {
    const byKind = instances(plan);
    expect(pairs(byKind.smtpHost)).toEqual(['h1>s1', 'h1>s2', 'h2>s1', 'h2>s2']);
    expect(byKind.smtpHost.map((i) => [i.relationship, i.smartHost])).toEqual([
      [{ kind: 'smtpHost', host: 'h1', server: 's1' }, true],
      [{ kind: 'smtpHost', host: 'h1', server: 's2' }, false],
      [{ kind: 'smtpHost', host: 'h2', server: 's1' }, true],
      [{ kind: 'smtpHost', host: 'h2', server: 's2' }, false],
    ]);
  });

  it('a server with a smart host uses it; one without resolves through its DNS server', () => {
    const byKind = instances(plan);
    expect(byKind.smartHost.map((i) => [i.a, i.b, i.relationship])).toEqual([
      ['s1', 'h1', { kind: 'smartHost', server: 's1', host: 'h1' }],
    ]);
    expect(byKind.dns.map((i) => [i.a, i.b, i.relationship])).toEqual([
      ['s2', 'd', { kind: 'dns', server: 's2', dns: 'd' }],
    ]);
  });

  it('news hosts come by id, and one whose server is missing has none', () => {
    const byKind = instances(plan);
    expect(byKind.newsHost.map((i) => [i.a, i.b, i.relationship])).toEqual([
      ['n1', 's2', { kind: 'newsHost', host: 'n1', server: 's2' }],
      ['n2', 's1', { kind: 'newsHost', host: 'n2', server: 's1' }],
    ]);
  });
});

describe('matches', () => {
  it("a sending client's SMTP flow is asked for by the row of its own protocol (its reason cites it)", () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { services: { internetMail: true } }),
        client('c1', 's', { protocol: 'imap4' }),
        client('c2', 's', { protocol: 'pop3' }),
      ],
    });
    const smtp = planFlows(indexPlan(plan))
      .filter((f) => f.service === 'SMTP')
      .map((f) => `${f.source} ${f.reason}`);
    expect(smtp).toEqual([
      'c2 c2 sends mail through the Internet Mail Service on s over SMTP (KB 176466, scenario 1: POP3 clients).',
      'c1 c1 sends mail through the Internet Mail Service on s over SMTP (KB 176466, scenario 2: IMAP4 clients).',
    ]);
  });

  it('an instance without the party a pattern looks at matches no pattern of that kind', () => {
    const bare: Instance = { relationship: { kind: 'intrasite', from: 's1', to: 's2' }, a: 's1', b: 's2' };
    const patterns: RelationshipPattern[] = [
      { kind: 'client', protocol: 'pop3', auths: ['basic'] },
      { kind: 'clientMail', protocol: 'pop3' },
      { kind: 'smtpHost', directions: ['inbound', 'both'] },
      { kind: 'newsHost', feeds: ['inbound', 'both'] },
    ];
    expect(patterns.map((p) => matches(p, bare))).toEqual([false, false, false, false]);
  });
});
