/**
 * Every finding code of SPEC.md §5 in one place: its severity, the KB articles
 * it comes from and the message it prints. Messages name nodes by name and say
 * what to do. Parameters arrive as display names already (name, else id).
 */
import { PROTOCOL_LABEL } from '../model/kinds';
import type { ClientProtocol, ConnectorType, ExchangeVersion } from '../model/types';
import { registryValueText, STATIC_PORT_REGISTRY } from './registry';
import type { Finding, FindingCode, Severity } from './types';
import { offersStaticPort } from './versions';

export type StaticRpcService = 'directory' | 'store' | 'mta';

export interface FindingParams {
  RFC1006_PORT_MISMATCH: { connector: string; a: string; aPort: number; b: string; bPort: number };
  NO_NETWORK_PATH: { a: string; b: string };
  PROTOCOL_NOT_IN_VERSION: {
    client: string;
    server: string;
    protocol: ClientProtocol;
    exchange: ExchangeVersion;
    needs: ExchangeVersion;
  };
  AUTH_NOT_IN_VERSION: { client: string; server: string; exchange: ExchangeVersion; needs: ExchangeVersion };
  PROTOCOL_DISABLED: { client: string; server: string; protocol: ClientProtocol };
  NO_INTERNET_MAIL: { client: string; server: string; protocol: ClientProtocol };
  FEATURE_NOT_IN_VERSION: { server: string; servicePack: number; feature: 'mta' | 'rfc1006'; port: number };
  CONNECTOR_SAME_SITE: { connector: string; type: ConnectorType; a: string; b: string; site: string };
  /** `reference` is the id the client names (null: none); `referenced` the name of that node, null when no node has the id. */
  CLIENT_WITHOUT_SERVER: { client: string; reference: string | null; referenced: string | null };
  /** `claimants` are the services that want `port`, as phrases ("the directory's static RPC port"). */
  STATIC_PORT_CONFLICT: { server: string; port: number; claimants: string[] };
  DYNAMIC_RPC_PORTS: {
    firewall: string;
    server: string;
    rpc: StaticRpcService;
    exchange: ExchangeVersion;
    servicePack: number;
  };
  STATIC_PORT_IN_CLIENT_POOL: { server: string; rpc: StaticRpcService; port: number };
  STATIC_PORT_WELL_KNOWN: { server: string; rpc: StaticRpcService; port: number };
  MAPI_NOTIFICATIONS_UDP: { client: string; server: string; firewalls: string[] };
  FIREWALL_UNUSED: { firewall: string };
}

interface CatalogEntry<P> {
  severity: Severity;
  kb: (params: P) => string[];
  message: (params: P) => string;
}

export type FindingCatalog = { [C in FindingCode]: CatalogEntry<FindingParams[C]> };

/** The static RPC ports as finding messages name them. */
export const RPC_PORT_LABEL: Readonly<Record<StaticRpcService, string>> = {
  directory: 'directory (DS) RPC port',
  store: 'information store (IS) RPC port',
  mta: 'MTA RPC port',
};

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const always =
  <P>(...kb: string[]) =>
  (_: P): string[] => [...kb];

function howToMakeStatic(
  rpc: StaticRpcService,
  server: string,
  exchange: ExchangeVersion,
  sp: number,
): string {
  const r = STATIC_PORT_REGISTRY[rpc];
  const set = `set ${registryValueText(rpc)} on ${server} to a free port above 5000 and restart ${r.restart}; ${r.versions} offer it (${r.kb.join(', ')})`;
  return offersStaticPort({ exchange, servicePack: sp }, rpc)
    ? `To open a single port instead, ${set}.`
    : `${server} runs Exchange 4.0 Service Pack ${sp}, which cannot fix it: install Service Pack 4 first, then ${set}.`;
}

