/**
 * Which Exchange version (and service pack) offers which protocol, setting and
 * feature: the one table behind the engine's *_NOT_IN_VERSION findings and
 * the inspector's "needs Exchange 5.5" marks, so the two never disagree.
 */
import type { ClientAuth, ClientProtocol, ExchangeVersion, ServerNode } from '../model/types';
import { EXCHANGE_VERSIONS } from '../model/types';

/** A server as far as its version matters. */
export type VersionOf = Pick<ServerNode, 'exchange' | 'servicePack'>;

/** Older versions rank lower: 4.0 < 5.0 < 5.5 (the order of EXCHANGE_VERSIONS). */
export const VERSION_RANK: Readonly<Record<ExchangeVersion, number>> = Object.fromEntries(
  EXCHANGE_VERSIONS.map((v, rank) => [v, rank]),
) as Record<ExchangeVersion, number>;

/** Whether `version` is `since` or later. */
export function atLeast(version: ExchangeVersion, since: ExchangeVersion): boolean {
  return VERSION_RANK[version] >= VERSION_RANK[since];
}

/** The first Exchange version that offers each client protocol (KB 176466, scenarios 1–4; NNTP came with 5.0). */
export const PROTOCOL_SINCE: Readonly<Record<ClientProtocol, ExchangeVersion>> = {
  mapi: '4.0',
  pop3: '5.0',
  imap4: '5.5',
  ldap: '5.0',
  nntp: '5.0',
};

/** Whether the server's version offers the protocol at all (KB 176466). */
export function offersProtocol(server: VersionOf, protocol: ClientProtocol): boolean {
  return atLeast(server.exchange, PROTOCOL_SINCE[protocol]);
}

/** KB 175440: Exchange 5.0 accepts only simple LDAP authentication; LDAP with NTLM needs 5.5. */
export const LDAP_NTLM_SINCE: ExchangeVersion = '5.5';

/** Whether the server's version accepts the protocol with this authentication (KB 175440). */
export function offersAuth(server: VersionOf, protocol: ClientProtocol, auth: ClientAuth): boolean {
  return protocol !== 'ldap' || auth !== 'ntlm' || atLeast(server.exchange, LDAP_NTLM_SINCE);
}

/** The registry values that fix a port (see registry.ts), and the RFC1006 port number. */
export type StaticPortKind = 'directory' | 'store' | 'mta' | 'rfc1006';

/** A version and service pack, the earliest that offers something. */
export interface VersionPoint {
  exchange: ExchangeVersion;
  servicePack: number;
}

/**
 * The first version that honours each static-port registry value: the
 * directory and store values work on every version (KB 148732, KB 155831);
 * the MTA's RPC port and a changed RFC1006 port need 4.0 Service Pack 4
 * (KB 161931).
 */
export const STATIC_PORT_SINCE: Readonly<Record<StaticPortKind, VersionPoint>> = {
  directory: { exchange: '4.0', servicePack: 0 },
  store: { exchange: '4.0', servicePack: 0 },
  mta: { exchange: '4.0', servicePack: 4 },
  rfc1006: { exchange: '4.0', servicePack: 4 },
};

/** Whether `server` is at `point` or later; a later version needs no service pack of an earlier one. */
export function reaches(server: VersionOf, point: VersionPoint): boolean {
  if (server.exchange !== point.exchange) return atLeast(server.exchange, point.exchange);
  return server.servicePack >= point.servicePack;
}

/** True when the server's version honours the registry value (KB 161931: the MTA values need 4.0 SP4). */
export function offersStaticPort(server: VersionOf, kind: StaticPortKind): boolean {
  return reaches(server, STATIC_PORT_SINCE[kind]);
}

/** "4.0 SP4", "5.5": a version point as the inspector writes it. */
export function versionPointText(point: VersionPoint): string {
  return point.servicePack > 0 ? `${point.exchange} SP${point.servicePack}` : point.exchange;
}
