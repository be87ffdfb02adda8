import { describe, expect, it } from 'vitest';
import { chain, client, firewall, link, makePlan, network, server } from '../test/factories';
import { analyzePlan } from './analyze';
import { Router } from './paths';

const ldapClient = (id: string, serverId: string) => client(id, serverId, { protocol: 'ldap' });

describe('paths (SPEC §4)', () => {
  it('two equal shortest paths through two firewalls: the flow crosses both and uses all their links', () => {
    const plan = makePlan({
      nodes: [
        ldapClient('c', 's'),
        network('n1'),
        firewall('fw1'),
        firewall('fw2'),
        network('n2'),
        server('s', 'A'),
      ],
      links: [...chain('c', 'n1', 'fw1', 'n2', 's'), ...chain('n1', 'fw2', 'n2')],
    });
    const analysis = analyzePlan(plan);
    const [flow] = analysis.flows;
    expect(flow?.routed).toBe(true);
    expect(flow?.firewalls).toEqual(['fw1', 'fw2']);
    expect(flow?.links).toEqual(plan.links.map((l) => l.id).sort());
    expect(analysis.flowsByFirewall.get('fw1')).toEqual([0]);
    expect(analysis.flowsByFirewall.get('fw2')).toEqual([0]);
  });

  it("a longer path's firewall is not crossed, nor its links used", () => {
    const plan = makePlan({
      nodes: [
        { ...ldapClient('c', 's'), address: 'any' },
        firewall('short'),
        network('n1'),
        firewall('long'),
        network('n2'),
        server('s', 'A', { address: '10.0.0.1' }),
      ],
      links: [...chain('c', 'short', 's'), ...chain('c', 'n1', 'long', 'n2', 's')],
    });
    const analysis = analyzePlan(plan);
    expect(analysis.flows[0]?.firewalls).toEqual(['short']);
    expect(analysis.flows[0]?.links).toEqual(['l.c.short', 'l.short.s']);
    expect(analysis.flowsByFirewall.get('long')).toEqual([]);
    expect(analysis.flowsByLink.get('l.n1.long')).toEqual([]);
    expect(analysis.findings.map((f) => [f.code, f.subjects])).toEqual([['FIREWALL_UNUSED', ['long']]]);
  });

  it('an endpoint is never transit: client–server–firewall–server2 does not route the client to server2', () => {
    const plan = makePlan({
      nodes: [
        ldapClient('c', 's2'),
        ldapClient('c1', 's1'),
        server('s1', 'A'),
        firewall('fw'),
        server('s2', 'A'),
      ],
      links: [...chain('c', 's1', 'fw', 's2'), link('c1', 's1')],
    });
    const analysis = analyzePlan(plan);
    const toS2 = analysis.flows.find((f) => f.source === 'c');
    expect(toS2?.routed).toBe(false);
    expect(toS2?.firewalls).toEqual([]);
    expect(toS2?.links).toEqual([]);
    // The servers themselves still reach each other through the firewall, and c1 reaches s1 directly.
    const intrasite = analysis.flows.filter((f) => f.relationship.kind === 'intrasite');
    expect(intrasite).toHaveLength(6);
    expect(intrasite.every((f) => f.routed && f.firewalls.join() === 'fw')).toBe(true);
    expect(analysis.flows.find((f) => f.source === 'c1')?.links).toEqual(['l.c1.s1']);
    expect(analysis.findings.filter((f) => f.code === 'NO_NETWORK_PATH').map((f) => f.subjects)).toEqual([
      ['c', 's2'],
    ]);
  });

  it('networks carry traffic; parallel links between the same nodes are all used', () => {
    const plan = makePlan({
      nodes: [ldapClient('c', 's'), network('lan'), server('s', 'A')],
      links: [link('c', 'lan', 'a1'), link('c', 'lan', 'a2'), link('lan', 's', 'b1')],
    });
    const [flow] = analyzePlan(plan).flows;
    expect(flow?.routed).toBe(true);
    expect(flow?.firewalls).toEqual([]);
    expect(flow?.links).toEqual(['a1', 'a2', 'b1']);
  });

  it('unreachable endpoints: no path, nothing crossed, one NO_NETWORK_PATH per pair whichever way', () => {
    const plan = makePlan({
      nodes: [client('c', 's'), server('s', 'A'), server('t', 'A'), firewall('fw')],
      links: [link('c', 'fw')],
    });
    const analysis = analyzePlan(plan);
    expect(analysis.flows).toHaveLength(3 + 6);
    expect(analysis.flows.every((f) => !f.routed && f.firewalls.length === 0 && f.links.length === 0)).toBe(
      true,
    );
    const noPath = analysis.findings.filter((f) => f.code === 'NO_NETWORK_PATH');
    expect(noPath.map((f) => f.subjects)).toEqual([
      ['c', 's'],
      ['s', 't'],
    ]);
    expect(analysis.flowsByFirewall.get('fw')).toEqual([]);
  });

  it('firewalls on a flow are listed by name, links by id', () => {
    const plan = makePlan({
      nodes: [
        ldapClient('c', 's'),
        firewall('f1', { name: 'Zulu' }),
        firewall('f2', { name: 'Alpha' }),
        server('s', 'A'),
      ],
      links: [...chain('c', 'f1', 'f2', 's')],
    });
    expect(analyzePlan(plan).flows[0]?.firewalls).toEqual(['f2', 'f1']);
  });
});

