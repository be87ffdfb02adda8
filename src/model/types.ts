/**
 * The plan (SPEC.md §2) after loading: validated, migrated to the current
 * version and with every default filled in. This is the single source of
 * truth: the engine, autosave, share links, the CSV and the command line see
 * only this shape, never canvas objects.
 */

export const PLAN_FORMAT = 'exchange-port-plan';
export const CURRENT_PLAN_VERSION = 2;

export type ExchangeVersion = '4.0' | '5.0' | '5.5';
export const EXCHANGE_VERSIONS: readonly ExchangeVersion[] = ['4.0', '5.0', '5.5'];

/** `admin`: the Exchange Administrator program; `web`: a browser using Outlook Web Access (v2). */
export type ClientProtocol = 'mapi' | 'pop3' | 'imap4' | 'ldap' | 'nntp' | 'admin' | 'web';
export const CLIENT_PROTOCOLS: readonly ClientProtocol[] = [
  'mapi',
  'pop3',
  'imap4',
  'ldap',
  'nntp',
  'admin',
  'web',
];

export type ClientAuth = 'basic' | 'ntlm' | 'ssl';
export const CLIENT_AUTHS: readonly ClientAuth[] = ['basic', 'ntlm', 'ssl'];

export type SmtpDirection = 'inbound' | 'outbound' | 'both';
export const SMTP_DIRECTIONS: readonly SmtpDirection[] = ['inbound', 'outbound', 'both'];

/** Which way newsfeeds go between a news host and our Internet News Service (KB 174199). */
export type NewsFeed = 'inbound' | 'outbound' | 'both';
export const NEWS_FEEDS: readonly NewsFeed[] = ['inbound', 'outbound', 'both'];

export type ConnectorType = 'site' | 'x400';
export const CONNECTOR_TYPES: readonly ConnectorType[] = ['site', 'x400'];

export type NodeType = 'server' | 'client' | 'firewall' | 'network' | 'smtpHost' | 'owa' | 'dns' | 'newsHost';
export const NODE_TYPES: readonly NodeType[] = [
  'server',
  'client',
  'firewall',
  'network',
  'smtpHost',
  'owa',
  'dns',
  'newsHost',
];

/** Node kinds that start or accept connections (SPEC §1); they and networks may carry an address. */
export type EndpointType = 'server' | 'client' | 'smtpHost' | 'owa' | 'dns' | 'newsHost';

/**
 * An address in canonical form (SPEC §2): an IPv4 or IPv6 address, a CIDR
 * block with its host bits zero, or `"any"`. IPv6 is compressed and lower
 * case; a /32 or /128 block is written as the plain address.
 */
export type Address = string;

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

/** Static RPC ports; `null` means dynamic (1024–65535, or the server's `rpcPorts`). */
export interface StaticPorts {
  directory: number | null;
  store: number | null;
  mta: number | null;
  /** The System Attendant, needed by the Administrator program (KB 148732) (v2). */
  systemAttendant: number | null;
}

/** The RPC dynamic range restricted on one computer (KB 154596), `from` ≤ `to`, both 1024–65535. */
export interface RpcPortRange {
  from: number;
  to: number;
}

interface NodeBase {
  id: string;
  name: string;
  /** The site the node is drawn inside; only a server's site has meaning to the rules. */
  site?: string;
  position?: Position;
}

/** Endpoints and networks carry an address (v2); `null` when none is known. */
interface AddressedNodeBase extends NodeBase {
  address: Address | null;
}

export interface ServerNode extends AddressedNodeBase {
  type: 'server';
  site: string;
  exchange: ExchangeVersion;
  /** 0–5 for 4.0, 0–2 for 5.0, 0–4 for 5.5 (v2). */
  servicePack: number;
  services: ServerServices;
  staticPorts: StaticPorts;
  rfc1006Port: number;
  /** The directory's LDAP port; honoured by 5.5 only (KB 224447) (v2). */
  ldapPort: number;
  /** The restricted RPC range of this computer, or `null` for 1024–65535 (KB 154596) (v2). */
  rpcPorts: RpcPortRange | null;
  /** The id of the smtpHost the Internet Mail Service forwards all mail to (KB 182339) (v2). */
  smartHost: string | null;
  /** The id of the dns node this server asks (KB 182821) (v2). */
  dns: string | null;
}

