/**
 * What an Exchange version offers, phrased for the inspector: a choice the
 * version lacks is still shown, marked with what it needs (KB 176466,
 * KB 175440, KB 161931). The engine raises the matching findings; these words
 * only explain the choice before it is made.
 */
import { offersStaticPort } from '../engine/registry';
import type { ClientAuth, ClientProtocol, ExchangeVersion, ServerNode } from '../model/types';

type VersionOf = Pick<ServerNode, 'exchange' | 'servicePack'>;

const VERSION_ORDER: Readonly<Record<ExchangeVersion, number>> = { '4.0': 0, '5.0': 1, '5.5': 2 };

/** KB 176466: POP3 and LDAP came with 5.0, IMAP4 with 5.5; NNTP with 5.0 (Internet News Service). */
export const PROTOCOL_SINCE: Readonly<Record<ClientProtocol, ExchangeVersion>> = {
  mapi: '4.0',
  pop3: '5.0',
  imap4: '5.5',
  ldap: '5.0',
  nntp: '5.0',
};

export const PROTOCOL_NAME: Readonly<Record<ClientProtocol, string>> = {
  mapi: 'Exchange (MAPI) over RPC',
  pop3: 'POP3',
  imap4: 'IMAP4',
  ldap: 'LDAP',
  nntp: 'NNTP',
};

export const AUTH_NAME: Readonly<Record<ClientAuth, string>> = {
  basic: 'Basic',
  ntlm: 'NTLM (Windows NT Challenge/Response)',
  ssl: 'SSL',
};

/** Why the server cannot serve the protocol, or null when it can. */
export function protocolShortfall(protocol: ClientProtocol, server: VersionOf | null): string | null {
  if (!server) return null;
  const since = PROTOCOL_SINCE[protocol];
  if (VERSION_ORDER[server.exchange] >= VERSION_ORDER[since]) return null;
  return `needs Exchange ${since} (server is ${server.exchange})`;
}

/** KB 175440: Exchange 5.0 accepts only simple LDAP authentication; NTLM for LDAP needs 5.5. */
export function authShortfall(
  protocol: ClientProtocol,
  auth: ClientAuth,
  server: VersionOf | null,
): string | null {
  if (!server || protocol !== 'ldap' || auth !== 'ntlm') return null;
  return server.exchange === '5.5' ? null : `needs 5.5 (server is ${server.exchange})`;
}

/** KB 161931: the MTA's static RPC port and a changed RFC1006 port need 4.0 Service Pack 4. */
export function mtaPortShortfall(server: VersionOf): string | null {
  return offersStaticPort(server, 'mta') ? null : 'needs 4.0 SP4';
}

export function rfc1006Shortfall(server: VersionOf): string | null {
  return offersStaticPort(server, 'rfc1006') ? null : 'needs 4.0 SP4 to differ from 102';
}

/** An option's text with its shortfall appended: "IMAP4 — needs Exchange 5.5 (server is 5.0)". */
export function optionText(name: string, shortfall: string | null): string {
  return shortfall ? `${name} — ${shortfall}` : name;
}

/** Auth applies to every protocol but MAPI; sending mail only to POP3 and IMAP4 (SPEC §2). */
export function usesAuth(protocol: ClientProtocol): boolean {
  return protocol !== 'mapi';
}

export function canSendMail(protocol: ClientProtocol): boolean {
  return protocol === 'pop3' || protocol === 'imap4';
}
