/**
 * The planner's vocabulary, written once: what each kind of thing in a plan is
 * called, how its new ids and names are made, and the words for every choice
 * a node offers. The canvas, the palette, the inspector, the store's edits and
 * the findings all read these tables, so a kind or a choice is renamed in one
 * place. Adding a node kind is one entry in `NODE_KINDS`, its inspector form
 * and its rows in the engine's port table; the compiler then points at the
 * rest, each keyed by node type: its fields (types.ts, schema.ts,
 * defaults.ts), its icon (canvas/icons.tsx), its detail line
 * (canvas/adapter.ts), its creation (store/planEdits.ts) and its share-link
 * code (io/compactPlan.ts, expandCompactPlan.ts).
 */
import type {
  ClientAuth,
  ClientProtocol,
  ConnectorType,
  NewsFeed,
  NodeType,
  OwaNode,
  ServerServices,
  SmtpDirection,
} from './types';
import { NODE_TYPES } from './types';

/** What a person can draw: a node of any type, or a site around servers. */
export type DrawableKind = NodeType | 'site';

export interface KindInfo {
  /** The kind as the palette and the canvas name it ("Exchange server"). */
  label: string;
  /** The kind counted, as the plan summary lists it ("Servers"). */
  plural: string;
  /** The heading of its inspector form. */
  heading: string;
  /** Start of a new id (`ex1`, `ex2`…); short, because ids travel inside share links. */
  idPrefix: string;
  /** Start of a new display name (`EX01`, `EX02`…). */
  namePrefix: string;
  /** One line on what it stands for, shown on its palette item. */
  hint: string;
}

/** Every node type (SPEC §2), in the order the palette offers them. */
export const NODE_KINDS: Readonly<Record<NodeType, KindInfo>> = {
  server: {
    label: 'Exchange server',
    plural: 'Servers',
    heading: 'Exchange server',
    idPrefix: 'ex',
    namePrefix: 'EX',
    hint: 'Exchange Server 4.0, 5.0 or 5.5; always in a site',
  },
  client: {
    label: 'Client',
    plural: 'Clients',
    heading: 'Client',
    idPrefix: 'cl',
    namePrefix: 'CL',
    hint: 'Outlook (MAPI), POP3, IMAP4, LDAP or NNTP users',
  },
  firewall: {
    label: 'Firewall',
    plural: 'Firewalls',
    heading: 'Firewall',
    idPrefix: 'fw',
    namePrefix: 'FW',
    hint: 'Filters traffic: shows the ports it must open',
  },
  network: {
    label: 'Network',
    plural: 'Networks',
    heading: 'Network',
    idPrefix: 'net',
    namePrefix: 'NET',
    hint: 'A LAN, WAN, router or switch: passes traffic',
  },
  smtpHost: {
    label: 'SMTP host',
    plural: 'SMTP hosts',
    // One node stands for a group of hosts (the Internet, a relay pool), so its form says so.
    heading: 'SMTP hosts',
    idPrefix: 'smtp',
    namePrefix: 'SMTP',
    hint: 'Other SMTP hosts, such as the Internet',
  },
  owa: {
    label: 'OWA server',
    plural: 'OWA servers',
    heading: 'Outlook Web Access server',
    idPrefix: 'owa',
    namePrefix: 'OWA',
    hint: 'Outlook Web Access (IIS) for browsers; opens mailboxes over RPC',
  },
  dns: {
    label: 'DNS server',
    plural: 'DNS servers',
    heading: 'DNS server',
    idPrefix: 'dns',
    namePrefix: 'DNS',
    hint: 'Answers the Internet Mail Service’s lookups (UDP 53)',
  },
  newsHost: {
    label: 'News host',
    plural: 'News hosts',
    heading: 'News host',
    idPrefix: 'nws',
    namePrefix: 'NEWS',
    hint: 'Another NNTP host that exchanges newsfeeds with us',
  },
};

/** A site is drawn and named like a node, though the rules see it only through its servers. */
export const SITE_KIND: Readonly<KindInfo> = {
  label: 'Site',
  plural: 'Sites',
  heading: 'Exchange site',
  idPrefix: 's',
  namePrefix: 'SITE',
  hint: 'An Exchange site: a container for its servers',
};

/** Every drawable kind with its vocabulary. */
export const KINDS: Readonly<Record<DrawableKind, KindInfo>> = { ...NODE_KINDS, site: SITE_KIND };

/** The drawable kinds in palette order: the node types, then the site. */
export const DRAWABLE_KINDS: readonly DrawableKind[] = [...NODE_TYPES, 'site'];

/** Whether `text` names a drawable kind (as a palette drag carries it). */
export function isDrawableKind(text: string): text is DrawableKind {
  return (DRAWABLE_KINDS as readonly string[]).includes(text);
}

/** Links and connectors are not drawn from the palette, but they get ids and a heading too. */
export const EDGE_KINDS = {
  link: { heading: 'Network link', idPrefix: 'l' },
  connector: { heading: 'Messaging connector', idPrefix: 'k' },
} as const satisfies Record<string, { heading: string; idPrefix: string }>;

/** Anything that gets a new id. */
export type IdKind = DrawableKind | keyof typeof EDGE_KINDS;

export function idPrefixOf(kind: IdKind): string {
  return kind === 'link' || kind === 'connector' ? EDGE_KINDS[kind].idPrefix : KINDS[kind].idPrefix;
}