/** The one table of finding codes (SPEC §5), like xyflow's errorMessages. */
export const FINDING_CATALOG: FindingCatalog = {
  RFC1006_PORT_MISMATCH: {
    severity: 'error',
    kb: always('KB 176466', 'KB 161931'),
    message: (p) =>
      `The X.400 connector${p.connector} joins ${p.a} (RFC1006 port ${p.aPort}) and ${p.b} (RFC1006 port ${p.bPort}): every MTA that talks over X.400 connectors must use the same port (KB 176466, scenario 6b; KB 161931). Set ${registryValueText('rfc1006')} to the same value on both servers.`,
  },
  NO_NETWORK_PATH: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      `No network path joins ${p.a} and ${p.b}: traffic passes only through networks and firewalls, never through another server, client or SMTP host. Link them through a network or firewall.`,
  },
  PROTOCOL_NOT_IN_VERSION: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      `${p.client} uses ${PROTOCOL_LABEL[p.protocol]}, but ${p.server} runs Exchange ${p.exchange} and ${PROTOCOL_LABEL[p.protocol]} needs Exchange ${p.needs} or later (KB 176466). Upgrade ${p.server} or point ${p.client} at a server that runs ${p.needs} or later.`,
  },
  AUTH_NOT_IN_VERSION: {
    severity: 'error',
    kb: always('KB 175440'),
    message: (p) =>
      `${p.client} uses LDAP with Windows NT Challenge/Response (NTLM), but ${p.server} runs Exchange ${p.exchange}; LDAP with NTLM needs Exchange ${p.needs} (KB 175440: Exchange 5.0 accepts only simple authentication). Use basic or SSL authentication, or upgrade ${p.server} to ${p.needs}.`,
  },
  PROTOCOL_DISABLED: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      `${p.client} uses ${PROTOCOL_LABEL[p.protocol]}, but ${PROTOCOL_LABEL[p.protocol]} is turned off on ${p.server}. Turn it on for ${p.server} or point ${p.client} at a server that offers it.`,
  },
  NO_INTERNET_MAIL: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      `${p.client} sends mail over SMTP (TCP 25), but ${p.server} runs no Internet Mail Service to accept it (KB 176466, scenarios 1 and 2). Turn on the Internet Mail Service on ${p.server}, or turn off sending for ${p.client}.`,
  },
  FEATURE_NOT_IN_VERSION: {
    severity: 'error',
    kb: always('KB 161931'),
    message: (p) =>
      p.feature === 'mta'
        ? `${p.server} has a static MTA RPC port (${p.port}), but it runs Exchange 4.0 Service Pack ${p.servicePack}; ${registryValueText('mta')} needs Service Pack 4 (KB 161931). Install Service Pack 4 on ${p.server} or leave its MTA port dynamic.`
        : `${p.server} has RFC1006 port ${p.port}, but it runs Exchange 4.0 Service Pack ${p.servicePack} and can change it from 102 only from Service Pack 4 on, with ${registryValueText('rfc1006')} (KB 161931). Install Service Pack 4 on ${p.server} or keep port 102.`,
  },
  CONNECTOR_SAME_SITE: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      `The ${p.type === 'site' ? 'Site Connector' : 'X.400 connector'}${p.connector} joins ${p.a} and ${p.b}, which are both in site ${p.site}: connectors join different sites, and servers of one site already talk over RPC (KB 176466, scenario 5). Move one server to another site or remove the connector.`,
  },
  CLIENT_WITHOUT_SERVER: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      p.reference === null
        ? `${p.client} has no server, so it needs no ports yet. Choose the Exchange server ${p.client} uses.`
        : p.referenced === null
          ? `${p.client} names ${p.reference} as its server, but the plan has no such node. Choose the Exchange server ${p.client} uses.`
          : `${p.client} names ${p.referenced} as its server, but ${p.referenced} is not an Exchange server. Choose the Exchange server ${p.client} uses.`,
  },
  STATIC_PORT_CONFLICT: {
    severity: 'error',
    kb: always('KB 180795'),
    message: (p) =>
      `On ${p.server}, port ${p.port} is wanted by ${listText(p.claimants)}: a service whose static port is already taken cannot register it and fails (error 1720, KB 180795). Give each static RPC port of ${p.server} its own free port above 5000.`,
  },
  DYNAMIC_RPC_PORTS: {
    severity: 'warning',
    kb: (p) => ['KB 176466', ...STATIC_PORT_REGISTRY[p.rpc].kb],
    message: (p) =>
      `${p.firewall} must open TCP 1024-65535 to ${p.server} because the ${RPC_PORT_LABEL[p.rpc]} of ${p.server} is dynamic: the RPC endpoint mapper (TCP 135) hands it out at random (KB 176466). ${howToMakeStatic(p.rpc, p.server, p.exchange, p.servicePack)}`,
  },
  STATIC_PORT_IN_CLIENT_POOL: {
    severity: 'warning',
    kb: always('KB 180795', 'KB 194952', 'KB 155831'),
    message: (p) =>
      `The static ${RPC_PORT_LABEL[p.rpc]} of ${p.server} is ${p.port}, inside 1024-5000, the pool Windows NT hands out to outgoing connections: another process may hold it when the service starts (KB 180795, KB 194952). Choose a port above 5000 (KB 155831).`,
  },
  STATIC_PORT_WELL_KNOWN: {
    severity: 'info',
    kb: always('KB 194952'),
    message: (p) =>
      `The static ${RPC_PORT_LABEL[p.rpc]} of ${p.server} is ${p.port}, a well-known port (below 1024): make sure no registered service on ${p.server} uses it (KB 194952), or choose a port above 5000.`,
  },
  MAPI_NOTIFICATIONS_UDP: {
    severity: 'info',
    kb: always('KB 264035'),
    message: (p) =>
      `${p.client} reaches ${p.server} through ${listText(p.firewalls)}: new-mail notifications are UDP packets from ${p.server} to ${p.client}, from a port above 1024 to a port above 1024, that cannot be configured (KB 264035). If the firewall blocks them, ${p.client} still works but learns of new mail only when it polls.`,
  },
  FIREWALL_UNUSED: {
    severity: 'info',
    kb: always('KB 176466'),
    message: (p) =>
      `No flow crosses ${p.firewall}: it lies on no shortest path between endpoints that talk. Link it where traffic passes, or remove it from the plan.`,
  },
};

/** Builds a finding from the catalog; `subjects` are ids, nodes first, then links or connectors. */
export function makeFinding<C extends FindingCode>(
  code: C,
  params: FindingParams[C],
  subjects: string[],
): Finding {
  const entry = FINDING_CATALOG[code] as CatalogEntry<FindingParams[C]>;
  return { code, severity: entry.severity, message: entry.message(params), kb: entry.kb(params), subjects };
}
