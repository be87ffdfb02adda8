import ipaddr from 'ipaddr.js';
import { fail } from './compactColumns';
import type { Value } from './compactPlan';

/**
 * Addresses in the compact form of a plan, version 2 (compactPlan.ts).
 *
 * As canonical text, the addresses of a large plan were a fifth of its share
 * link, and DEFLATE finds little to repeat in `10.0.17.104`. Numbers that
 * count up compress far better, so an address column holds, per address:
 *
 * - `null` for no address;
 * - a number for an IPv4 address: its 32-bit value minus that of the previous
 *   IPv4 address of the column (the first counts from 0), so `10.0.0.11`
 *   after `10.0.0.10` is `1`;
 * - `[difference, prefix length]` for an IPv4 block;
 * - a list of 8 numbers for an IPv6 address: each 16-bit group minus the same
 *   group of the previous IPv6 address of the column, and a 9th number, the
 *   prefix length, for an IPv6 block;
 * - a text, the address as it is: `"any"`, and any address the numbers would
 *   not give back in exactly the same spelling.
 *
 * Plans keep addresses in their canonical form (SPEC §2), which is what the
 * numbers are turned back into, so a canonical address makes the round trip
 * exactly; anything else travels as its text.
 */

const V4_SPACE = 2 ** 32;
const V6_GROUPS = 8;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

type Parsed =
  | { family: 4; value: number; prefix?: number }
  | { family: 6; groups: number[]; prefix?: number };

function v4Text(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function v6Text(groups: number[]): string {
  return new ipaddr.IPv6(groups).toRFC5952String();
}

function textOf(address: Parsed): string {
  const host = address.family === 4 ? v4Text(address.value) : v6Text(address.groups);
  return address.prefix === undefined ? host : `${host}/${address.prefix}`;
}

/** The numbers of `text`, when they give back exactly `text`; undefined otherwise. */
function parse(text: string): Parsed | undefined {
  const slash = text.indexOf('/');
  const host = slash === -1 ? text : text.slice(0, slash);
  const prefix = slash === -1 ? undefined : Number(text.slice(slash + 1));
  if (prefix !== undefined && !Number.isInteger(prefix)) return undefined;
  const withPrefix = prefix === undefined ? {} : { prefix };
  let parsed: Parsed | undefined;
  const v4 = IPV4.exec(host);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    if (octets.every((octet) => octet <= 255)) {
      parsed = { family: 4, value: octets.reduce((sum, octet) => sum * 256 + octet, 0), ...withPrefix };
    }
  } else if (host.includes(':') && ipaddr.IPv6.isValid(host)) {
    parsed = { family: 6, groups: ipaddr.IPv6.parse(host).parts, ...withPrefix };
  }
  if (parsed === undefined || (parsed.prefix ?? 0) > (parsed.family === 4 ? 32 : 128)) return undefined;
  return textOf(parsed) === text ? parsed : undefined;
}

/** The compact values of a column of addresses (see the module comment). */
export function compactAddresses(addresses: readonly (string | null)[]): Value[] {
  let previous4 = 0;
  let previous6: number[] = new Array<number>(V6_GROUPS).fill(0);
  return addresses.map((address): Value => {
    if (address === null) return null;
    const parsed = parse(address);
    if (parsed === undefined) return address;
    if (parsed.family === 4) {
      const difference = parsed.value - previous4;
      previous4 = parsed.value;
      return parsed.prefix === undefined ? difference : [difference, parsed.prefix];
    }
    const differences = parsed.groups.map((group, i) => group - (previous6[i] as number));
    previous6 = parsed.groups;
    return parsed.prefix === undefined ? differences : [...differences, parsed.prefix];
  });
}

function wholeNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(where, 'expected a whole number');
  return value;
}

function prefixLength(value: unknown, bits: number, where: string): number {
  const prefix = wholeNumber(value, where);
  if (prefix < 0 || prefix > bits) fail(where, `a prefix length must be 0 to ${bits}, not ${prefix}`);
  return prefix;
}

/**
 * A reader of one address column, value by value in column order: gives the
 * address text back, or fails naming what is wrong with the value.
 */
export function addressReader(): (value: unknown, where: string) => string | null {
  let previous4 = 0;
  let previous6: number[] = new Array<number>(V6_GROUPS).fill(0);
  return (value, where) => {
    if (value === null || typeof value === 'string') return value;
    if (typeof value === 'number' || (Array.isArray(value) && value.length === 2)) {
      const [difference, prefix] = Array.isArray(value) ? value : [value];
      const address = previous4 + wholeNumber(difference, where);
      if (address < 0 || address >= V4_SPACE)
        fail(where, 'the IPv4 address falls outside 0.0.0.0 to 255.255.255.255');
      previous4 = address;
      if (prefix === undefined) return v4Text(address);
      return textOf({ family: 4, value: address, prefix: prefixLength(prefix, 32, `${where}[1]`) });
    }
    if (Array.isArray(value) && (value.length === V6_GROUPS || value.length === V6_GROUPS + 1)) {
      const groups = value.slice(0, V6_GROUPS).map((difference, i) => {
        const group = (previous6[i] as number) + wholeNumber(difference, `${where}[${i}]`);
        if (group < 0 || group > 0xffff) fail(`${where}[${i}]`, 'an IPv6 group falls outside 0 to ffff');
        return group;
      });
      previous6 = groups;
      if (value.length === V6_GROUPS) return v6Text(groups);
      return textOf({ family: 6, groups, prefix: prefixLength(value[V6_GROUPS], 128, `${where}[8]`) });
    }
    fail(
      where,
      'expected an address: null, a text, a number or [number, prefix] (IPv4), 8 or 9 numbers (IPv6)',
    );
  };
}