describe('Router', () => {
  it('finds every gate of a far destination even when a near one is found first', () => {
    // s and its neighbour t share the LAN; u sits behind two LANs, each reached through its own firewall.
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        server('t', 'A'),
        server('u', 'A'),
        network('lan'),
        network('wan'),
        firewall('fw1'),
        firewall('fw2'),
        network('lan1'),
        network('lan2'),
      ],
      links: [
        ...chain('s', 'lan', 't'),
        ...chain('lan', 'wan', 'fw1', 'lan1', 'u'),
        ...chain('wan', 'fw2', 'lan2', 'u'),
      ],
    });
    const [st, su, tu] = new Router(plan).routePairs(['s', 's', 't'], ['t', 'u', 'u']);
    expect(st?.links.sort()).toEqual(['l.lan.t', 'l.s.lan']);
    expect(su?.firewalls.sort()).toEqual(['fw1', 'fw2']);
    expect(su?.links.sort()).toEqual(
      [
        'l.fw1.lan1',
        'l.fw2.lan2',
        'l.lan.wan',
        'l.lan1.u',
        'l.lan2.u',
        'l.s.lan',
        'l.wan.fw1',
        'l.wan.fw2',
      ].sort(),
    );
    expect(tu?.links).toContain('l.lan.t');
    expect(tu?.links).not.toContain('l.s.lan');
  });

  it('prefers a direct link between two endpoints over any path through transit nodes', () => {
    const plan = makePlan({
      nodes: [server('s', 'A'), network('n'), server('t', 'A')],
      links: [...chain('s', 'n', 't'), link('s', 't', 'direct')],
    });
    expect(new Router(plan).routeFrom('s', ['t']).get('t')).toEqual({
      routed: true,
      firewalls: [],
      crossings: [],
      links: ['direct'],
    });
  });

  it('routes each destination of one source, and refuses unknown ids and the source itself', () => {
    const plan = makePlan({
      nodes: [server('s', 'A'), network('n'), firewall('fw'), server('t', 'A'), server('u', 'A')],
      links: [...chain('s', 'n', 'fw', 't'), link('n', 'u')],
    });
    const routes = new Router(plan).routeFrom('s', ['t', 'u', 'missing', 's']);
    expect(routes.get('t')?.firewalls).toEqual(['fw']);
    expect(routes.get('t')?.links.sort()).toEqual(['l.fw.t', 'l.n.fw', 'l.s.n']);
    expect(routes.get('u')?.firewalls).toEqual([]);
    expect(routes.get('u')?.links.sort()).toEqual(['l.n.u', 'l.s.n']);
    expect(routes.get('missing')?.routed).toBe(false);
    expect(routes.get('s')?.routed).toBe(false);
    expect(new Router(plan).routeFrom('missing', ['t']).get('t')?.routed).toBe(false);
  });

  it('gives the same answer when asked again (the distances are reset between searches)', () => {
    const plan = makePlan({
      nodes: [server('s', 'A'), network('n'), server('t', 'A')],
      links: [...chain('s', 'n', 't')],
    });
    const router = new Router(plan);
    const first = router.routeFrom('s', ['t']).get('t');
    router.routeFrom('t', ['s']);
    expect(router.routeFrom('s', ['t']).get('t')).toEqual(first);
  });
});
