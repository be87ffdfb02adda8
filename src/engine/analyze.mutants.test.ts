/**
 * The analysis keeps each pair of endpoints apart, orders flows, firewalls and the pairs the
 * ANALYSIS_LIMIT finding names exactly as SPEC §4–§6 say, and marks flow statuses from error
 * findings only: cases where names do not sort like ids and ties are decided one level down.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { chain, client, firewall, link, makePlan, network, owa, server } from '../test/factories';
import { analysisLimited, analyzePlan } from './analyze';

/** "source>destination" → the firewalls its flows cross ("no path" when none joins them), one entry per pair. */
function routesByPair(plan: Plan): Record<string, string[] | 'no path'> {
  const out: Record<string, string[] | 'no path'> = {};
  for (const f of analyzePlan(plan).flows) out[`${f.source}>${f.destination}`] = f.routed ? f.firewalls : 'no path';
  return out;
}

/** The ANALYSIS_LIMIT message's list of the pairs it names. */
function namedPairs(plan: Plan): string {
  const message = analyzePlan(plan, { crossingLimit: 1 }).findings[0]?.message ?? '';
  return message.slice(message.indexOf('Most come from '), message.indexOf('. Give each flow'));
}

describe('each pair of endpoints keeps its own route', () => {
  it('does not mix up pairs whose source and destination places add up alike', () => {
    // Ids in order: a b f1 f2 n y z. a → z crosses f1, b → a crosses f2, a → y and y → a cross
    // nothing, and y and z have no path (it would pass through the server a).
    const plan = makePlan({
      nodes: [
        server('a', 'A'),
        server('y', 'A'),
        server('z', 'A'),
        client('b', 'a', { protocol: 'pop3', sendsMail: false }),
        firewall('f1'),
        firewall('f2'),
        network('n'),
      ],
      links: [...chain('a', 'f1', 'z'), ...chain('b', 'f2', 'a'), ...chain('a', 'n', 'y')],
    });
    expect(routesByPair(plan)).toEqual({
      'a>y': [],
      'a>z': ['f1'],
      'b>a': ['f2'],
      'y>a': [],
      'y>z': 'no path',
      'z>a': ['f1'],
      'z>y': 'no path',
    });
  });
});

describe('the firewalls of a route', () => {
  it.each([
    ['fa', 'fb'],
    ['fb', 'fa'],
  ])('two firewalls of one name, %s next to the client: by id', (near, far) => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { protocol: 'pop3', sendsMail: false }),
        firewall('fa', { name: 'FW' }),
        firewall('fb', { name: 'FW' }),
        server('s', 'A'),
      ],
      links: chain('c', near, far, 's'),
    });
    expect(analyzePlan(plan).flows.map((f) => f.firewalls)).toEqual([['fa', 'fb']]);
  });

  it('a flow with no path crosses nothing: no firewalls, crossings or links', () => {
    const plan = makePlan({
      nodes: [client('c', 's', { protocol: 'pop3', sendsMail: false }), server('s', 'A'), firewall('fw')],
      links: [link('s', 'fw')],
    });
    const [flow] = analyzePlan(plan).flows;
    expect(flow?.routed).toBe(false);
    expect(flow?.firewalls).toEqual([]);
    expect(flow?.crossings).toEqual([]);
    expect(flow?.links).toEqual([]);
  });
});
