/**
 * Every finding code of SPEC.md §5 in one place: its severity, the KB articles
 * it comes from and the message it prints. Messages name nodes by name and say
 * what to do. Parameters arrive as display names already (name, else id).
 */
import { FINDING_PROTOCOL_LABEL as PROTOCOL_LABEL } from '../model/kinds';
import type { ClientProtocol, ConnectorType, ExchangeVersion } from '../model/types';
import type { StaticRpcService } from './portInForce';
import { RPC_RANGE_KEY, registryValueText, rpcRangeText, STATIC_PORT_REGISTRY } from './registry';
import type { Finding, FindingCode, PortRange, Severity } from './types';
import { offersStaticPort } from './versions';

export type { StaticRpcService } from './portInForce';

/**
 * A protocol a finding can say a server's version or services lack: a client
 * protocol served by an Exchange server, or the newsfeeds a news host
 * exchanges with one (KB 174199). The Administrator program works with every
 * version; web clients use an OWA server (OWA_SERVER_VERSION).
 */
export type UsedProtocol = Exclude<ClientProtocol, 'admin' | 'web'> | 'newsfeed';

/** What names a server it needs: a client, a web client (an owa node), an owa node, a news host. */
export type ServerUser = 'client' | 'web' | 'owa' | 'newsHost';

export interface FindingParams {
  RFC1006_PORT_MISMATCH: { connector: string; a: string; aPort: number; b: string; bPort: number };
  NO_NETWORK_PATH: { a: string; b: string };
  PROTOCOL_NOT_IN_VERSION: {
    client: string;
    server: string;
    protocol: UsedProtocol;
    exchange: ExchangeVersion;
    needs: ExchangeVersion;
  };
  AUTH_NOT_IN_VERSION: { client: string; server: string; exchange: ExchangeVersion; needs: ExchangeVersion };
  PROTOCOL_DISABLED: { client: string; server: string; protocol: UsedProtocol };
  NO_INTERNET_MAIL: { client: string; server: string; protocol: ClientProtocol };
  /** `inForce` is the port the server listens on instead, as text ("102", "1024-65535"). */
  FEATURE_NOT_IN_VERSION: {
    server: string;
    exchange: ExchangeVersion;
    servicePack: number;
    feature: 'mta' | 'rfc1006' | 'ldap';
    port: number;
    inForce: string;
  };
  /** For a site connector `a`, `b` and `site` are the one site's name. */
  CONNECTOR_SAME_SITE: { connector: string; type: ConnectorType; a: string; b: string; site: string };
  CONNECTOR_SERVER_NOT_IN_SITE: {
    connector: string;
    role: 'bridgehead' | 'target';
    server: string;
    serverSite: string;
    halfSite: string;
    otherSite: string;
  };
  /** `reference` is the id the node names (null: none); `referenced` the name of that node, null when no node has the id. */
  CLIENT_WITHOUT_SERVER: {
    user: ServerUser;
    client: string;
    reference: string | null;
    referenced: string | null;
  };
  OWA_SERVER_VERSION: { owa: string; server: string };
  RPC_THROUGH_NAT: { firewall: string; a: string; b: string };
  STATIC_MTA_PORT_REPLY: { server: string; servicePack: number; port: number; firewalls: string[] };
  /** `claimants` are the services that want `port`, as phrases ("the directory's static RPC port"). */
  STATIC_PORT_CONFLICT: { server: string; port: number; claimants: string[] };
  DYNAMIC_RPC_PORTS: {
    firewall: string;
    server: string;
    rpc: StaticRpcService;
    exchange: ExchangeVersion;
    servicePack: number;
    range: PortRange;
    narrowed: boolean;
  };
  IMS_WITHOUT_DNS: { server: string };
  NO_INTERNET_MAIL_SERVER: { host: string };
  OWA_NTLM: { client: string; owa: string };
  RPC_RANGE_SMALL: { server: string; from: number; to: number };
  STATIC_PORT_IN_CLIENT_POOL: { server: string; rpc: StaticRpcService; port: number };
  ADDRESS_MISSING: { endpoint: string; firewalls: string[] };
  STATIC_PORT_WELL_KNOWN: { server: string; rpc: StaticRpcService; port: number };
  MAPI_NOTIFICATIONS_UDP: { client: string; server: string; firewalls: string[] };
  FIREWALL_UNUSED: { firewall: string };
  /** `flows`: the pairs of endpoints whose flows cross the most firewalls, with their services; `pairs`: how many pairs cross any. */
  ANALYSIS_LIMIT: {
    crossings: number;
    limit: number;
    pairs: number;
    flows: { source: string; destination: string; services: string[]; firewalls: number }[];
  };
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
  systemAttendant: 'System Attendant (SA) RPC port',
};

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const always =
  <P>(...kb: string[]) =>
  (_: P): string[] => [...kb];

