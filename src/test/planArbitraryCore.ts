/**
 * What the three fast-check plan generators share: the settings of each node
 * type (every version, service pack, service, protocol, authentication and
 * direction of SPEC §2), valid ids, ports, and how a pair of distinct ends is
 * picked. Each generator shapes plans for its own tests:
 * - `filePlanArbitrary`: the breadth of the file format (optional fields
 *   present and absent), for the model's loading and serializing;
 * - `shareLinkPlanArbitrary`: what the share-link codec must carry (counting
 *   ids and names, references forward and back, fractional coordinates);
 * - `enginePlanArbitrary`: small graphs dense in firewalls and links, with
 *   ports the rules care about, for the engine's invariants.
 * `generatePlan` (not a fast-check generator) builds one realistic
 * organization of a given size for benchmarks.
 */
import fc from 'fast-check';
import { ID_MAX_LENGTH } from '../model/ids';
import type { RpcPortRange } from '../model/types';
import {
  CLIENT_AUTHS,
  CLIENT_PROTOCOLS,
  EXCHANGE_VERSIONS,
  NEWS_FEEDS,
  SMTP_DIRECTIONS,
} from '../model/types';

const ID_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.'];

/** A valid id: 1–64 letters, digits, `_`, `-`, `.` (SPEC §2). */
export const idArbitrary = fc.string({
  unit: fc.constantFrom(...ID_CHARACTERS),
  minLength: 1,
  maxLength: ID_MAX_LENGTH,
});

/** Any TCP port. */
export const portArbitrary = fc.integer({ min: 1, max: 65535 });

/** A static RPC port or `null` (dynamic), from any port. */
export const staticPortArbitrary = fc.option(portArbitrary, { nil: null });

/** The RFC1006 port: often the default 102, else any port. */
export const rfc1006PortArbitrary = fc.oneof(fc.constant(102), portArbitrary);

/** The LDAP port: often the default 389, else any port. */
export const ldapPortArbitrary = fc.oneof(fc.constant(389), portArbitrary);

/** A restricted RPC range (from ≤ to, both 1024–65535), or `null` (not restricted). */
export const rpcPortsArbitrary: fc.Arbitrary<RpcPortRange | null> = fc.option(
  fc
    .tuple(fc.integer({ min: 1024, max: 65535 }), fc.integer({ min: 1024, max: 65535 }))
    .map(([x, y]) => ({ from: Math.min(x, y), to: Math.max(x, y) })),
  { nil: null },
);

export interface SettingsOptions {
  /** The values a static RPC port takes (null for dynamic). */
  staticPort?: fc.Arbitrary<number | null>;
  rfc1006Port?: fc.Arbitrary<number>;
  ldapPort?: fc.Arbitrary<number>;
  rpcPorts?: fc.Arbitrary<RpcPortRange | null>;
  /** Build plain objects, as JSON.parse makes them (fast-check may otherwise build null-prototype records). */
  plainObjects?: boolean;
}

/** The fields of a server beyond id, name and site, as record arbitraries to spread into `fc.record`. */
export function serverSettings(options: SettingsOptions = {}) {
  const staticPort = options.staticPort ?? staticPortArbitrary;
  const recordOptions = options.plainObjects ? ({ noNullPrototype: true } as const) : undefined;
  return {
    exchange: fc.constantFrom(...EXCHANGE_VERSIONS),
    servicePack: fc.integer({ min: 0, max: 4 }),
    services: fc.record(
      {
        pop3: fc.boolean(),
        imap4: fc.boolean(),
        ldap: fc.boolean(),
        nntp: fc.boolean(),
        internetMail: fc.boolean(),
      },
      recordOptions,
    ),
    staticPorts: fc.record(
      { directory: staticPort, store: staticPort, mta: staticPort, systemAttendant: staticPort },
      recordOptions,
    ),
    rfc1006Port: options.rfc1006Port ?? rfc1006PortArbitrary,
    ldapPort: options.ldapPort ?? ldapPortArbitrary,
    rpcPorts: options.rpcPorts ?? rpcPortsArbitrary,
  };
}

/** The fields of a client beyond id, name, site and server. */
export function clientSettings() {
  return {
    protocol: fc.constantFrom(...CLIENT_PROTOCOLS),
    auth: fc.constantFrom(...CLIENT_AUTHS),
    sendsMail: fc.boolean(),
    notifications: fc.boolean(),
  };
}

/** The fields of an SMTP host beyond id, name and site. */
export function smtpHostSettings() {
  return { direction: fc.constantFrom(...SMTP_DIRECTIONS) };
}

/** The fields of a news host beyond id, name, site and server. */
export function newsHostSettings() {
  return { feed: fc.constantFrom(...NEWS_FEEDS) };
}

/** The fields of a firewall beyond id, name and site. */
export function firewallSettings() {
  return { nat: fc.boolean() };
}

/**
 * Two different indices below `count` (≥ 2), from two arbitrary numbers:
 * every ordered pair of distinct indices can come out, so links and
 * connectors join any two different ends.
 */
export function distinctPair(count: number, a: number, b: number): [number, number] {
  const first = a % count;
  return [first, (first + 1 + (b % (count - 1))) % count];
}
