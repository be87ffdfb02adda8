/**
 * The defaults of SPEC §2 as data: what a loaded plan holds where the file
 * leaves an optional field out, and what a new object gets when the user
 * creates it.
 */
import type { ParsedPlan } from './schema';
import type {
  Address,
  ClientAuth,
  ClientProtocol,
  Connector,
  ExchangeVersion,
  Link,
  NewsFeed,
  Note,
  Plan,
  PlanNode,
  Position,
  ServerServices,
  Site,
  SmtpDirection,
  StaticPorts,
} from './types';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from './types';

export const DEFAULT_PLAN_NAME = '';

/** What a plan without a name is called wherever a name must be shown. */
export const UNTITLED_PLAN_NAME = 'Untitled plan';

/** A new server runs the last version the planner knows (KB 176466 covers 4.0 to 5.5). */
export const DEFAULT_EXCHANGE_VERSION: ExchangeVersion = '5.5';

/** A new client speaks MAPI, as Outlook does. */
export const DEFAULT_CLIENT_PROTOCOL: ClientProtocol = 'mapi';
/** An endpoint or network whose address is not known yet (finding ADDRESS_MISSING when it matters). */
export const DEFAULT_ADDRESS: Address | null = null;

/** Exchange 4.0 ships without service packs; 0 means "none installed". */
export const DEFAULT_SERVICE_PACK = 0;

/**
 * POP3, IMAP4, LDAP and NNTP run on every server that has them; the Internet
 * Mail Service is a separate install (KB 176466), so it is off until chosen.
 */
export const DEFAULT_SERVICES: Readonly<ServerServices> = Object.freeze({
  pop3: true,
  imap4: true,
  ldap: true,
  nntp: true,
  internetMail: false,
});

/** Dynamic RPC ports until the registry value that fixes one is set (KB 176466, KB 155831). */
export const DEFAULT_STATIC_PORTS: Readonly<StaticPorts> = Object.freeze({
  directory: null,
  store: null,
  mta: null,
  systemAttendant: null,
});

/** The MTA listens for RFC1006 (X.400 over TCP/IP) on port 102 (KB 176466). */
export const DEFAULT_RFC1006_PORT = 102;
/** The directory's LDAP port until it is moved, on 5.5, to share a machine with another LDAP server (KB 224447). */
export const DEFAULT_LDAP_PORT = 389;
/** The whole dynamic range 1024–65535 until the RPC range of the computer is restricted (KB 154596). */
export const DEFAULT_RPC_PORTS = null;
/** The Internet Mail Service delivers by DNS until a smart host is chosen (KB 182339). */
export const DEFAULT_SMART_HOST: string | null = null;
export const DEFAULT_DNS: string | null = null;

export const DEFAULT_CLIENT_AUTH: ClientAuth = 'basic';
/** A new client has no server until the user chooses one (finding CLIENT_WITHOUT_SERVER). */
export const DEFAULT_CLIENT_SERVER: string | null = null;
export const DEFAULT_SENDS_MAIL = true;
/** A sending client gives its mail to its own server unless told otherwise. */
export const DEFAULT_SMTP_SERVER: string | null = null;
/** New-mail notifications are UDP and rarely let through a firewall (KB 264035). */
export const DEFAULT_NOTIFICATIONS = false;
export const DEFAULT_SMTP_DIRECTION: SmtpDirection = 'both';
export const DEFAULT_NAT = false;
export const DEFAULT_NEWS_FEED: NewsFeed = 'both';
export const DEFAULT_NEWS_SERVER: string | null = null;
export const DEFAULT_INTERFACE: string | null = null;
/** A site connector half without a bridgehead sends from any server of its site. */
export const DEFAULT_BRIDGEHEAD: string | null = null;
export const DEFAULT_NOTE_ABOUT: string | null = null;
export const DEFAULT_NOTE_RESOLVED = false;

const NO_SERVERS: readonly string[] = Object.freeze([]);