function rangeText(r: PortRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

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

const SERVER_WORD: Readonly<Record<Exclude<ServerUser, 'owa'>, string>> = {
  client: 'its server',
  web: 'its Outlook Web Access server',
  newsHost: 'its server',
};

const CHOOSE: Readonly<Record<ServerUser, (name: string) => string>> = {
  client: (c) => `Choose the Exchange server ${c} uses.`,
  web: (c) => `Choose the Outlook Web Access server ${c} uses.`,
  owa: (o) =>
    `Choose the Exchange servers ${o} opens mailboxes on; the first is the one it reads the directory from.`,
  newsHost: (n) => `Choose the Exchange server whose Internet News Service feeds news with ${n}.`,
};

function clientWithoutServer(p: FindingParams['CLIENT_WITHOUT_SERVER']): string {
  const choose = CHOOSE[p.user](p.client);
  const user = p.user;
  if (user === 'owa') {
    return `${p.client} opens no Exchange server: browsers still reach it, but it can open no mailbox (KB 259240). ${choose}`;
  }
  if (p.reference === null) return `${p.client} has no server, so it needs no ports yet. ${choose}`;
  if (p.referenced === null) {
    return `${p.client} names ${p.reference} as ${SERVER_WORD[user]}, but the plan has no such node. ${choose}`;
  }
  const kind = user === 'web' ? 'an Outlook Web Access server' : 'an Exchange server';
  return `${p.client} names ${p.referenced} as ${SERVER_WORD[user]}, but ${p.referenced} is not ${kind}. ${choose}`;
}

function featureNotInVersion(p: FindingParams['FEATURE_NOT_IN_VERSION']): string {
  switch (p.feature) {
    case 'mta':
      return `${p.server} has a static MTA RPC port (${p.port}), but it runs Exchange 4.0 Service Pack ${p.servicePack}; ${registryValueText('mta')} needs Service Pack 4 (KB 161931), so its MTA listens on a dynamic port (${p.inForce}) instead. Install Service Pack 4 on ${p.server} or leave its MTA port dynamic.`;
    case 'rfc1006':
      return `${p.server} has RFC1006 port ${p.port}, but it runs Exchange 4.0 Service Pack ${p.servicePack} and can change it from 102 only from Service Pack 4 on, with ${registryValueText('rfc1006')} (KB 161931), so its MTA listens on ${p.inForce} instead. Install Service Pack 4 on ${p.server} or keep port 102.`;
    case 'ldap':
      return `${p.server} has LDAP port ${p.port}, but it runs Exchange ${p.exchange}, and only Exchange 5.5 can move LDAP off 389 (KB 224447), so its directory answers LDAP on ${p.inForce} instead. Upgrade ${p.server} to 5.5 or keep port 389.`;
  }
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
      `No network path joins ${p.a} and ${p.b}: traffic passes only through networks and firewalls, never through another server, client or host. Link them through a network or firewall.`,
  },
  PROTOCOL_NOT_IN_VERSION: {
    severity: 'error',
    kb: (p) => (p.protocol === 'newsfeed' ? ['KB 176466', 'KB 174199'] : ['KB 176466']),
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
    kb: (p) => (p.protocol === 'newsfeed' ? ['KB 176466', 'KB 174199'] : ['KB 176466']),
    message: (p) =>
      p.protocol === 'newsfeed'
        ? `${p.client} exchanges NNTP newsfeeds with ${p.server}, but NNTP is turned off on ${p.server} (KB 174199). Turn it on for ${p.server} or choose a server that offers it.`
        : `${p.client} uses ${PROTOCOL_LABEL[p.protocol]}, but ${PROTOCOL_LABEL[p.protocol]} is turned off on ${p.server}. Turn it on for ${p.server} or point ${p.client} at a server that offers it.`,
  },
  NO_INTERNET_MAIL: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      `${p.client} sends mail over SMTP (TCP 25), but ${p.server} runs no Internet Mail Service to accept it (KB 176466, scenarios 1 and 2). Turn on the Internet Mail Service on ${p.server}, or turn off sending for ${p.client}.`,
  },
  FEATURE_NOT_IN_VERSION: {
    severity: 'error',
    kb: (p) => (p.feature === 'ldap' ? ['KB 224447'] : ['KB 161931']),
    message: featureNotInVersion,
  },
  CONNECTOR_SAME_SITE: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      p.type === 'site'
        ? `The Site Connector${p.connector} joins site ${p.site} to itself: a Site Connector joins two sites, and servers of one site already talk over RPC (KB 176466, scenario 5). Choose another site for one of its ends or remove the connector.`
        : `The X.400 connector${p.connector} joins ${p.a} and ${p.b}, which are both in site ${p.site}: connectors join different sites, and servers of one site already talk over RPC (KB 176466, scenario 5). Move one server to another site or remove the connector.`,
  },
  CONNECTOR_SERVER_NOT_IN_SITE: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) =>
      p.role === 'bridgehead'
        ? `The Site Connector${p.connector} has ${p.server} as the bridgehead of its half in site ${p.halfSite}, but ${p.server} is in site ${p.serverSite}, so that half sends nothing. Choose a server of ${p.halfSite} as its bridgehead, or let any server of ${p.halfSite} send.`
        : `The Site Connector${p.connector} lists ${p.server} as a target of its half in site ${p.halfSite}, but ${p.server} is in site ${p.serverSite}, not in ${p.otherSite}, so it is left out. Choose target servers of ${p.otherSite}.`,
  },
  CLIENT_WITHOUT_SERVER: {
    severity: 'error',
    kb: (p) => (p.user === 'owa' || p.user === 'web' ? ['KB 259240'] : ['KB 176466']),
    message: clientWithoutServer,
  },
  OWA_SERVER_VERSION: {
    severity: 'error',
    kb: always('KB 198920'),
    message: (p) =>
      `${p.owa} opens mailboxes on ${p.server}, which runs Exchange 4.0: Outlook Web Access works with Exchange 5.0 and 5.5 only (KB 198920). Upgrade ${p.server}, or move its mailboxes to a 5.0 or 5.5 server and let ${p.owa} open that one.`,
  },
  RPC_THROUGH_NAT: {
    severity: 'error',
    kb: always('KB 238954', 'KB 154596'),
    message: (p) =>
      `RPC between ${p.a} and ${p.b} crosses ${p.firewall}, which translates addresses: address translation breaks RPC, because the endpoint mapper's answers carry addresses and ports the translation does not follow (KB 238954, KB 154596). Let this traffic pass ${p.firewall} without address translation, or place ${p.a} and ${p.b} on the same side of it.`,
  },
  STATIC_MTA_PORT_REPLY: {
    severity: 'error',
    kb: always('KB 191594'),
    message: (p) =>
      `${p.server} runs Exchange 5.5 Service Pack ${p.servicePack} with a static MTA RPC port (${p.port}), and its Site Connector traffic crosses ${listText(p.firewalls)}: before Service Pack 2 the called MTA does not bind back on the port the caller asked for, so a firewall that passes only the static port stops the Site Connector (event 9322, KB 191594). Install Service Pack 2 or later on ${p.server}.`,
  },
  STATIC_PORT_CONFLICT: {
    severity: 'error',
    kb: always('KB 180795'),
    message: (p) =>
      `On ${p.server}, port ${p.port} is wanted by ${listText(p.claimants)}: a service whose port is already taken cannot register it and fails (error 1720, KB 180795). Give each of them its own port on ${p.server}; a static RPC port a free one above 5000.`,
  },
  DYNAMIC_RPC_PORTS: {
    severity: 'warning',
    kb: (p) => ['KB 176466', ...STATIC_PORT_REGISTRY[p.rpc].kb, 'KB 154596'],
    message: (p) =>
      `${p.firewall} must open TCP ${rangeText(p.range)} to ${p.server} because the ${RPC_PORT_LABEL[p.rpc]} of ${p.server} is dynamic: the RPC endpoint mapper (TCP 135) hands it out at random (KB 176466)${p.narrowed ? `, from the range ${rangeText(p.range)} that ${RPC_RANGE_KEY} value "Ports" allows (KB 154596)` : ''}. ${howToMakeStatic(p.rpc, p.server, p.exchange, p.servicePack)}${p.narrowed ? '' : ` Or, to narrow the range, ${rpcRangeText(p.server)}.`}`,
  },
  IMS_WITHOUT_DNS: {
    severity: 'warning',
    kb: always('KB 182821', 'KB 182339'),
    message: (p) =>
      `${p.server} runs the Internet Mail Service and delivers mail to SMTP hosts itself, but it has neither a DNS server nor a smart host: to deliver outgoing mail it looks up MX and host records over DNS (UDP 53, KB 182821), or it forwards all messages to a smart host (KB 182339). Choose the DNS server ${p.server} asks, or a smart host to forward its mail to.`,
  },
  NO_INTERNET_MAIL_SERVER: {
    severity: 'warning',
    kb: always('KB 176466'),
    message: (p) =>
      `${p.host} delivers mail to this organization over SMTP (TCP 25), but no server runs the Internet Mail Service to accept it (KB 176466, scenario 1). Turn on the Internet Mail Service on a server, or make ${p.host} outbound only.`,
  },
  OWA_NTLM: {
    severity: 'warning',
    kb: always('KB 175891'),
    message: (p) =>
      `${p.client} signs in to ${p.owa} with Windows NT Challenge/Response (NTLM): Outlook Web Access on its own server cannot pass NTLM credentials on to Exchange, so public folders and other servers fail (KB 175891). Use Basic authentication over SSL for ${p.client}.`,
  },
  RPC_RANGE_SMALL: {
    severity: 'warning',
    kb: always('KB 217351', 'KB 154596'),
    message: (p) => {
      const count = p.to - p.from + 1;
      const problems = [
        ...(count < 20 ? [`holds ${count} port${count === 1 ? '' : 's'}`] : []),
        ...(p.from < 5000 ? ['starts below 5000, in the pool Windows gives to outgoing connections'] : []),
      ];
      return `The RPC range of ${p.server}, ${rangeText(p)}, ${listText(problems)}: too few ports make services fail to start ("The endpoint cannot be created"); open at least 15 to 20 ports above 5000 (KB 217351). To fix it, ${rpcRangeText(p.server)}.`;
    },
  },
  STATIC_PORT_IN_CLIENT_POOL: {
    severity: 'warning',
    kb: always('KB 180795', 'KB 194952', 'KB 155831'),
    message: (p) =>
      `The static ${RPC_PORT_LABEL[p.rpc]} of ${p.server} is ${p.port}, inside 1024-5000, the pool Windows NT hands out to outgoing connections: another process may hold it when the service starts (KB 180795, KB 194952). Choose a port above 5000 (KB 155831).`,
  },
  ADDRESS_MISSING: {
    severity: 'warning',
    kb: always('KB 176466'),
    message: (p) =>
      `${p.endpoint} has no address, but its flows cross ${listText(p.firewalls)}: the firewall rules cannot name it. Give ${p.endpoint} its IPv4 or IPv6 address, its network as a CIDR block, or "any".`,
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
      `${p.client} reaches ${p.server} through ${listText(p.firewalls)}: new-mail notifications are UDP packets from ${p.server} to ${p.client}, from a port above 1024 to a port above 1024, that cannot be configured (KB 264035). If the firewall blocks them, ${p.client} still works but learns of new mail only when it polls; to let them through, turn on new-mail notifications for ${p.client}.`,
  },
  FIREWALL_UNUSED: {
    severity: 'info',
    kb: always('KB 176466'),
    message: (p) =>
      `No flow crosses ${p.firewall}: it lies on no shortest path between endpoints that talk. Link it where traffic passes, or remove it from the plan.`,
  },
  ANALYSIS_LIMIT: {
    severity: 'error',
    kb: always('KB 176466'),
    message: (p) => {
      const named = p.flows
        .map(
          (f) =>
            `${f.source} → ${f.destination} (${f.services.join(', ')}): ${thousands(f.firewalls)} firewalls a flow`,
        )
        .join('; ');
      const others = p.pairs - p.flows.length;
      const more = others > 0 ? `, and the flows of ${thousands(others)} more pairs of endpoints` : '';
      return `The plan needs ${thousands(p.crossings)} firewall crossings, more than the ${thousands(p.limit)} the planner analyses, so it shows no port matrix and no other finding: its flows travel a mesh of firewalls with very many equal shortest paths. Most come from ${named}${more}. Give each flow one way through the firewalls: remove the links that join the firewalls into a mesh, or put the endpoints on a network behind one firewall.`;
    },
  },
};

