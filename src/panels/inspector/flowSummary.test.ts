import { describe, expect, it } from 'vitest';
import type { Flow } from '../../engine/types';
import { flowsOfNode, portLines } from './flowSummary';

function flow(source: string, destination: string, from: number, to: number, service: string): Flow {
  return {
    id: `${source}>${destination}:${from}-${to}:${service}`,
    source,
    destination,
    protocol: 'TCP',
    ports: { from, to },
    dynamic: false,
    service,
    reason: '',
    relationship: { kind: 'intrasite', from: source, to: destination },
    firewalls: [],
    crossings: [],
    links: [],
    routed: true,
    status: 'ok',
  };
}

const flows = [
  flow('a', 'b', 1024, 65535, 'MTA (RPC)'),
  flow('a', 'b', 135, 135, 'RPC endpoint mapper'),
  flow('b', 'a', 135, 135, 'RPC endpoint mapper'),
  flow('c', 'b', 1024, 1024, 'Directory (RPC)'),
  flow('c', 'b', 1024, 65535, 'Directory (RPC)'),
];

describe('portLines', () => {
  it('merges equal port and service, counts flows, orders by port with a single port before its range', () => {
    expect(portLines(flows, [0, 1, 2, 3, 4])).toEqual([
      { ports: '135', service: 'RPC endpoint mapper', flows: 2, dynamic: false },
      { ports: '1024', service: 'Directory (RPC)', flows: 1, dynamic: false },
      { ports: '1024-65535', service: 'Directory (RPC)', flows: 1, dynamic: true },
      { ports: '1024-65535', service: 'MTA (RPC)', flows: 1, dynamic: true },
    ]);
  });

  it('reads only the given flows and skips missing indexes', () => {
    expect(portLines(flows, [2, 99])).toEqual([
      { ports: '135', service: 'RPC endpoint mapper', flows: 1, dynamic: false },
    ]);
    expect(portLines(flows, [])).toEqual([]);
  });
});

describe('flowsOfNode', () => {
  it('finds flows from and to a node', () => {
    expect(flowsOfNode(flows, 'a')).toEqual([0, 1, 2]);
    expect(flowsOfNode(flows, 'c')).toEqual([3, 4]);
    expect(flowsOfNode(flows, 'zz')).toEqual([]);
  });
});
