/**
 * The two halves of a Site Connector (SPEC §3.2, §5): each half has its own senders (the bridgehead,
 * else every server of its site) and its own targets (the listed servers of the other site, else all
 * of them). Site names differ from site ids, and the two halves are set differently, so a half that
 * reads the other half's settings, or a site id where a name belongs, fails.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { makePlan, server, site, siteConnector } from '../test/factories';
import { analyzePlan } from './analyze';

const connectorFlows = (plan: Plan) =>
  analyzePlan(plan)
    .flows.filter((f) => f.relationship.kind === 'siteConnector')
    .map((f) => `${f.source}>${f.destination} ${f.service}`);

const threeSites = (halves: Parameters<typeof siteConnector>[2]) =>
  makePlan({
    sites: [site('A', { name: 'Zurich' }), site('B', { name: 'Bern' }), site('C', { name: 'Chur' })],
    nodes: [
      server('a1', 'A', { name: 'ZH1' }),
      server('a2', 'A', { name: 'ZH2' }),
      server('b1', 'B', { name: 'BE1' }),
      server('b2', 'B', { name: 'BE2' }),
      server('c1', 'C', { name: 'CH1' }),
    ],
    connectors: [siteConnector('A', 'B', halves, 'k')],
  });

describe('site connector halves', () => {
  it('by default: every server of each site to every server of the other, both ways', () => {
    expect(connectorFlows(threeSites({}))).toEqual([
      'b1>a1 RPC endpoint mapper',
      'b1>a1 MTA (RPC)',
      'b1>a2 RPC endpoint mapper',
      'b1>a2 MTA (RPC)',
      'b2>a1 RPC endpoint mapper',
      'b2>a1 MTA (RPC)',
      'b2>a2 RPC endpoint mapper',
      'b2>a2 MTA (RPC)',
      'a1>b1 RPC endpoint mapper',
      'a1>b1 MTA (RPC)',
      'a1>b2 RPC endpoint mapper',
      'a1>b2 MTA (RPC)',
      'a2>b1 RPC endpoint mapper',
      'a2>b1 MTA (RPC)',
      'a2>b2 RPC endpoint mapper',
      'a2>b2 MTA (RPC)',
    ]);
    expect(analyzePlan(threeSites({})).findings.map((f) => f.code)).not.toContain(
      'CONNECTOR_SERVER_NOT_IN_SITE',
    );
  });

  it('a half keeps only its listed targets of the other site, once each; the other half sends nothing when its bridgehead is elsewhere', () => {
    const plan = threeSites({ bridgeheadB: 'c1', targetsA: ['b2', 'c1', 'ghost', 'b2', 'a1'] });
    // Half A: ZH1 and ZH2 send to BE2, which binds back; half B, bridged by CH1 of Chur, sends nothing.
    expect(connectorFlows(plan)).toEqual([
      'b2>a1 RPC endpoint mapper',
      'b2>a1 MTA (RPC)',
      'b2>a2 RPC endpoint mapper',
      'b2>a2 MTA (RPC)',
      'a1>b2 RPC endpoint mapper',
      'a1>b2 MTA (RPC)',
      'a2>b2 RPC endpoint mapper',
      'a2>b2 MTA (RPC)',
    ]);
    expect(analyzePlan(plan).findings.filter((f) => f.code === 'CONNECTOR_SERVER_NOT_IN_SITE')).toEqual([
      {
        code: 'CONNECTOR_SERVER_NOT_IN_SITE',
        severity: 'error',
        message:
          'The Site Connector has CH1 as the bridgehead of its half in site Bern, but CH1 is in site Chur, so that half sends nothing. Choose a server of Bern as its bridgehead, or let any server of Bern send.',
        kb: ['KB 176466'],
        subjects: ['c1', 'k'],
      },
      {
        code: 'CONNECTOR_SERVER_NOT_IN_SITE',
        severity: 'error',
        message:
          'The Site Connector lists CH1 as a target of its half in site Zurich, but CH1 is in site Chur, not in Bern, so it is left out. Choose target servers of Bern.',
        kb: ['KB 176466'],
        subjects: ['c1', 'k'],
      },
      {
        code: 'CONNECTOR_SERVER_NOT_IN_SITE',
        severity: 'error',
        message:
          'The Site Connector lists ZH1 as a target of its half in site Zurich, but ZH1 is in site Zurich, not in Bern, so it is left out. Choose target servers of Bern.',
        kb: ['KB 176466'],
        subjects: ['a1', 'k'],
      },
    ]);
  });

  it('a bridgehead in its own site sends alone, to every server of the other site when no targets are listed', () => {
    const plan = makePlan({
      nodes: [server('a1', 'A'), server('b1', 'B'), server('b2', 'B'), server('b3', 'B')],
      connectors: [siteConnector('A', 'B', { targetsA: ['b1'], bridgeheadB: 'b2' }, 'k')],
    });
    // b3 is neither a target of half A nor the bridgehead of half B: it talks to nobody over the connector.
    expect(connectorFlows(plan)).toEqual([
      'a1>b1 RPC endpoint mapper',
      'a1>b1 MTA (RPC)',
      'a1>b2 RPC endpoint mapper',
      'a1>b2 MTA (RPC)',
      'b1>a1 RPC endpoint mapper',
      'b1>a1 MTA (RPC)',
      'b2>a1 RPC endpoint mapper',
      'b2>a1 MTA (RPC)',
    ]);
  });

  it('a named connector is named in its findings; a bridgehead that names no server is no finding', () => {
    const plan = makePlan({
      sites: [site('A', { name: 'Zurich' }), site('B', { name: 'Bern' })],
      nodes: [server('a1', 'A', { name: 'ZH1' }), server('b1', 'B', { name: 'BE1' })],
      connectors: [siteConnector('A', 'B', { name: 'ZH-BE', bridgeheadA: 'b1', bridgeheadB: 'ghost' }, 'k')],
    });
    expect(analyzePlan(plan).findings.map((f) => f.message)).toEqual([
      'The Site Connector ZH-BE has BE1 as the bridgehead of its half in site Zurich, but BE1 is in site Bern, so that half sends nothing. Choose a server of Zurich as its bridgehead, or let any server of Zurich send.',
    ]);
    expect(connectorFlows(plan)).toEqual([]);
  });
});
