/**
 * The router's edge cases (SPEC §4), each on a plan small enough to follow by hand: where the
 * search may stop early, which nodes may carry traffic, and how a firewall's ways in and out are
 * counted. Each test pins one rule whose breaking would still leave most plans routed.
 */
import { describe, expect, it } from 'vitest';
import { chain, firewall, link, makePlan, network, server } from '../test/factories';
import { Router } from './paths';

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

describe('Router: endpoints never carry traffic', () => {
  it('a server reached on the way is not passed through, so a destination only behind it has no path', () => {
    // c – lan – e – fw – s: the only way to s leads through the server e.
    const plan = makePlan({
      nodes: [server('c', 'A'), network('lan'), server('e', 'A'), firewall('fw'), server('s', 'A')],
      links: chain('c', 'lan', 'e', 'fw', 's'),
    });
    expect(new Router(plan).routeFrom('c', ['s']).get('s')).toEqual({
      routed: false,
      firewalls: [],
      crossings: [],
      links: [],
    });
  });

  it('a server linked to the destination is no way in: the search goes on to the transit node before it', () => {
    // e (a server) sits next to s and is found first; the way in is lan1 – fw – lan3 – s.
    const plan = makePlan({
      nodes: [
        server('c', 'A'),
        network('lan1'),
        server('e', 'A'),
        firewall('fw'),
        network('lan3'),
        server('s', 'A'),
      ],
      links: [...chain('c', 'lan1', 'e', 's'), ...chain('lan1', 'fw', 'lan3', 's')],
    });
    const route = new Router(plan).routeFrom('c', ['s']).get('s');
    expect(route?.routed).toBe(true);
    expect(route?.firewalls).toEqual(['fw']);
    expect(sorted(route?.links)).toEqual(['l.c.lan1', 'l.fw.lan3', 'l.lan1.fw', 'l.lan3.s']);
  });

  it('a server at the same distance as a transit node is no step of a path', () => {
    // lan3 is reached from lan2 and, one hop the same, from the server e: only lan2 is on a path.
    const plan = makePlan({
      nodes: [
        server('c', 'A'),
        network('lan1'),
        server('e', 'A'),
        network('lan2'),
        network('lan3'),
        server('s', 'A'),
      ],
      links: [...chain('c', 'lan1', 'e', 'lan3'), ...chain('lan1', 'lan2', 'lan3', 's')],
    });
    expect(sorted(new Router(plan).routeFrom('c', ['s']).get('s')?.links)).toEqual([
      'l.c.lan1',
      'l.lan1.lan2',
      'l.lan2.lan3',
      'l.lan3.s',
    ]);
  });
});

describe('Router: the way into a destination', () => {
  it('a network of the destination that nothing reaches does not hide the one that does', () => {
    // s hangs on lan2 (reached) and on isolated, a network no source reaches.
    const plan = makePlan({
      nodes: [server('c', 'A'), network('lan1'), network('lan2'), server('s', 'A'), network('isolated')],
      links: [...chain('c', 'lan1', 'lan2', 's'), link('s', 'isolated')],
    });
    const route = new Router(plan).routeFrom('c', ['s']).get('s');
    expect(route?.routed).toBe(true);
    expect(sorted(route?.links)).toEqual(['l.c.lan1', 'l.lan1.lan2', 'l.lan2.s']);
  });
});

describe("Router: a firewall's interfaces", () => {
  it('two parallel links from one network give the firewall one ingress, not two', () => {
    const plan = makePlan({
      nodes: [server('c', 'A'), network('lan'), firewall('fw'), server('s', 'A')],
      links: [link('c', 'lan'), link('lan', 'fw', 'p1'), link('lan', 'fw', 'p2'), link('fw', 's')],
    });
    const route = new Router(plan).routeFrom('c', ['s']).get('s');
    expect(route?.crossings).toEqual([{ firewall: 'fw', ingress: 'lan', egress: 's' }]);
    expect(sorted(route?.links)).toEqual(['l.c.lan', 'l.fw.s', 'p1', 'p2']);
  });

  it('two parallel first hops from the source give the firewall one ingress, not two', () => {
    const plan = makePlan({
      nodes: [server('c', 'A'), firewall('fw'), server('s', 'A')],
      links: [link('c', 'fw', 'p1'), link('c', 'fw', 'p2'), link('fw', 's')],
    });
    expect(new Router(plan).routeFrom('c', ['s']).get('s')?.crossings).toEqual([
      { firewall: 'fw', ingress: 'c', egress: 's' },
    ]);
  });
});