/** The optional fields of each node type with their defaults, for creating a node. */
export const NODE_DEFAULTS = Object.freeze({
  server: Object.freeze({
    address: DEFAULT_ADDRESS,
    servicePack: DEFAULT_SERVICE_PACK,
    services: DEFAULT_SERVICES,
    staticPorts: DEFAULT_STATIC_PORTS,
    rfc1006Port: DEFAULT_RFC1006_PORT,
    ldapPort: DEFAULT_LDAP_PORT,
    rpcPorts: DEFAULT_RPC_PORTS,
    smartHost: DEFAULT_SMART_HOST,
    dns: DEFAULT_DNS,
  }),
  client: Object.freeze({
    address: DEFAULT_ADDRESS,
    auth: DEFAULT_CLIENT_AUTH,
    server: DEFAULT_CLIENT_SERVER,
    sendsMail: DEFAULT_SENDS_MAIL,
    smtpServer: DEFAULT_SMTP_SERVER,
    notifications: DEFAULT_NOTIFICATIONS,
  }),
  firewall: Object.freeze({ nat: DEFAULT_NAT }),
  network: Object.freeze({ address: DEFAULT_ADDRESS }),
  smtpHost: Object.freeze({ address: DEFAULT_ADDRESS, direction: DEFAULT_SMTP_DIRECTION }),
  owa: Object.freeze({ address: DEFAULT_ADDRESS, servers: NO_SERVERS }),
  dns: Object.freeze({ address: DEFAULT_ADDRESS }),
  newsHost: Object.freeze({ address: DEFAULT_ADDRESS, server: DEFAULT_NEWS_SERVER, feed: DEFAULT_NEWS_FEED }),
});

/** The optional fields of a link, a site connector and a note, for creating one. */
export const LINK_DEFAULTS = Object.freeze({ aInterface: DEFAULT_INTERFACE, bInterface: DEFAULT_INTERFACE });
export const SITE_CONNECTOR_DEFAULTS = Object.freeze({
  bridgeheadA: DEFAULT_BRIDGEHEAD,
  targetsA: NO_SERVERS,
  bridgeheadB: DEFAULT_BRIDGEHEAD,
  targetsB: NO_SERVERS,
});
export const NOTE_DEFAULTS = Object.freeze({ about: DEFAULT_NOTE_ABOUT, resolved: DEFAULT_NOTE_RESOLVED });

/** A plan with nothing in it, of the current format and version. */
export function createEmptyPlan(name: string = DEFAULT_PLAN_NAME): Plan {
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name,
    sites: [],
    nodes: [],
    links: [],
    connectors: [],
    notes: [],
  };
}

/** True for a plan with nothing drawn in it (it may still have a name). */
export function isEmptyPlan(plan: Plan): boolean {
  return plan.sites.length === 0 && plan.nodes.length === 0;
}

function copyPosition(p: Position): Position {
  return { x: p.x, y: p.y };
}

/** Common node fields in file order, leaving optional ones absent when absent. */
function nodeHead<T extends PlanNode['type']>(
  node: { id: string; name: string; site?: string | undefined },
  type: T,
): { id: string; type: T; name: string; site?: string } {
  const head: { id: string; type: T; name: string; site?: string } = { id: node.id, type, name: node.name };
  if (node.site !== undefined) head.site = node.site;
  return head;
}

type ParsedNode = ParsedPlan['nodes'][number];

/** Common node fields and the address, for the node types that carry one. */
function addressedHead<T extends Exclude<PlanNode['type'], 'firewall'>>(
  node: ParsedNode & { address?: string | null | undefined },
  type: T,
) {
  return { ...nodeHead(node, type), address: node.address ?? DEFAULT_ADDRESS };
}

