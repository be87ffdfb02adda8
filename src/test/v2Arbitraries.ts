/**
 * fast-check arbitraries of the values version 2 of the plan format added
 * (SPEC §2): canonical addresses, interface names, note texts and the
 * service packs of each Exchange version. Shared by the model's and the
 * share link's plan arbitraries, for tests only.
 */
import fc from 'fast-check';
import { LAST_SERVICE_PACK } from '../model/schema';
import { cleanName } from '../model/text';
import type { ExchangeVersion } from '../model/types';

const octets = fc.array(fc.nat(255), { minLength: 4, maxLength: 4 });
const hextets = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });

/** The bits after the first `prefix` of `words` (each `width` bits wide) set to zero. */
function masked(words: number[], width: number, prefix: number): number[] {
  return words.map((word, i) => {
    const kept = Math.min(width, Math.max(0, prefix - i * width));
    return kept === 0 ? 0 : word & (((1 << width) - 1) ^ ((1 << (width - kept)) - 1));
  });
}

/** RFC 5952: lower case, no leading zeros, the longest run (of two or more, first if tied) of zero groups as `::`. */
function ipv6Text(parts: number[]): string {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = parts.map((part) => part.toString(16));
  if (best === -1) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/** Addresses in canonical form: "any", IPv4 and IPv6 addresses and blocks with their host bits zero. */
export const addressArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constant('any'),
  octets.map((o) => o.join('.')),
  fc.tuple(octets, fc.nat(31)).map(([o, prefix]) => `${masked(o, 8, prefix).join('.')}/${prefix}`),
  hextets.map(ipv6Text),
  fc.tuple(hextets, fc.nat(127)).map(([h, prefix]) => `${ipv6Text(masked(h, 16, prefix))}/${prefix}`),
);

/** Interface or zone names of a firewall's link end: 1–32 letters, digits, `_`, `-`, `.`. */
export const interfaceArbitrary = fc.oneof(
  fc.constantFrom('outside', 'inside', 'dmz', 'ge-0.0.1', 'eth0.100'),
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,32}$/),
);

/** Note texts: 1–2,000 characters, line breaks allowed, no other control characters. */
export const noteTextArbitrary = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), fc.constantFrom('', '\n', '\r\n'))
  .map(([text, lineBreak]) => `${cleanName(text)}${lineBreak}${cleanName(text)}`.slice(0, 2000));

/** `n` brought into the service packs of `exchange`. */
export function servicePackOf(exchange: ExchangeVersion, n: number): number {
  return n % (LAST_SERVICE_PACK[exchange] + 1);
}

/** Service packs of one Exchange version, for arbitraries that pick the version first. */
export const servicePackArbitrary = (exchange: ExchangeVersion) => fc.nat(LAST_SERVICE_PACK[exchange]);
