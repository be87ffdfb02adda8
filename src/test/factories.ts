/**
 * Builders of typed, valid plans for tests (SPEC.md §2 with every default
 * filled in), so that a test states only what matters to it.
 */
import type {
  ClientNode,
  Connector,
  ConnectorType,
  DnsNode,
  FirewallNode,
  Link,
  NetworkNode,
  NewsHostNode,
  Note,
  OwaNode,
  Plan,
  PlanNode,
  ServerNode,
  Site,
  SiteConnector,
  SmtpHostNode,
} from '../model/types';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from '../model/types';

type Overrides<T> = Partial<Omit<T, 'id' | 'type'>>;

/** A site; its name defaults to its id. */
export function site(id: string, overrides: Overrides<Site> = {}): Site {
  return { id, name: id, ...overrides };
}

/** An Exchange 5.5 server with the SPEC defaults: pop3/imap4/ldap/nntp on, no Internet Mail, dynamic RPC ports, RFC1006 on 102. */
export function server(
  id: string,
  siteId: string,
  overrides: Partial<Omit<ServerNode, 'id' | 'type' | 'services' | 'staticPorts'>> & {
    services?: Partial<ServerNode['services']>;
    staticPorts?: Partial<ServerNode['staticPorts']>;
  } = {},
): ServerNode {
  const { services, staticPorts, ...rest } = overrides;
  return {
    id,
    type: 'server',
    name: id,
    site: siteId,
    address: null,
    exchange: '5.5',
    servicePack: 0,
    rfc1006Port: 102,
    ldapPort: 389,
    rpcPorts: null,
    smartHost: null,
    dns: null,
    ...rest,
    services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false, ...services },
    staticPorts: { directory: null, store: null, mta: null, systemAttendant: null, ...staticPorts },
  };
}

/** A client of `serverId` (null: none chosen yet); defaults: mapi, basic, sends mail to its server, no notifications. */
export function client(
  id: string,
  serverId: string | null,
  overrides: Overrides<ClientNode> = {},
): ClientNode {
  return {
    id,
    type: 'client',
    name: id,
    address: null,
    protocol: 'mapi',
    auth: 'basic',
    server: serverId,
    sendsMail: true,
    smtpServer: null,
    notifications: false,
    ...overrides,
  };
}

export function firewall(id: string, overrides: Overrides<FirewallNode> = {}): FirewallNode {
  return { id, type: 'firewall', name: id, nat: false, ...overrides };
}

export function network(id: string, overrides: Overrides<NetworkNode> = {}): NetworkNode {
  return { id, type: 'network', name: id, address: null, ...overrides };
}

/** Other SMTP hosts; direction defaults to both. */
export function smtpHost(id: string, overrides: Overrides<SmtpHostNode> = {}): SmtpHostNode {
  return { id, type: 'smtpHost', name: id, address: null, direction: 'both', ...overrides };
}

/** An Outlook Web Access server (5.5 by default) opening mailboxes on `servers`; the first is its directory server. */
export function owa(id: string, servers: string[] = [], overrides: Overrides<OwaNode> = {}): OwaNode {
  return { id, type: 'owa', name: id, address: null, exchange: '5.5', servers, ...overrides };
}

export function dns(id: string, overrides: Overrides<DnsNode> = {}): DnsNode {
  return { id, type: 'dns', name: id, address: null, ...overrides };
}

/** A news host feeding with `serverId` (null: none); feed defaults to both. */
export function newsHost(
  id: string,
  serverId: string | null,
  overrides: Overrides<NewsHostNode> = {},
): NewsHostNode {
  return { id, type: 'newsHost', name: id, address: null, server: serverId, feed: 'both', ...overrides };
}

/** A link between nodes `a` and `b`; its id defaults to `l.<a>.<b>`; interfaces unnamed unless given. */
export function link(
  a: string,
  b: string,
  id = `l.${a}.${b}`,
  interfaces: { aInterface?: string | null; bInterface?: string | null } = {},
): Link {
  return { id, a, b, aInterface: null, bInterface: null, ...interfaces };
}

/** Links along a chain of node ids: `chain('c', 'fw', 's')` links c–fw and fw–s. */
export function chain(...ids: string[]): Link[] {
  const links: Link[] = [];
  for (let i = 1; i < ids.length; i++) {
    const a = ids[i - 1] as string;
    const b = ids[i] as string;
    links.push(link(a, b));
  }
  return links;
}

/**
 * A connector: for `x400`, `a` and `b` are servers; for `site`, they are
 * sites and both halves take their defaults (any server sends to every
 * server of the other site).
 */
export function connector(type: ConnectorType, a: string, b: string, id = `k.${type}.${a}.${b}`): Connector {
  return type === 'site' ? siteConnector(a, b, {}, id) : { id, type, a, b };
}

/** A Site Connector between sites `a` and `b`; bridgeheads and targets default to any and all. */
export function siteConnector(
  a: string,
  b: string,
  halves: Partial<Pick<SiteConnector, 'bridgeheadA' | 'targetsA' | 'bridgeheadB' | 'targetsB' | 'name'>> = {},
  id = `k.site.${a}.${b}`,
): SiteConnector {
  return {
    id,
    type: 'site',
    a,
    b,
    bridgeheadA: null,
    targetsA: [],
    bridgeheadB: null,
    targetsB: [],
    ...halves,
  };
}

/** A review note about `about` (null: the plan). */
export function note(id: string, about: string | null, text = 'Check this', resolved = false): Note {
  return { id, about, text, resolved };
}

export interface PlanParts {
  name?: string;
  sites?: Site[];
  nodes?: PlanNode[];
  links?: Link[];
  connectors?: Connector[];
  notes?: Note[];
}

/**
 * A valid plan of the given parts. A site that a node names but `sites` lacks
 * is added (named after its id), so a test need not list the sites it does
 * not care about.
 */
export function makePlan(parts: PlanParts = {}): Plan {
  const sites = [...(parts.sites ?? [])];
  const known = new Set(sites.map((s) => s.id));
  for (const node of parts.nodes ?? []) {
    if (node.site !== undefined && !known.has(node.site)) {
      known.add(node.site);
      sites.push(site(node.site));
    }
  }
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: parts.name ?? '',
    sites,
    nodes: [...(parts.nodes ?? [])],
    links: [...(parts.links ?? [])],
    connectors: [...(parts.connectors ?? [])],
    notes: [...(parts.notes ?? [])],
  };
}
