/**
 * The port a server really listens on (SPEC §3.1). A setting the server's
 * version cannot honour is ignored here, and FEATURE_NOT_IN_VERSION says so;
 * which version honours what is the version table's (versions.ts).
 */
import { DEFAULT_LDAP_PORT, DEFAULT_RFC1006_PORT } from '../model/defaults';
import type { ServerNode } from '../model/types';
import type { PortRange } from './types';
import { offersLdapPort, offersService, offersStaticPort, type ServiceName } from './versions';

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

/** DYN(s): the restricted RPC range of the computer (KB 154596), else 1024–65535. */
export function dynamicRange(s: Pick<ServerNode, 'rpcPorts'>): PortRange {
  return s.rpcPorts ?? DYNAMIC_RPC_RANGE;
}

/**
 * The static port in force of an RPC service, or null while it is dynamic:
 * DS, IS and SA honour a static port in every version; the MTA from 4.0 SP4 on
 * (KB 161931).
 */
export function staticRpcPort(s: ServerNode, rpc: StaticRpcService): number | null {
  const port = s.staticPorts[rpc];
  if (port === null) return null;
  return offersStaticPort(s, rpc) ? port : null;
}

/** RFC1006(s): the RFC1006 port from 4.0 SP4 on, else 102 (KB 161931). */
export function rfc1006Port(s: ServerNode): number {
  return offersStaticPort(s, 'rfc1006') ? s.rfc1006Port : DEFAULT_RFC1006_PORT;
}

/** LDAP(s): the LDAP port on 5.5, else 389 (KB 224447). */
export function ldapPort(s: ServerNode): number {
  return offersLdapPort(s) ? s.ldapPort : DEFAULT_LDAP_PORT;
}

/** A service runs when `services` turns it on and the server's version has it (SPEC §3.1). */
export function runsService(s: ServerNode, service: ServiceName): boolean {
  return s.services[service] && offersService(s, service);
}