/** 18000000 as "18,000,000": the same text in every locale. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The parameters that are names the user gave, or ids standing in for them
 * (every other parameter is a number, a version, a label or a phrase of the
 * planner's own). `flows` is ANALYSIS_LIMIT's list of endpoint pairs.
 */
const NAME_PARAMS: ReadonlySet<string> = new Set([
  'client',
  'server',
  'a',
  'b',
  'firewall',
  'firewalls',
  'owa',
  'host',
  'endpoint',
  'site',
  'halfSite',
  'serverSite',
  'otherSite',
  'reference',
  'referenced',
  'connector',
]);

/** Stand around each name while a message is built with marked names; a name never holds a control character (SPEC §2). */
const NAME_START = '\u0001';
const NAME_END = '\u0002';

function markName(name: string): string {
  // A connector's name comes with the space that sets it off from "connector".
  const space = name.startsWith(' ') ? ' ' : '';
  const bare = name.slice(space.length);
  return bare === '' ? name : `${space}${NAME_START}${bare}${NAME_END}`;
}

function markedParams<P>(params: P): P {
  const marked: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const [key, value] of Object.entries(marked)) {
    if (NAME_PARAMS.has(key)) {
      if (typeof value === 'string') marked[key] = markName(value);
      else if (Array.isArray(value))
        marked[key] = value.map((v) => (typeof v === 'string' ? markName(v) : v));
    } else if (key === 'flows' && Array.isArray(value)) {
      marked[key] = (value as FindingParams['ANALYSIS_LIMIT']['flows']).map((f) => ({
        ...f,
        source: markName(f.source),
        destination: markName(f.destination),
      }));
    }
  }
  return marked as P;
}

