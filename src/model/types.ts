/**
 * The plan (SPEC.md §2) after loading: validated, migrated to the current
 * version and with every default filled in. This is the single source of
 * truth: the engine, autosave, share links, the CSV and the command line see
 * only this shape, never canvas objects.
 */

export const PLAN_FORMAT = 'exchange-port-plan';
export const CURRENT_PLAN_VERSION = 1;

export type ExchangeVersion = '4.0' | '5.0' | '5.5';
export const EXCHANGE_VERSIONS: readonly ExchangeVersion[] = ['4.0', '5.0', '5.5'];

export type ClientProtocol = 'mapi' | 'pop3' | 'imap4' | 'ldap' | 'nntp';
export const CLIENT_PROTOCOLS: readonly ClientProtocol[] = ['mapi', 'pop3', 'imap4', 'ldap', 'nntp'];

export type ClientAuth = 'basic' | 'ntlm' | 'ssl';
export const CLIENT_AUTHS: readonly ClientAuth[] = ['basic', 'ntlm', 'ssl'];

export type SmtpDirection = 'inbound' | 'outbound' | 'both';
export const SMTP_DIRECTIONS: readonly SmtpDirection[] = ['inbound', 'outbound', 'both'];

export type ConnectorType = 'site' | 'x400';
export const CONNECTOR_TYPES: readonly ConnectorType[] = ['site', 'x400'];

export type NodeType = 'server' | 'client' | 'firewall' | 'network' | 'smtpHost';
export const NODE_TYPES: readonly NodeType[] = ['server', 'client', 'firewall', 'network', 'smtpHost'];

export interface Position {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** An Exchange site: a logical grouping of servers, not a location. */
export interface Site {
  id: string;
  name: string;
  position?: Position;
  size?: Size;
}

export interface ServerServices {
  pop3: boolean;
  imap4: boolean;
  ldap: boolean;
  nntp: boolean;
  internetMail: boolean;
}

/** Static RPC ports; `null` means dynamic (1024–65535). */
export interface StaticPorts {
  directory: number | null;
  store: number | null;
  mta: number | null;
}

interface NodeBase {
  id: string;
  name: string;
  /** The site the node is drawn inside; only a server's site has meaning to the rules. */
  site?: string;
  position?: Position;
}

export interface ServerNode extends NodeBase {
  type: 'server';
  site: string;
  exchange: ExchangeVersion;
  servicePack: number;
  services: ServerServices;
  staticPorts: StaticPorts;
  rfc1006Port: number;
}

export interface ClientNode extends NodeBase {
  type: 'client';
  protocol: ClientProtocol;
  auth: ClientAuth;
  server: string | null;
  sendsMail: boolean;
}

export interface FirewallNode extends NodeBase {
  type: 'firewall';
}

export interface NetworkNode extends NodeBase {
  type: 'network';
}

export interface SmtpHostNode extends NodeBase {
  type: 'smtpHost';
  direction: SmtpDirection;
}

export type PlanNode = ServerNode | ClientNode | FirewallNode | NetworkNode | SmtpHostNode;

/** The node interface of one type: `NodeOfType<'server'>` is `ServerNode`. */
export type NodeOfType<T extends NodeType> = Extract<PlanNode, { type: T }>;

/** An undirected network adjacency between two nodes. */
export interface Link {
  id: string;
  a: string;
  b: string;
  name?: string;
}

/** A messaging connector between two servers, meant to be in different sites. */
export interface Connector {
  id: string;
  type: ConnectorType;
  a: string;
  b: string;
  name?: string;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  version: typeof CURRENT_PLAN_VERSION;
  name: string;
  sites: Site[];
  nodes: PlanNode[];
  links: Link[];
  connectors: Connector[];
}

/** SPEC §2 limits. */
export const PLAN_LIMITS = {
  nodes: 5000,
  links: 20000,
  connectors: 2000,
  sites: 500,
  fileBytes: 5 * 1024 * 1024,
  nameLength: 120,
} as const;

export type LoadResult = { ok: true; plan: Plan } | { ok: false; error: string };