/** Client protocols, short: on a node's detail line and in finding messages. */
export const PROTOCOL_LABEL: Readonly<Record<ClientProtocol, string>> = {
  mapi: 'MAPI (RPC)',
  pop3: 'POP3',
  imap4: 'IMAP4',
  ldap: 'LDAP',
  nntp: 'NNTP',
  admin: 'Administrator',
  web: 'Web (OWA)',
};

/**
 * Protocols as finding messages name them: the client protocols, and the
 * newsfeeds a news host exchanges with a server's Internet News Service
 * (KB 174199).
 */
export const FINDING_PROTOCOL_LABEL: Readonly<Record<ClientProtocol | 'newsfeed', string>> = {
  ...PROTOCOL_LABEL,
  newsfeed: 'NNTP newsfeeds',
};

/** Client protocols in full, as the inspector offers them. */
export const PROTOCOL_NAME: Readonly<Record<ClientProtocol, string>> = {
  mapi: 'Exchange (MAPI) over RPC',
  pop3: 'POP3',
  imap4: 'IMAP4',
  ldap: 'LDAP',
  nntp: 'NNTP',
  admin: 'Exchange Administrator program (RPC)',
  web: 'Browser with Outlook Web Access',
};

/**
 * What a protocol's client may set (SPEC §2): authentication applies to every
 * protocol but MAPI and the Administrator program, which authenticate over RPC; only POP3 and IMAP4
 * clients send mail, over SMTP.
 */
export const PROTOCOL_TRAITS: Readonly<Record<ClientProtocol, { usesAuth: boolean; sendsMail: boolean }>> = {
  mapi: { usesAuth: false, sendsMail: false },
  pop3: { usesAuth: true, sendsMail: true },
  imap4: { usesAuth: true, sendsMail: true },
  ldap: { usesAuth: true, sendsMail: false },
  nntp: { usesAuth: true, sendsMail: false },
  admin: { usesAuth: false, sendsMail: false },
  web: { usesAuth: true, sendsMail: false },
};

/** Authentication, short: on a node's detail line. */
export const AUTH_LABEL: Readonly<Record<ClientAuth, string>> = { basic: 'Basic', ntlm: 'NTLM', ssl: 'SSL' };

/** Authentication in full, as the inspector offers it. */
export const AUTH_NAME: Readonly<Record<ClientAuth, string>> = {
  basic: 'Basic',
  ntlm: 'NTLM (Windows NT Challenge/Response)',
  ssl: 'SSL',
};

/** An SMTP host's direction, short: on its node. */
export const DIRECTION_LABEL: Readonly<Record<SmtpDirection, string>> = {
  inbound: 'SMTP inbound',
  outbound: 'SMTP outbound',
  both: 'SMTP both ways',
};

/** An SMTP host's direction in full, in the inspector's order. */
export const DIRECTION_CHOICES: readonly { value: SmtpDirection; text: string }[] = [
  { value: 'both', text: 'Both ways' },
  { value: 'inbound', text: 'Inbound — they deliver to us' },
  { value: 'outbound', text: 'Outbound — we deliver to them' },
];

/** A news host's newsfeed direction, short: on its node. */
export const NEWS_FEED_LABEL: Readonly<Record<NewsFeed, string>> = {
  inbound: 'Newsfeed inbound',
  outbound: 'Newsfeed outbound',
  both: 'Newsfeed both ways',
};

/** A news host's newsfeed direction in full, in the inspector's order. */
export const NEWS_FEED_CHOICES: readonly { value: NewsFeed; text: string }[] = [
  { value: 'both', text: 'Both ways' },
  { value: 'inbound', text: 'Inbound — it pushes news to us' },
  { value: 'outbound', text: 'Outbound — we push to it or pull from it' },
];

/** The Exchange versions an Outlook Web Access server can run (it came with 5.0), as the inspector offers them. */
export const OWA_VERSION_CHOICES: readonly { value: OwaNode['exchange']; text: string }[] = [
  { value: '5.0', text: 'Exchange 5.0' },
  { value: '5.5', text: 'Exchange 5.5' },
];

/** Connector types as the canvas and the inspector name them. */
export const CONNECTOR_LABEL: Readonly<Record<ConnectorType, string>> = {
  site: 'Site connector',
  x400: 'X.400 connector',
};

/**
 * The name a connector is shown by: the name given to it, else what it joins
 * ("EX-AMS ↔ EX-BRU"), never its id, which means nothing to a reader.
 * `nameOf` gives the display name of a server (X.400) or site (Site Connector).
 */
export function connectorName(
  connector: { name?: string | null; a: string; b: string },
  nameOf: (id: string) => string,
): string {
  return connector.name ? connector.name : `${nameOf(connector.a)} ↔ ${nameOf(connector.b)}`;
}

/** A connector with its kind: "X.400 connector EX-AMS ↔ EX-BRU". */
export function connectorTitle(
  connector: { type: ConnectorType; name?: string | null; a: string; b: string },
  nameOf: (id: string) => string,
): string {
  return `${CONNECTOR_LABEL[connector.type]} ${connectorName(connector, nameOf)}`;
}

/** A server's optional services, as its form lists them. */
export const SERVICE_LABEL: Readonly<Record<keyof ServerServices, string>> = {
  pop3: PROTOCOL_LABEL.pop3,
  imap4: PROTOCOL_LABEL.imap4,
  ldap: PROTOCOL_LABEL.ldap,
  nntp: PROTOCOL_LABEL.nntp,
  internetMail: 'Internet Mail Service',
};