/**
 * The name spans of `message` from the same message built with marked
 * names; none when the two disagree (a name that held a mark's character,
 * which only a plan the schema never let in can have).
 */
function nameSpansOf(marked: string, message: string): number[] {
  const spans: number[] = [];
  const plain: string[] = [];
  let length = 0;
  let start = -1;
  let from = 0;
  for (let i = 0; i <= marked.length; i++) {
    const c = marked[i];
    if (c !== undefined && c !== NAME_START && c !== NAME_END) continue;
    plain.push(marked.slice(from, i));
    length += i - from;
    from = i + 1;
    if (c === NAME_START) {
      if (start >= 0) return [];
      start = length;
    } else if (c === NAME_END) {
      if (start < 0) return [];
      spans.push(start, length);
      start = -1;
    }
  }
  return start < 0 && plain.join('') === message ? spans : [];
}

/**
 * Where each finding's message holds a name the user gave: start and end
 * offsets into the message, pair after pair. Kept beside the finding, not in
 * it, so a finding stays what SPEC §5 and the `--json` export say it is.
 */
const nameSpansByFinding = new WeakMap<Finding, readonly number[]>();

/**
 * The names in a finding's message, as start and end offsets into it, pair
 * after pair, in order (empty when it holds none or was not made here). The
 * planner draws each isolated from the sentence around it (SPEC §2), so a
 * right-to-left name cannot reorder the rest of the message.
 */
export function findingNameSpans(finding: Finding): readonly number[] {
  return nameSpansByFinding.get(finding) ?? [];
}

/** Records the name spans of a finding rebuilt elsewhere (an analysis that crossed from a worker). */
export function keepFindingNameSpans(finding: Finding, spans: readonly number[]): void {
  if (spans.length > 0) nameSpansByFinding.set(finding, spans);
}

/** Builds a finding from the catalog; `subjects` are ids, nodes first, then links or connectors. */
export function makeFinding<C extends FindingCode>(
  code: C,
  params: FindingParams[C],
  subjects: string[],
): Finding {
  const entry = FINDING_CATALOG[code] as CatalogEntry<FindingParams[C]>;
  const message = entry.message(params);
  const finding: Finding = { code, severity: entry.severity, message, kb: entry.kb(params), subjects };
  keepFindingNameSpans(finding, nameSpansOf(entry.message(markedParams(params)), message));
  return finding;
}
