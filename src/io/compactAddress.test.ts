import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAddress } from '../model/address';
import { withDefaults } from '../model/defaults';
import { firewall, makePlan, network } from '../test/factories';
import { addressArbitrary } from '../test/v2Arbitraries';
import { addressReader, compactAddresses } from './compactAddress';
import { CompactFormError } from './compactColumns';
import { compactPlan } from './compactPlan';
import { decodeShareFragment, encodeShareFragment, packFragment } from './shareLink';

/** The addresses `values` read back in column order, as the compact reader reads them. */
function readBack(values: unknown[]): (string | null)[] {
  const read = addressReader();
  return values.map((value, k) => read(value, `addresses[${k}]`));
}

const EDGES = [
  '0.0.0.0',
  '255.255.255.255',
  '0.0.0.0/0',
  '10.0.0.0/8',
  '192.0.2.128/31',
  '::',
  '::1',
  '::/0',
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  '2001:db8::/32',
  'fe80::/10',
  '::ffff:102:304',
  'any',
  null,
];

describe('compactAddresses', () => {
  it('writes IPv4 addresses as differences from the previous IPv4 address, a block with its prefix', () => {
    expect(
      compactAddresses(['10.0.0.10', '10.0.0.11', '10.0.0.0/24', null, '10.0.0.100', '10.0.0.9']),
    ).toEqual([167772170, 1, [-11, 24], null, 100, -91]);
  });

  it('writes IPv6 addresses as group differences from the previous IPv6 address, skipping IPv4 between', () => {
    expect(compactAddresses(['2001:db8::10', '10.0.0.1', '2001:db8::11', '2001:db8:0:1::/64'])).toEqual([
      [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x10],
      167772161,
      [0, 0, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 1, 0, 0, 0, -0x11, 64],
    ]);
  });

  it('writes "any" and anything the numbers would not spell the same way as text', () => {
    for (const text of [
      'any',
      '010.0.0.1',
      '10.0.0.1/032',
      '1.2.3.4/33',
      '2001:DB8::1',
      'fe80::1%eth0',
      'x',
    ]) {
      expect(compactAddresses([text]), text).toEqual([text]);
    }
  });

  it('gives back every edge case exactly, mixed IPv4 and IPv6 in one column, in either order', () => {
    for (const column of [EDGES, [...EDGES].reverse()]) {
      expect(readBack(compactAddresses(column))).toEqual(column);
    }
  });

  it('gives back any column of canonical addresses exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.option(addressArbitrary, { nil: null }), { maxLength: 12 }), (column) => {
        for (const address of column)
          if (address !== null) expect(canonicalAddress(address)).toEqual({ ok: true, address });
        expect(readBack(JSON.parse(JSON.stringify(compactAddresses(column))))).toEqual(column);
      }),
      { numRuns: 500 },
    );
  });
});

describe('addressReader', () => {
  const refusal = (values: unknown[]) => {
    try {
      readBack(values);
    } catch (error) {
      expect(error).toBeInstanceOf(CompactFormError);
      return (error as Error).message;
    }
    throw new Error('no refusal');
  };

  it('refuses a value that leaves the address space or is no address, naming where and why', () => {
    expect(refusal([-1])).toBe('addresses[0]: the IPv4 address falls outside 0.0.0.0 to 255.255.255.255');
    expect(refusal([4294967295, 1])).toBe(
      'addresses[1]: the IPv4 address falls outside 0.0.0.0 to 255.255.255.255',
    );
    expect(refusal([1.5])).toBe('addresses[0]: expected a whole number');
    expect(refusal([[0, 33]])).toBe('addresses[0][1]: a prefix length must be 0 to 32, not 33');
    expect(refusal([[0, 0, 0, 0, 0, 0, 0, 0, 129]])).toBe(
      'addresses[0][8]: a prefix length must be 0 to 128, not 129',
    );
    expect(refusal([[0, 0, 0, 0, 0, 0, 0, 0x10000]])).toBe(
      'addresses[0][7]: an IPv6 group falls outside 0 to ffff',
    );
    expect(refusal([[0, 0, 0, 0, 0, 0, 0, 'x']])).toBe('addresses[0][7]: expected a whole number');
    for (const value of [[], [1, 2, 3], true, {}]) {
      expect(refusal([value])).toMatch(/^addresses\[0\]: expected an address: null, a text, a number/);
    }
  });
});

describe('addresses in a share link', () => {
  const plan = withDefaults(
    makePlan({
      nodes: [
        ...EDGES.map((address, i) => network(`n${i}`, { address })),
        firewall('fw'),
        network('v4', { address: '10.1.2.3' }),
        network('v6', { address: '2001:db8::1' }),
      ],
    }),
  );

  it('round-trips every edge case exactly, firewalls left out of the column', () => {
    const result = decodeShareFragment(encodeShareFragment(plan));
    expect(result).toEqual({ ok: true, plan });
    const addresses = (compactPlan(plan)[2] as unknown[])[6] as unknown[];
    expect(addresses).toHaveLength(plan.nodes.length - 1);
  });

  it('refuses a damaged address column as a damaged link, naming the column', () => {
    const compact = compactPlan(plan) as unknown[][];
    const nodes = compact[2] as unknown[];
    const addresses = [...(nodes[6] as unknown[])];
    addresses[0] = -5;
    nodes[6] = addresses;
    expect(decodeShareFragment(packFragment(compact))).toEqual({
      ok: false,
      error:
        'The share link is damaged or incomplete (its content is malformed at nodes column 6[0]: the IPv4 address falls outside 0.0.0.0 to 255.255.255.255). Ask for the link again and copy all of it.',
    });
    nodes[6] = addresses.slice(1);
    const result = decodeShareFragment(packFragment(compact));
    expect(result.ok || result.error).toMatch(/malformed at nodes column 6: expected \d+ values, found/);
  });

  it('hands an address text the numbers did not carry to the plan check', () => {
    const compact = compactPlan(plan) as unknown[][];
    const nodes = compact[2] as unknown[];
    nodes[6] = ['10.0.0.1/8', ...(nodes[6] as unknown[]).slice(1)];
    const result = decodeShareFragment(packFragment(compact));
    expect(result.ok || result.error).toMatch(
      /^The shared plan is not valid: nodes\[0\]\.address: the host bits/,
    );
  });
});
