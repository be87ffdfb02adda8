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