function withNodeDefaults(node: ParsedNode): PlanNode {
  let out: PlanNode;
  switch (node.type) {
    case 'server':
      out = {
        ...addressedHead(node, 'server'),
        site: node.site,
        exchange: node.exchange,
        servicePack: node.servicePack ?? DEFAULT_SERVICE_PACK,
        services: {
          pop3: node.services?.pop3 ?? DEFAULT_SERVICES.pop3,
          imap4: node.services?.imap4 ?? DEFAULT_SERVICES.imap4,
          ldap: node.services?.ldap ?? DEFAULT_SERVICES.ldap,
          nntp: node.services?.nntp ?? DEFAULT_SERVICES.nntp,
          internetMail: node.services?.internetMail ?? DEFAULT_SERVICES.internetMail,
        },
        staticPorts: {
          directory: node.staticPorts?.directory ?? DEFAULT_STATIC_PORTS.directory,
          store: node.staticPorts?.store ?? DEFAULT_STATIC_PORTS.store,
          mta: node.staticPorts?.mta ?? DEFAULT_STATIC_PORTS.mta,
          systemAttendant: node.staticPorts?.systemAttendant ?? DEFAULT_STATIC_PORTS.systemAttendant,
        },
        rfc1006Port: node.rfc1006Port ?? DEFAULT_RFC1006_PORT,
        ldapPort: node.ldapPort ?? DEFAULT_LDAP_PORT,
        rpcPorts: node.rpcPorts ? { from: node.rpcPorts.from, to: node.rpcPorts.to } : DEFAULT_RPC_PORTS,
        smartHost: node.smartHost ?? DEFAULT_SMART_HOST,
        dns: node.dns ?? DEFAULT_DNS,
      };
      break;
    case 'client':
      out = {
        ...addressedHead(node, 'client'),
        protocol: node.protocol,
        auth: node.auth ?? DEFAULT_CLIENT_AUTH,
        server: node.server ?? DEFAULT_CLIENT_SERVER,
        sendsMail: node.sendsMail ?? DEFAULT_SENDS_MAIL,
        smtpServer: node.smtpServer ?? DEFAULT_SMTP_SERVER,
        notifications: node.notifications ?? DEFAULT_NOTIFICATIONS,
      };
      break;
    case 'smtpHost':
      out = { ...addressedHead(node, 'smtpHost'), direction: node.direction ?? DEFAULT_SMTP_DIRECTION };
      break;
    case 'firewall':
      out = { ...nodeHead(node, 'firewall'), nat: node.nat ?? DEFAULT_NAT };
      break;
    case 'network':
      out = addressedHead(node, 'network');
      break;
    case 'owa':
      out = { ...addressedHead(node, 'owa'), exchange: node.exchange, servers: [...(node.servers ?? [])] };
      break;
    case 'dns':
      out = addressedHead(node, 'dns');
      break;
    case 'newsHost':
      out = {
        ...addressedHead(node, 'newsHost'),
        server: node.server ?? DEFAULT_NEWS_SERVER,
        feed: node.feed ?? DEFAULT_NEWS_FEED,
      };
      break;
  }
  if (node.position !== undefined) out.position = copyPosition(node.position);
  return out;
}

function withConnectorDefaults(connector: NonNullable<ParsedPlan['connectors']>[number]): Connector {
  const name = connector.name !== undefined ? { name: connector.name } : {};
  if (connector.type === 'x400')
    return { id: connector.id, type: 'x400', ...name, a: connector.a, b: connector.b };
  return {
    id: connector.id,
    type: 'site',
    ...name,
    a: connector.a,
    b: connector.b,
    bridgeheadA: connector.bridgeheadA ?? DEFAULT_BRIDGEHEAD,
    targetsA: [...(connector.targetsA ?? [])],
    bridgeheadB: connector.bridgeheadB ?? DEFAULT_BRIDGEHEAD,
    targetsB: [...(connector.targetsB ?? [])],
  };
}

/**
 * The plan with every default of SPEC §2 filled in, as fresh objects whose
 * keys are in the file's order (format, version, name, sites, nodes, links,
 * connectors, notes; inside each object the order of SPEC §2). Unknown fields
 * are not carried over. A complete plan comes back equal to itself, which is
 * what lets the serializer use this for its key order.
 */
export function withDefaults(plan: ParsedPlan): Plan {
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: plan.name ?? DEFAULT_PLAN_NAME,
    sites: plan.sites.map((site) => {
      const out: Site = { id: site.id, name: site.name };
      if (site.position !== undefined) out.position = copyPosition(site.position);
      if (site.size !== undefined) out.size = { width: site.size.width, height: site.size.height };
      return out;
    }),
    nodes: plan.nodes.map(withNodeDefaults),
    links: plan.links.map((link) => {
      const out: Link = {
        id: link.id,
        ...(link.name !== undefined && { name: link.name }),
        a: link.a,
        b: link.b,
        aInterface: link.aInterface ?? DEFAULT_INTERFACE,
        bInterface: link.bInterface ?? DEFAULT_INTERFACE,
      };
      return out;
    }),
    connectors: (plan.connectors ?? []).map(withConnectorDefaults),
    notes: (plan.notes ?? []).map(
      (note): Note => ({
        id: note.id,
        about: note.about ?? DEFAULT_NOTE_ABOUT,
        text: note.text,
        resolved: note.resolved ?? DEFAULT_NOTE_RESOLVED,
      }),
    ),
  };
}
