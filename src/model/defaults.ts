/**
 * The defaults of SPEC §2 as data: what a loaded plan holds where the file
 * leaves an optional field out, and what a new object gets when the user
 * creates it.
 */
import type { ParsedPlan } from './schema';
import type {
  ClientAuth,
  ClientProtocol,
  Connector,
  ExchangeVersion,
  Link,
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
});

/** The MTA listens for RFC1006 (X.400 over TCP/IP) on port 102 (KB 176466). */
export const DEFAULT_RFC1006_PORT = 102;

export const DEFAULT_CLIENT_AUTH: ClientAuth = 'basic';
/** A new client has no server until the user chooses one (finding CLIENT_WITHOUT_SERVER). */
export const DEFAULT_CLIENT_SERVER: string | null = null;
export const DEFAULT_SENDS_MAIL = true;
export const DEFAULT_SMTP_DIRECTION: SmtpDirection = 'both';

/** The optional fields of each node type with their defaults, for creating a node. */
export const NODE_DEFAULTS = Object.freeze({
  server: Object.freeze({
    servicePack: DEFAULT_SERVICE_PACK,
    services: DEFAULT_SERVICES,
    staticPorts: DEFAULT_STATIC_PORTS,
    rfc1006Port: DEFAULT_RFC1006_PORT,
  }),
  client: Object.freeze({
    auth: DEFAULT_CLIENT_AUTH,
    server: DEFAULT_CLIENT_SERVER,
    sendsMail: DEFAULT_SENDS_MAIL,
  }),
  firewall: Object.freeze({}),
  network: Object.freeze({}),
  smtpHost: Object.freeze({ direction: DEFAULT_SMTP_DIRECTION }),
});

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

function withNodeDefaults(node: ParsedPlan['nodes'][number]): PlanNode {
  let out: PlanNode;
  switch (node.type) {
    case 'server':
      out = {
        ...nodeHead(node, 'server'),
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
        },
        rfc1006Port: node.rfc1006Port ?? DEFAULT_RFC1006_PORT,
      };
      break;
    case 'client':
      out = {
        ...nodeHead(node, 'client'),
        protocol: node.protocol,
        auth: node.auth ?? DEFAULT_CLIENT_AUTH,
        server: node.server ?? DEFAULT_CLIENT_SERVER,
        sendsMail: node.sendsMail ?? DEFAULT_SENDS_MAIL,
      };
      break;
    case 'smtpHost':
      out = { ...nodeHead(node, 'smtpHost'), direction: node.direction ?? DEFAULT_SMTP_DIRECTION };
      break;
    case 'firewall':
      out = nodeHead(node, 'firewall');
      break;
    case 'network':
      out = nodeHead(node, 'network');
      break;
  }
  if (node.position !== undefined) out.position = copyPosition(node.position);
  return out;
}

/**
 * The plan with every default of SPEC §2 filled in, as fresh objects whose
 * keys are in the file's order (format, version, name, sites, nodes, links,
 * connectors; inside each object the order of SPEC §2). Unknown fields are
 * not carried over. A complete plan comes back equal to itself, which is
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
      };
      return out;
    }),
    connectors: (plan.connectors ?? []).map((connector) => {
      const out: Connector = {
        id: connector.id,
        type: connector.type,
        ...(connector.name !== undefined && { name: connector.name }),
        a: connector.a,
        b: connector.b,
      };
      return out;
    }),
  };
}
