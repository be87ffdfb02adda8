/**
 * Addresses of endpoints and networks (SPEC §2, v2): an IPv4 or IPv6 address,
 * a CIDR block with its host bits zero, or `"any"`, always kept in one
 * canonical form so that two spellings of one address are one firewall rule.
 *
 * Parsing is ipaddr.js's (a maintained parser used by Express and others);
 * this module only adds the plan's stricter rules on top: IPv4 is dotted
 * decimal without leading zeros (`010.1.0.1` is octal to some tools and
 * decimal to others), no zone id, and a block's host bits are zero.
 */
import ipaddr from 'ipaddr.js';

/** The address that stands for every address: the platform's "any" in firewall rules. */
export const ANY_ADDRESS = 'any';

/** The words of an address refusal, after `<path>: `. */
export const ADDRESS_MESSAGES = {
  address: 'must be an IPv4 or IPv6 address, a CIDR block such as 10.1.0.0/16, or "any"',
  leadingZero: 'must be written without leading zeros (an IPv4 number such as 010 is octal to some tools)',
  hostBits: (network: string) => `the host bits of a CIDR block must be zero (the block is ${network})`,
} as const;

export type AddressResult = { ok: true; address: string } | { ok: false; error: string };

/** One number of a dotted IPv4 address or a prefix length with a leading zero (`010`, `/016`). */
const LEADING_ZERO = /(?:^|[./:])0\d/;
/** IPv4 written `::1.2.3.4` (deprecated by RFC 4291); ipaddr.js reads it as a different address. */
const DEPRECATED_COMPATIBLE = /^::(?:\d+\.){3}\d+$/;
const PREFIX_DIGITS = /^\d{1,3}$/;

/**
 * The canonical form of `text` (SPEC §2): IPv6 compressed and lower case
 * (RFC 5952), a /32 or /128 block as the plain address, `"any"` as it is;
 * or why it is not an address.
 */
export function canonicalAddress(text: string): AddressResult {
  if (text === ANY_ADDRESS) return { ok: true, address: ANY_ADDRESS };
  const refuse = (error: string): AddressResult => ({ ok: false, error });
  const slash = text.indexOf('/');
  const host = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  const v6 = host.includes(':');

  if (prefixText !== undefined && !PREFIX_DIGITS.test(prefixText)) return refuse(ADDRESS_MESSAGES.address);
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  if (v6) {
    if (!ipaddr.IPv6.isValid(host) || host.includes('%') || DEPRECATED_COMPATIBLE.test(host)) {
      return refuse(ADDRESS_MESSAGES.address);
    }
    const dotted = host.slice(host.lastIndexOf(':') + 1);
    if (dotted.includes('.')) {
      if (LEADING_ZERO.test(dotted)) return refuse(ADDRESS_MESSAGES.leadingZero);
      if (!ipaddr.IPv4.isValidFourPartDecimal(dotted)) return refuse(ADDRESS_MESSAGES.address);
    }
    address = ipaddr.IPv6.parse(host);
  } else {
    if (!ipaddr.IPv4.isValidFourPartDecimal(host)) {
      const parts = host.split('.');
      const decimal = parts.length === 4 && parts.every((part) => /^\d+$/.test(part) && Number(part) <= 255);
      return refuse(
        decimal && LEADING_ZERO.test(host) ? ADDRESS_MESSAGES.leadingZero : ADDRESS_MESSAGES.address,
      );
    }
    address = ipaddr.IPv4.parse(host);
  }
  const written = (ip: ipaddr.IPv4 | ipaddr.IPv6) =>
    ip.kind() === 'ipv6' ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
  if (prefixText === undefined) return { ok: true, address: written(address) };

  const bits = address.kind() === 'ipv6' ? 128 : 32;
  if (prefixText.length > 1 && prefixText.startsWith('0')) return refuse(ADDRESS_MESSAGES.leadingZero);
  const prefix = Number(prefixText);
  if (prefix > bits) return refuse(ADDRESS_MESSAGES.address);
  if (prefix === bits) return { ok: true, address: written(address) };
  const network = networkOf(address, prefix);
  const block = `${written(network)}/${prefix}`;
  if (written(network) !== written(address)) return refuse(ADDRESS_MESSAGES.hostBits(block));
  return { ok: true, address: block };
}

/** The address with every bit after the first `prefix` bits cleared. */
function networkOf(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = address.toByteArray().map((byte, i) => {
    const kept = Math.min(8, Math.max(0, prefix - i * 8));
    return byte & ((0xff << (8 - kept)) & 0xff);
  });
  return ipaddr.fromByteArray(bytes);
}

/** Whether `text` is an address already in its canonical form. */
export function isCanonicalAddress(text: string): boolean {
  const result = canonicalAddress(text);
  return result.ok && result.address === text;
}
