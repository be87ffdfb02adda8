/**
 * Builders of typed, valid plans for tests (SPEC.md §2 with every default
 * filled in), so that a test states only what matters to it.
 */
import type {
  ClientNode,
  Connector,
  ConnectorType,
  FirewallNode,
  Link,
  NetworkNode,
  Plan,
  PlanNode,
  ServerNode,
  Site,
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
    exchange: '5.5',
    servicePack: 0,
    rfc1006Port: 102,
    ...rest,
    services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false, ...services },
    staticPorts: { directory: null, store: null, mta: null, ...staticPorts },
  };
}

/** A client of `serverId` (null: none chosen yet); defaults: mapi, basic, sends mail. */
export function client(
  id: string,
  serverId: string | null,
  overrides: Overrides<ClientNode> = {},
): ClientNode {
  return {
    id,
    type: 'client',
    name: id,
    protocol: 'mapi',
    auth: 'basic',
    server: serverId,
    sendsMail: true,
    ...overrides,
  };
}

export function firewall(id: string, overrides: Overrides<FirewallNode> = {}): FirewallNode {
  return { id, type: 'firewall', name: id, ...overrides };
}

export function network(id: string, overrides: Overrides<NetworkNode> = {}): NetworkNode {
  return { id, type: 'network', name: id, ...overrides };
}

/** Other SMTP hosts; direction defaults to both. */
export function smtpHost(id: string, overrides: Overrides<SmtpHostNode> = {}): SmtpHostNode {
  return { id, type: 'smtpHost', name: id, direction: 'both', ...overrides };
}

/** A link between nodes `a` and `b`; its id defaults to `l.<a>.<b>`. */
export function link(a: string, b: string, id = `l.${a}.${b}`): Link {
  return { id, a, b };
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

export function connector(type: ConnectorType, a: string, b: string, id = `k.${type}.${a}.${b}`): Connector {
  return { id, type, a, b };
}

export interface PlanParts {
  name?: string;
  sites?: Site[];
  nodes?: PlanNode[];
  links?: Link[];
  connectors?: Connector[];
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
  };
}
