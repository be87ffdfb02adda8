/**
 * The registry values that make an Exchange port static (RULES.md, "Registry
 * values that make a port static"; KB 148732, KB 155831, KB 161931). All are
 * REG_DWORD, decimal, under HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\.
 */
import type { StaticPortKind } from './versions';

export interface RegistryValue {
  /** Full key path. */
  key: string;
  value: string;
  /** What must be restarted for the value to take effect. */
  restart: string;
  /** The Exchange versions that honour the value, as text (the rule itself is STATIC_PORT_SINCE). */
  versions: string;
  kb: readonly string[];
}

const SERVICES = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\';

export const STATIC_PORT_REGISTRY: Readonly<Record<StaticPortKind, RegistryValue>> = {
  directory: {
    key: `${SERVICES}MSExchangeDS\\Parameters`,
    value: 'TCP/IP port',
    restart: 'the computer',
    versions: 'Exchange 4.0, 5.0 and 5.5',
    kb: ['KB 148732', 'KB 155831'],
  },
  store: {
    key: `${SERVICES}MSExchangeIS\\ParametersSystem`,
    value: 'TCP/IP port',
    restart: 'the computer',
    versions: 'Exchange 4.0, 5.0 and 5.5',
    kb: ['KB 148732', 'KB 155831'],
  },
  mta: {
    key: `${SERVICES}MSExchangeMTA\\Parameters`,
    value: 'TCP/IP port for RPC listens',
    restart: 'the MTA service',
    versions: 'Exchange 4.0 Service Pack 4, 5.0 and 5.5',
    kb: ['KB 161931'],
  },
  systemAttendant: {
    key: `${SERVICES}MSExchangeSA\\Parameters`,
    value: 'TCP/IP port',
    restart: 'the computer',
    versions: 'Exchange 4.0, 5.0 and 5.5',
    kb: ['KB 148732'],
  },
  rfc1006: {
    key: `${SERVICES}MSExchangeMTA\\Parameters`,
    value: 'RFC1006 Port Number',
    restart: 'the MTA service',
    versions: 'Exchange 4.0 Service Pack 4, 5.0 and 5.5',
    kb: ['KB 161931'],
  },
};

/** `KEY value "NAME" (REG_DWORD)`, as a message prints it. */
export function registryValueText(kind: StaticPortKind): string {
  const r = STATIC_PORT_REGISTRY[kind];
  return `${r.key} value "${r.value}" (REG_DWORD)`;
}

/** Where Windows restricts the ports RPC hands out (KB 154596, KB 217351). */
export const RPC_RANGE_KEY = 'HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet';

/** How to restrict a computer's RPC range, as a message prints it (KB 154596, KB 217351). */
export function rpcRangeText(computer: string): string {
  return `set ${RPC_RANGE_KEY} value "Ports" (REG_MULTI_SZ) on ${computer} to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give ${computer} the same range as its RPC ports (KB 154596, KB 217351)`;
}
