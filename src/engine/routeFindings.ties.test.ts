/**
 * Findings that follow from the routes name their subjects in name order (SPEC §5); where two
 * subjects share a name, their ids decide, so the same plan gives the same finding whatever the
 * direction of the flow or the order of the plan's arrays.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { client, makePlan, server } from '../test/factories';
import { analyzePlan } from './analyze';

/** A mapi client and its server, both named Twin, with no link between them. */
function twins(clientId: string, serverId: string, reversed: boolean): Plan {
  const nodes = [client(clientId, serverId, { name: 'Twin' }), server(serverId, 'A', { name: 'Twin' })];
  return makePlan({ nodes: reversed ? nodes.reverse() : nodes });
}

describe('NO_NETWORK_PATH between two endpoints of the same name', () => {
  it.each([
    ['z', 'a', false],
    ['z', 'a', true],
    ['a', 'z', false],
    ['a', 'z', true],
  ] as const)('client %s, server %s (arrays reversed: %s): subjects by id', (c, s, reversed) => {
    const unreachable = analyzePlan(twins(c, s, reversed)).findings.filter(
      (f) => f.code === 'NO_NETWORK_PATH',
    );
    expect(unreachable).toEqual([
      {
        code: 'NO_NETWORK_PATH',
        severity: 'error',
        message:
          'No network path joins Twin and Twin: traffic passes only through networks and firewalls, never through another server, client or host. Link them through a network or firewall.',
        kb: ['KB 176466'],
        subjects: ['a', 'z'],
      },
    ]);
  });
});
