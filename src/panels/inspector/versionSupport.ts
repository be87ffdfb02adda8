/**
 * What an Exchange version offers, phrased for the inspector: a choice the
 * version lacks is still shown, marked with what it needs (KB 176466,
 * KB 175440, KB 161931). The rules themselves are the engine's version table
 * (engine/versions.ts), which also raises the matching findings; these words
 * only explain the choice before it is made.
 */
import {
  LDAP_NTLM_SINCE,
  LDAP_PORT_SINCE,
  mtaRepliesOnStaticPort,
  OWA_SINCE,
  offersAuth,
  offersLdapPort,
  offersOwa,
  offersProtocol,
  offersStaticPort,
  PROTOCOL_SINCE,
  STATIC_MTA_REPLY_FIXED,
  STATIC_PORT_SINCE,
  type VersionOf,
  versionPointText,
} from '../../engine/versions';
import { DEFAULT_LDAP_PORT, DEFAULT_RFC1006_PORT } from '../../model/defaults';
import { PROTOCOL_TRAITS } from '../../model/kinds';
import type { ClientAuth, ClientProtocol } from '../../model/types';

/** Why the server cannot serve the protocol, or null when it can. */
export function protocolShortfall(protocol: ClientProtocol, server: VersionOf | null): string | null {
  if (!server || offersProtocol(server, protocol)) return null;
  return `needs Exchange ${PROTOCOL_SINCE[protocol]} (server is ${server.exchange})`;
}

/** KB 175440: Exchange 5.0 accepts only simple LDAP authentication; NTLM for LDAP needs 5.5. */
export function authShortfall(
  protocol: ClientProtocol,
  auth: ClientAuth,
  server: VersionOf | null,
): string | null {
  if (!server || offersAuth(server, protocol, auth)) return null;
  return `needs ${LDAP_NTLM_SINCE} (server is ${server.exchange})`;
}

/** KB 161931: the MTA's static RPC port and a changed RFC1006 port need 4.0 Service Pack 4. */
export function mtaPortShortfall(server: VersionOf): string | null {
  return offersStaticPort(server, 'mta') ? null : `needs ${versionPointText(STATIC_PORT_SINCE.mta)}`;
}

export function rfc1006Shortfall(server: VersionOf): string | null {
  return offersStaticPort(server, 'rfc1006')
    ? null
    : `needs ${versionPointText(STATIC_PORT_SINCE.rfc1006)} to differ from ${DEFAULT_RFC1006_PORT}`;
}

/** An option's text with its shortfall appended: "IMAP4 — needs Exchange 5.5 (server is 5.0)". */
export function optionText(name: string, shortfall: string | null): string {
  return shortfall ? `${name} — ${shortfall}` : name;
}

/** Auth applies to every protocol but MAPI (SPEC §2). */
export function usesAuth(protocol: ClientProtocol): boolean {
  return PROTOCOL_TRAITS[protocol].usesAuth;
}

/** Only POP3 and IMAP4 clients send mail (SPEC §2). */
export function canSendMail(protocol: ClientProtocol): boolean {
  return PROTOCOL_TRAITS[protocol].sendsMail;
}

/** KB 224447: only Exchange 5.5 lets the directory's LDAP port move from 389. */
export function ldapPortShortfall(server: VersionOf & { ldapPort: number }): string | null {
  return offersLdapPort(server) || server.ldapPort === DEFAULT_LDAP_PORT
    ? null
    : `needs Exchange ${versionPointText(LDAP_PORT_SINCE)} to differ from ${DEFAULT_LDAP_PORT}`;
}

/** KB 198920: Outlook Web Access opens mailboxes on Exchange 5.0 and 5.5 only. */
export function owaServerShortfall(server: VersionOf): string | null {
  return offersOwa(server) ? null : `needs Exchange ${OWA_SINCE} (server is ${server.exchange})`;
}

/**
 * KB 191594: a 5.5 server before Service Pack 2 with a static MTA port does
 * not bind back on it, so a Site Connector through a firewall fails.
 */
export function mtaReplyShortfall(
  server: VersionOf & { staticPorts: { mta: number | null } },
): string | null {
  return server.staticPorts.mta === null || mtaRepliesOnStaticPort(server)
    ? null
    : `needs ${versionPointText(STATIC_MTA_REPLY_FIXED)} to reply on its static MTA port through a firewall`;
}
