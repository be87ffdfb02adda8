/**
 * The port a server really listens on (SPEC §3.1). A setting the server's
 * version cannot honour is ignored here, and FEATURE_NOT_IN_VERSION says so.
 */
import type { ExchangeVersion, ServerNode, ServerServices } from '../model/types';
import type { PortRange } from './types';

/** The ephemeral range RPC hands ports out of while nothing narrows it (KB 176466, "Terminologie"). */
export const DYNAMIC_RPC_RANGE: Readonly<PortRange> = Object.freeze({ from: 1024, to: 65535 });

/** The RPC services whose port a registry value can make static (KB 148732, KB 155831, KB 161931). */
export type StaticRpcService = 'directory' | 'store' | 'mta' | 'systemAttendant';
export const STATIC_RPC_SERVICES: readonly StaticRpcService[] = [
  'directory',
  'store',
  'mta',
  'systemAttendant',
];

type Version = Pick<ServerNode, 'exchange' | 'servicePack'>;

/** 4.0 Service Pack 4 or later, 5.0 or 5.5: the MTA's RPC and RFC1006 ports can be changed (KB 161931). */
export function hasMtaPortSettings(s: Version): boolean {
  return s.exchange !== '4.0' || s.servicePack >= 4;
}

/** The LDAP port can be changed on Exchange 5.5 only (KB 224447). */
export function hasLdapPortSetting(s: Pick<ServerNode, 'exchange'>): boolean {
  return s.exchange === '5.5';
}

/** DYN(s): the restricted RPC range of the computer (KB 154596), else 1024–65535. */
export function dynamicRange(s: Pick<ServerNode, 'rpcPorts'>): PortRange {
  return s.rpcPorts ?? DYNAMIC_RPC_RANGE;
}

/**
 * The static port in force of an RPC service, or null while it is dynamic:
 * DS, IS and SA honour a static port in every version; the MTA from 4.0 SP4 on.
 */
export function staticRpcPort(s: ServerNode, rpc: StaticRpcService): number | null {
  const port = s.staticPorts[rpc];
  if (port === null) return null;
  return rpc === 'mta' && !hasMtaPortSettings(s) ? null : port;
}

/** RFC1006(s): the RFC1006 port from 4.0 SP4 on, else 102 (KB 161931). */
export function rfc1006Port(s: ServerNode): number {
  return hasMtaPortSettings(s) ? s.rfc1006Port : 102;
}

/** LDAP(s): the LDAP port on 5.5, else 389 (KB 224447). */
export function ldapPort(s: ServerNode): number {
  return hasLdapPortSetting(s) ? s.ldapPort : 389;
}

export type ServiceName = keyof ServerServices;

/** The first Exchange version that has each Internet service (KB 176466: POP3, LDAP, NNTP with 5.0; IMAP4 with 5.5). */
export const SERVICE_SINCE: Readonly<Record<ServiceName, ExchangeVersion>> = {
  pop3: '5.0',
  imap4: '5.5',
  ldap: '5.0',
  nntp: '5.0',
  internetMail: '4.0',
};

export const VERSION_RANK: Readonly<Record<ExchangeVersion, number>> = { '4.0': 0, '5.0': 1, '5.5': 2 };

/** A service runs when `services` turns it on and the server's version has it (SPEC §3.1). */
export function runsService(s: ServerNode, service: ServiceName): boolean {
  return s.services[service] && VERSION_RANK[s.exchange] >= VERSION_RANK[SERVICE_SINCE[service]];
}
