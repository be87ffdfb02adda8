import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressArbitrary } from '../test/v2Arbitraries';
import { ADDRESS_MESSAGES, canonicalAddress, isCanonicalAddress } from './address';

const ok = (address: string) => ({ ok: true, address });
const no = (error: string) => ({ ok: false, error });

describe('canonicalAddress', () => {
  it.each([
    ['any', 'any'],
    ['10.1.0.10', '10.1.0.10'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['10.1.0.0/16', '10.1.0.0/16'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['10.1.2.3/32', '10.1.2.3'],
    ['2001:DB8::20', '2001:db8::20'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8::1/128', '2001:db8::1'],
    ['2001:DB8::/32', '2001:db8::/32'],
    ['::', '::'],
    ['::/0', '::/0'],
    ['::ffff:10.1.2.3', '::ffff:a01:203'],
  ])('%s is %s', (text, canonical) => {
    expect(canonicalAddress(text)).toEqual(ok(canonical));
  });

  it.each(['010.1.0.1', '10.01.0.1', '10.1.0.00', '10.1.0.0/016', '::ffff:10.01.2.3'])(
    'refuses %s for its leading zero',
    (text) => {
      expect(canonicalAddress(text)).toEqual(no(ADDRESS_MESSAGES.leadingZero));
    },
  );

  it('refuses a block with host bits set, naming the block', () => {
    expect(canonicalAddress('10.1.2.3/16')).toEqual(
      no('the host bits of a CIDR block must be zero (the block is 10.1.0.0/16)'),
    );
    expect(canonicalAddress('2001:db8::1/64')).toEqual(
      no('the host bits of a CIDR block must be zero (the block is 2001:db8::/64)'),
    );
    expect(canonicalAddress('10.1.0.128/25')).toEqual(ok('10.1.0.128/25'));
    expect(canonicalAddress('10.1.0.129/25')).toEqual(
      no('the host bits of a CIDR block must be zero (the block is 10.1.0.128/25)'),
    );
  });

  it.each([
    '',
    'ANY',
    ' 10.1.0.1',
    '10.1.0.1 ',
    '10.1.0',
    '10.1.0.256',
    '10.1.0.1.5',
    '0x0a.1.0.1',
    '10.1.0.0/33',
    '10.1.0.0/',
    '10.1.0.0/-1',
    '10.1.0.0/1/2',
    '2001:db8::/129',
    'fe80::1%eth0',
    '::1.2.3.4',
    '2001:db8:::1',
    'example.org',
    '10.1.0.0/ 8',
  ])('refuses %j as no address', (text) => {
    expect(canonicalAddress(text)).toEqual(no(ADDRESS_MESSAGES.address));
  });

  it('gives every canonical address back unchanged, and a canonical address a second time the same', () => {
    fc.assert(
      fc.property(addressArbitrary, (address) => {
        expect(canonicalAddress(address)).toEqual(ok(address));
        expect(isCanonicalAddress(address)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const first = canonicalAddress(text);
        if (first.ok) expect(canonicalAddress(first.address)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('writes IPv6 compressed and lower case, whatever the input case', () => {
    expect(canonicalAddress('FE80:0:0:0:ABCD:0:0:1')).toEqual(ok('fe80::abcd:0:0:1'));
    expect(isCanonicalAddress('FE80::1')).toBe(false);
  });
});
