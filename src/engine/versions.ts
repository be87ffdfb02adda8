/**
 * Which Exchange version (and service pack) offers which protocol, service,
 * setting and feature: the one table behind the engine's ports in force
 * (portInForce.ts), its *_NOT_IN_VERSION, OWA_SERVER_VERSION and
 * STATIC_MTA_PORT_REPLY findings, and the inspector's "needs Exchange 5.5"
 * marks, so that none of them disagrees with another.
 */
import type { ClientAuth, ClientProtocol, ExchangeVersion, ServerNode, ServerServices } from '../model/types';
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

/** A server's optional services (SPEC §2 `services`). */
export type ServiceName = keyof ServerServices;

/**
 * The first Exchange version that has each service (KB 176466: POP3, LDAP and
 * NNTP came with 5.0, IMAP4 with 5.5; the Internet Mail Service is in every
 * version). NNTP is both the clients' news service and the newsfeeds a news
 * host exchanges (KB 174199).
 */
export const SERVICE_SINCE: Readonly<Record<ServiceName, ExchangeVersion>> = {
  pop3: '5.0',
  imap4: '5.5',
  ldap: '5.0',
  nntp: '5.0',
  internetMail: '4.0',
};

/** Whether the server's version has the service at all, turned on or not (SPEC §3.1). */
export function offersService(server: VersionOf, service: ServiceName): boolean {
  return atLeast(server.exchange, SERVICE_SINCE[service]);
}

/** Outlook Web Access works with Exchange 5.0 and 5.5 only (KB 198920). */
export const OWA_SINCE: ExchangeVersion = '5.0';

/** Whether an OWA server can open mailboxes on this Exchange server (KB 198920). */
export function offersOwa(server: VersionOf): boolean {
  return atLeast(server.exchange, OWA_SINCE);
}

/**
 * The first Exchange version that offers each client protocol: MAPI and the
 * Administrator program work with every version (KB 176466 scenario 4,
 * KB 240859); the Internet protocols as their services (SERVICE_SINCE); a
 * browser needs Outlook Web Access (OWA_SINCE).
 */
export const PROTOCOL_SINCE: Readonly<Record<ClientProtocol, ExchangeVersion>> = {
  mapi: '4.0',
  pop3: SERVICE_SINCE.pop3,
  imap4: SERVICE_SINCE.imap4,
  ldap: SERVICE_SINCE.ldap,
  nntp: SERVICE_SINCE.nntp,
  admin: '4.0',
  web: OWA_SINCE,
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
export type StaticPortKind = 'directory' | 'store' | 'mta' | 'systemAttendant' | 'rfc1006';

/** A version and service pack, the earliest that offers something. */
export interface VersionPoint {
  exchange: ExchangeVersion;
  servicePack: number;
}

/**
 * The first version that honours each static-port registry value: the
 * directory, store and System Attendant values work on every version
 * (KB 148732, KB 155831); the MTA's RPC port and a changed RFC1006 port need
 * 4.0 Service Pack 4 (KB 161931).
 */
export const STATIC_PORT_SINCE: Readonly<Record<StaticPortKind, VersionPoint>> = {
  directory: { exchange: '4.0', servicePack: 0 },
  store: { exchange: '4.0', servicePack: 0 },
  mta: { exchange: '4.0', servicePack: 4 },
  systemAttendant: { exchange: '4.0', servicePack: 0 },
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

/** Only Exchange 5.5 can move the directory's LDAP off port 389 (KB 224447). */
export const LDAP_PORT_SINCE: VersionPoint = { exchange: '5.5', servicePack: 0 };

/** Whether the server's version honours `ldapPort` (KB 224447). */
export function offersLdapPort(server: VersionOf): boolean {
  return reaches(server, LDAP_PORT_SINCE);
}

/**
 * Exchange 5.5 before Service Pack 2: with a static MTA port, the called MTA
 * does not bind back on the port the caller asked for (KB 191594, a fault of
 * 5.5 that Service Pack 2 fixed).
 */
export const STATIC_MTA_REPLY_FIXED: VersionPoint = { exchange: '5.5', servicePack: 2 };

/** Whether the MTA of a server with a static MTA port replies on it (KB 191594). */
export function mtaRepliesOnStaticPort(server: VersionOf): boolean {
  return server.exchange !== STATIC_MTA_REPLY_FIXED.exchange || reaches(server, STATIC_MTA_REPLY_FIXED);
}

/** "4.0 SP4", "5.5": a version point as the inspector writes it. */
export function versionPointText(point: VersionPoint): string {
  return point.servicePack > 0 ? `${point.exchange} SP${point.servicePack}` : point.exchange;
}
