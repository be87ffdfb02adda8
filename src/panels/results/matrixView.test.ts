import { describe, expect, it } from 'vitest';
import type { MatrixRow } from '../../engine/types';
import { firewall, makePlan, network } from '../../test/factories';
import { firewallChoices, isRange, rowsOfFirewall } from './matrixView';

const row = (firewallId: string | null, port: string): MatrixRow => ({
  firewall: firewallId ?? '',
  source: 's',
  sourceAddress: '',
  sourceSite: '',
  destination: 'd',
  destinationAddress: '',
  destinationSite: '',
  protocol: 'TCP',
  port,
  service: 'x',
  reason: 'r',
  flowIndex: 0,
  firewallId,
});

describe('firewallChoices', () => {
  it('lists only firewalls, by name in code point order', () => {
    const plan = makePlan({
      nodes: [
        firewall('f1', { name: 'fw-b' }),
        network('n'),
        firewall('f2', { name: 'FW-A' }),
        firewall('f3', { name: 'FW-Z' }),
      ],
    });
    expect(firewallChoices(plan).map((f) => f.name)).toEqual(['FW-A', 'FW-Z', 'fw-b']);
  });
});

describe('rowsOfFirewall', () => {
  it('filters by firewall id, or keeps all', () => {
    const rows = [row('a', '135'), row('b', '135'), row('a', '1024-65535')];
    expect(rowsOfFirewall(rows, 'a')).toEqual([rows[0], rows[2]]);
    expect(rowsOfFirewall(rows, null)).toBe(rows);
    expect(rows.map(isRange)).toEqual([false, false, true]);
  });
});