export interface ClientNode extends AddressedNodeBase {
  type: 'client';
  protocol: ClientProtocol;
  auth: ClientAuth;
  /** The server it uses; for `web`, an owa node. */
  server: string | null;
  sendsMail: boolean;
  /** Where a sending pop3/imap4 client gives its mail: a server or smtpHost; `null`: its `server` (v2). */
  smtpServer: string | null;
  /** mapi only: firewalls let the server's UDP new-mail notifications through (KB 264035) (v2). */
  notifications: boolean;
}

export interface FirewallNode extends NodeBase {
  type: 'firewall';
  /** It translates addresses between its sides, which breaks RPC (KB 238954) (v2). */
  nat: boolean;
}

export interface NetworkNode extends AddressedNodeBase {
  type: 'network';
}

export interface SmtpHostNode extends AddressedNodeBase {
  type: 'smtpHost';
  direction: SmtpDirection;
}

/** An Outlook Web Access server (IIS) (v2). */
export interface OwaNode extends AddressedNodeBase {
  type: 'owa';
  exchange: '5.0' | '5.5';
  /** Ids of the servers it opens mailboxes on; the first is its directory server. */
  servers: string[];
}

/** A DNS server (v2). */
export interface DnsNode extends AddressedNodeBase {
  type: 'dns';
}

/** Another NNTP host that exchanges newsfeeds with one of our servers (v2). */
export interface NewsHostNode extends AddressedNodeBase {
  type: 'newsHost';
  server: string | null;
  feed: NewsFeed;
}

export type PlanNode =
  | ServerNode
  | ClientNode
  | FirewallNode
  | NetworkNode
  | SmtpHostNode
  | OwaNode
  | DnsNode
  | NewsHostNode;

/** The node interface of one type: `NodeOfType<'server'>` is `ServerNode`. */
export type NodeOfType<T extends NodeType> = Extract<PlanNode, { type: T }>;

/** An undirected network adjacency between two nodes. */
export interface Link {
  id: string;
  a: string;
  b: string;
  name?: string;
  /** When end `a` is a firewall: its interface or zone on this link (v2). */
  aInterface: string | null;
  /** When end `b` is a firewall: its interface or zone on this link (v2). */
  bInterface: string | null;
}

/** An X.400 Connector between two servers, meant to be in different sites. */
export interface X400Connector {
  id: string;
  type: 'x400';
  a: string;
  b: string;
  name?: string;
}

/**
 * A Site Connector between two sites (v2). Each site configures its own half:
 * the half in site `a` sends from `bridgeheadA` (`null`: any server of `a`)
 * to `targetsA` (`[]`: every server of `b`); likewise for `b`.
 */
export interface SiteConnector {
  id: string;
  type: 'site';
  a: string;
  b: string;
  name?: string;
  bridgeheadA: string | null;
  targetsA: string[];
  bridgeheadB: string | null;
  targetsB: string[];
}

export type Connector = X400Connector | SiteConnector;

/** A review note about one object or the plan (v2); it never changes flows or findings. */
export interface Note {
  id: string;
  /** The id of a site, node, link or connector; `null`: the plan. */
  about: string | null;
  /** 1–2,000 characters; may hold line breaks. */
  text: string;
  resolved: boolean;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  version: typeof CURRENT_PLAN_VERSION;
  name: string;
  sites: Site[];
  nodes: PlanNode[];
  links: Link[];
  connectors: Connector[];
  notes: Note[];
}

/** SPEC §2 limits. */
export const PLAN_LIMITS = {
  nodes: 5000,
  links: 20000,
  connectors: 2000,
  sites: 500,
  notes: 1000,
  /** Servers in one owa `servers` or site connector `targets` list. */
  serverList: 500,
  noteLength: 2000,
  /** Coordinates lie within ±coordinate; sizes from 1 to coordinate (v2). */
  coordinate: 1_000_000,
  fileBytes: 5 * 1024 * 1024,
  nameLength: 120,
} as const;

export type LoadResult = { ok: true; plan: Plan } | { ok: false; error: string };