describe('Router: what it cannot use', () => {
  it('a search that finds nothing ends at the end of its own queue, not in what an earlier search left there', () => {
    // The first search queues n1, n2, n3, b; the second, from x, reaches only m and x, and y is cut off.
    const plan = makePlan({
      nodes: [
        server('a', 'A'),
        network('n1'),
        network('n2'),
        network('n3'),
        server('b', 'A'),
        server('x', 'A'),
        network('m'),
        server('y', 'A'),
      ],
      links: [...chain('a', 'n1', 'n2', 'n3', 'b'), link('x', 'm'), link('y', 'n2')],
    });
    const router = new Router(plan);
    expect(router.routeFrom('a', ['b']).get('b')?.routed).toBe(true);
    expect(router.routeFrom('x', ['y']).get('y')?.routed).toBe(false);
  });

  it('counts a transit neighbour linked several times once, so every distance of a search is reset after it', () => {
    // Four parallel links c–fw1: were fw1 queued four times, the queue would overflow and fw2 and s would
    // keep their distances from c into the next search, from d.
    const plan = makePlan({
      nodes: [server('c', 'A'), firewall('fw1'), firewall('fw2'), server('s', 'A'), server('d', 'A')],
      links: [
        ...['p1', 'p2', 'p3', 'p4'].map((id) => link('c', 'fw1', id)),
        ...chain('fw1', 'fw2', 's'),
        link('d', 'fw2'),
      ],
    });
    const router = new Router(plan);
    expect(sorted(router.routeFrom('c', ['s']).get('s')?.firewalls)).toEqual(['fw1', 'fw2']);
    const fromD = router.routeFrom('d', ['s']).get('s');
    expect(fromD?.firewalls).toEqual(['fw2']);
    expect(fromD?.crossings).toEqual([{ firewall: 'fw2', ingress: 'd', egress: 's' }]);
    expect(sorted(fromD?.links)).toEqual(['l.d.fw2', 'l.fw2.s']);
  });

  it('ignores a link whose other end is no node of the plan, either way round', () => {
    // n0 leads to s but is linked to nothing c reaches; the links to "ghost" must not join them.
    const plan = makePlan({
      nodes: [network('n0'), server('c', 'A'), network('lan'), server('s', 'A')],
      links: [link('c', 'lan'), link('n0', 's'), link('lan', 'ghost', 'g1'), link('ghost', 'lan', 'g2')],
    });
    expect(new Router(plan).routeFrom('c', ['s']).get('s')?.routed).toBe(false);
  });

  it('gives a pair with an unknown source or destination no route, whatever the first node of the plan links to', () => {
    // x, the plan's first node, reaches s directly and through lan: an unknown id must not stand for it.
    const plan = makePlan({
      nodes: [server('x', 'A'), network('lan'), server('s', 'A')],
      links: [link('x', 's'), ...chain('x', 'lan', 's')],
    });
    const [fromUnknown, toUnknown] = new Router(plan).routePairs(['missing', 's'], ['s', 'missing']);
    expect(fromUnknown?.routed).toBe(false);
    expect(toUnknown?.routed).toBe(false);
  });

  it('keeps sources apart whose transit neighbours differ, even when their indexes run together', () => {
    // cB's transit neighbours are nodes 1 and 2, cA's is node 12: written without a separator both read "12".
    const fillers = Array.from({ length: 9 }, (_, i) => network(`f${i + 3}`));
    const plan = makePlan({
      nodes: [
        server('cB', 'A'),
        network('lan1'),
        network('lan2'),
        ...fillers,
        network('lan12'),
        server('cA', 'A'),
        server('s', 'A'),
      ],
      links: [
        link('cB', 'lan1'),
        link('cB', 'lan2'),
        link('lan1', 's'),
        link('cA', 'lan12'),
        link('lan12', 's'),
      ],
    });
    const [a, b] = new Router(plan).routePairs(['cA', 'cB'], ['s', 's']);
    expect(sorted(a?.links)).toEqual(['l.cA.lan12', 'l.lan12.s']);
    expect(sorted(b?.links)).toEqual(['l.cB.lan1', 'l.lan1.s']);
  });
});
