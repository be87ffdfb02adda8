/**
 * SPEC.md §3.2 as data: for each relationship, the flows it needs, where each
 * port comes from, the service label and why (KB 176466 and the articles
 * RULES.md cites beside it). The engine reads this table row by row; the
 * order of the rows is the order of the SPEC table and decides which reason
 * an identical flow keeps.
 */
import type { ClientAuth, ClientProtocol, NewsFeed, SmtpDirection } from '../model/types';
import type { StaticRpcService } from './portInForce';
import type { FlowProtocol, RpcService } from './types';

/** Where a flow's port comes from; every kind but `fixed` and `range` reads the destination server (SPEC §3.1). */
export type PortSource =
  | { kind: 'fixed'; port: number }
  /** A range nothing can narrow: RPC replies to OWA (KB 259240), new-mail notifications (KB 264035). */
  | { kind: 'range'; from: number; to: number }
  /** DS, IS, MTA or SA of the destination server as in force: its static port, else DYN. */
  | { kind: 'rpc'; of: StaticRpcService }
  /** RFC1006 of the destination server as in force (KB 161931). */
  | { kind: 'rfc1006' }
  /** LDAP of the destination server as in force (KB 224447). */
  | { kind: 'ldap' };

/**
 * The two parties of a relationship: for a client, `a` is the client and `b`
 * its server (for web clients its OWA node; for mail it sends, its mail
 * server `m`); for OWA, `a` is the OWA node and `b` an Exchange server;
 * intrasite and for a site connector, `a` → `b` is one ordered pair of
 * servers (sender → target); for an X.400 connector, its own `a` and `b`;
 * for an SMTP or news host, `a` is the host and `b` the server; for a smart
 * host or DNS server, `a` is the server and `b` the host.
 */
export type Role = 'a' | 'b';

export interface FlowTemplate {
  from: Role;
  to: Role;
  protocol: FlowProtocol;
  port: PortSource;
  /** The service label exactly as SPEC §3.2 writes it. */
  service: string;
  rpc?: RpcService;
  /** The reason without its citation; `{source}` and `{destination}` become node names. */
  sentence: string;
}

export type RelationshipPattern =
  | { kind: 'client'; protocol: ClientProtocol; auths: readonly ClientAuth[]; notifications?: true }
  /** A sending pop3 or imap4 client and its mail server `m` (SPEC §3.2). */
  | { kind: 'clientMail'; protocol: 'pop3' | 'imap4' }
  /** An OWA node and the first of its servers, which it points to for the directory (KB 259240). */
  | { kind: 'owaDirectory' }
  /** An OWA node and each of its servers. */
  | { kind: 'owaServer' }
  | { kind: 'intrasite' }
  /** One sender → target pair of one half of a site connector. */
  | { kind: 'siteConnector' }
  | { kind: 'x400Connector' }
  /** `withoutSmartHost`: only servers that deliver outgoing mail themselves (no smart host, KB 182339). */
  | { kind: 'smtpHost'; directions: readonly SmtpDirection[]; withoutSmartHost?: true }
  | { kind: 'smartHost' }
  | { kind: 'dns' }
  | { kind: 'newsHost'; feeds: readonly NewsFeed[] };

export type PatternKind = RelationshipPattern['kind'];

export interface PortTableRow {
  id: string;
  pattern: RelationshipPattern;
  flows: readonly FlowTemplate[];
  /** Closes every reason of the row, e.g. "KB 176466, scenario 1: POP3 clients". */
  citation: string;
  kb: readonly string[];
}

const PLAIN: readonly ClientAuth[] = ['basic', 'ntlm'];
const SSL: readonly ClientAuth[] = ['ssl'];
const ANY_AUTH: readonly ClientAuth[] = ['basic', 'ntlm', 'ssl'];
const INBOUND: readonly ('inbound' | 'both')[] = ['inbound', 'both'];
const OUTBOUND: readonly ('outbound' | 'both')[] = ['outbound', 'both'];

const to = (port: number): PortSource => ({ kind: 'fixed', port });
const rpcPort = (of: StaticRpcService): PortSource => ({ kind: 'rpc', of });
const EPHEMERAL: PortSource = { kind: 'range', from: 1024, to: 65535 };

function template(
  from: Role,
  toRole: Role,
  port: PortSource,
  service: string,
  sentence: string,
  rpc?: RpcService,
  protocol: FlowProtocol = 'TCP',
): FlowTemplate {
  return rpc
    ? { from, to: toRole, protocol, port, service, sentence, rpc }
    : { from, to: toRole, protocol, port, service, sentence };
}
const fwd = (port: PortSource, service: string, sentence: string, rpc?: RpcService) =>
  template('a', 'b', port, service, sentence, rpc);
const back = (port: PortSource, service: string, sentence: string, rpc?: RpcService) =>
  template('b', 'a', port, service, sentence, rpc);

const SCENARIO_POP3 = 'KB 176466, scenario 1: POP3 clients';
const SCENARIO_IMAP4 = 'KB 176466, scenario 2: IMAP4 clients';
const SCENARIO_LDAP = 'KB 176466, scenario 3: LDAP clients';
const SCENARIO_NNTP = 'KB 176466, NNTP clients';
const SCENARIO_MAPI = 'KB 176466, scenario 4: Exchange (MAPI) clients';
const SCENARIO_INTRASITE = 'KB 176466, scenario 5: servers in the same site';
const SCENARIO_SITE_CONNECTOR =
  'KB 176466, scenario 6a: Site Connector between sites; KB 159298: the called MTA binds back';
const SCENARIO_X400 = 'KB 176466, scenario 6b: X.400 Connector between sites; KB 199326';
const SCENARIO_SMTP = 'KB 176466, scenario 1: the Internet Mail Service listens on TCP 25 for SMTP hosts';
const ADMIN = 'KB 240859, KB 148732: the Administrator program across a firewall';
const OWA = 'KB 259240: Outlook Web Access through a firewall';
const NEWSFEEDS = 'KB 174199: Internet News Service newsfeeds over NNTP';

const SENDS_MAIL = '{source} sends mail through the Internet Mail Service on {destination} over SMTP';
const MTA_OVER_RPC = 'The MTA on {source} transfers messages to the MTA on {destination} over RPC';
const X400_SENTENCE =
  'The MTA on {source} transfers messages to the MTA on {destination} over the X.400 Connector (RFC1006 over TCP/IP)';
const SITE_EPM =
  '{source} asks the RPC endpoint mapper on {destination} for the MTA port of the Site Connector';
const SITE_MTA = `${MTA_OVER_RPC} for the Site Connector`;
const EPM = 'RPC endpoint mapper';
const DS = 'Directory (RPC)';
const IS = 'Information Store (RPC)';
const NEWSFEED = 'NNTP newsfeed';

/** SPEC.md §3.2, one entry per relationship, in the order of the SPEC table. */
export const PORT_TABLE: readonly PortTableRow[] = [
  {
    id: 'pop3',
    pattern: { kind: 'client', protocol: 'pop3', auths: PLAIN },
    flows: [fwd(to(110), 'POP3', '{source} retrieves mail from {destination} over POP3')],
    citation: SCENARIO_POP3,
    kb: ['KB 176466'],
  },
  {
    id: 'pop3-ssl',
    pattern: { kind: 'client', protocol: 'pop3', auths: SSL },
    flows: [fwd(to(995), 'POP3 over SSL', '{source} retrieves mail from {destination} over POP3 with SSL')],
    citation: SCENARIO_POP3,
    kb: ['KB 176466'],
  },
  {
    id: 'imap4',
    pattern: { kind: 'client', protocol: 'imap4', auths: PLAIN },
    flows: [fwd(to(143), 'IMAP4', '{source} reads mail and folders on {destination} over IMAP4')],
    citation: SCENARIO_IMAP4,
    kb: ['KB 176466'],
  },
  {
    id: 'imap4-ssl',
    pattern: { kind: 'client', protocol: 'imap4', auths: SSL },
    flows: [
      fwd(to(993), 'IMAP4 over SSL', '{source} reads mail and folders on {destination} over IMAP4 with SSL'),
    ],
    citation: SCENARIO_IMAP4,
    kb: ['KB 176466'],
  },
  {
    id: 'pop3-sends-mail',
    pattern: { kind: 'clientMail', protocol: 'pop3' },
    flows: [fwd(to(25), 'SMTP', SENDS_MAIL)],
    citation: SCENARIO_POP3,
    kb: ['KB 176466'],
  },
  {
    id: 'imap4-sends-mail',
    pattern: { kind: 'clientMail', protocol: 'imap4' },
    flows: [fwd(to(25), 'SMTP', SENDS_MAIL)],
    citation: SCENARIO_IMAP4,
    kb: ['KB 176466'],
  },
  {
    id: 'ldap',
    pattern: { kind: 'client', protocol: 'ldap', auths: PLAIN },
    flows: [fwd({ kind: 'ldap' }, 'LDAP', '{source} reads the directory of {destination} over LDAP')],
    citation: SCENARIO_LDAP,
    kb: ['KB 176466', 'KB 224447'],
  },
  {
    id: 'ldap-ssl',
    pattern: { kind: 'client', protocol: 'ldap', auths: SSL },
    flows: [
      fwd(to(636), 'LDAP over SSL', '{source} reads the directory of {destination} over LDAP with SSL'),
    ],
    citation: SCENARIO_LDAP,
    kb: ['KB 176466'],
  },
  {
    id: 'nntp',
    pattern: { kind: 'client', protocol: 'nntp', auths: PLAIN },
    flows: [fwd(to(119), 'NNTP', '{source} reads and posts news on {destination} over NNTP')],
    citation: SCENARIO_NNTP,
    kb: ['KB 176466'],
  },
  {
    // KB 176466 gives no SSL port for NNTP; 563 comes from KB 175440.
    id: 'nntp-ssl',
    pattern: { kind: 'client', protocol: 'nntp', auths: SSL },
    flows: [
      fwd(to(563), 'NNTP over SSL', '{source} reads and posts news on {destination} over NNTP with SSL'),
    ],
    citation: 'KB 175440: protocol authentication, NNTP over SSL on TCP 563',
    kb: ['KB 175440'],
  },
  {
    id: 'mapi',
    pattern: { kind: 'client', protocol: 'mapi', auths: ANY_AUTH },
    flows: [
      fwd(
        to(135),
        EPM,
        '{source} asks the RPC endpoint mapper on {destination} for the directory and information store ports',
        'endpointMapper',
      ),
      fwd(
        rpcPort('directory'),
        DS,
        '{source} reads the address book from the directory on {destination} over RPC',
        'directory',
      ),
      fwd(
        rpcPort('store'),
        IS,
        '{source} opens mailboxes and public folders in the information store on {destination} over RPC',
        'store',
      ),
    ],
    citation: SCENARIO_MAPI,
    kb: ['KB 176466', 'KB 148732', 'KB 155831'],
  },
  {
    id: 'mapi-notifications',
    pattern: { kind: 'client', protocol: 'mapi', auths: ANY_AUTH, notifications: true },
    flows: [
      template(
        'b',
        'a',
        EPHEMERAL,
        'New-mail notification (UDP)',
        '{source} tells {destination} of new mail with UDP packets, from a port above 1024 to a port above 1024 that cannot be configured',
        undefined,
        'UDP',
      ),
    ],
    citation: 'KB 264035: new-mail notifications',
    kb: ['KB 264035'],
  },
  {
    id: 'admin',
    pattern: { kind: 'client', protocol: 'admin', auths: ANY_AUTH },
    flows: [
      fwd(
        to(135),
        EPM,
        'The Administrator program on {source} asks the RPC endpoint mapper on {destination} for the directory, information store and System Attendant ports',
        'endpointMapper',
      ),
      fwd(
        rpcPort('directory'),
        DS,
        'The Administrator program on {source} manages the directory on {destination} over RPC',
        'directory',
      ),
      fwd(
        rpcPort('store'),
        IS,
        'The Administrator program on {source} manages the information store on {destination} over RPC',
        'store',
      ),
      fwd(
        rpcPort('systemAttendant'),
        'System Attendant (RPC)',
        'The Administrator program on {source} manages the System Attendant on {destination} over RPC',
        'systemAttendant',
      ),
    ],
    citation: ADMIN,
    kb: ['KB 240859', 'KB 148732'],
  },
  {
    id: 'web',
    pattern: { kind: 'client', protocol: 'web', auths: PLAIN },
    flows: [
      fwd(
        to(80),
        'HTTP (Outlook Web Access)',
        '{source} opens Outlook Web Access on {destination} over HTTP',
      ),
    ],
    citation: 'KB 240753: Outlook Web Access on the HTTP port of IIS',
    kb: ['KB 240753'],
  },
  {
    id: 'web-ssl',
    pattern: { kind: 'client', protocol: 'web', auths: SSL },
    flows: [
      fwd(
        to(443),
        'HTTP over SSL (Outlook Web Access)',
        '{source} opens Outlook Web Access on {destination} over HTTP with SSL',
      ),
    ],
    citation: 'KB 234022: Outlook Web Access over SSL',
    kb: ['KB 234022'],
  },
  {
    id: 'owa-directory',
    pattern: { kind: 'owaDirectory' },
    flows: [
      fwd(
        to(135),
        EPM,
        'Outlook Web Access on {source} asks the RPC endpoint mapper on {destination} for the directory and information store ports',
        'endpointMapper',
      ),
      fwd(
        rpcPort('directory'),
        DS,
        'Outlook Web Access on {source} reads the address book from the directory on {destination} over RPC',
        'directory',
      ),
    ],
    citation: OWA,
    kb: ['KB 259240'],
  },
  {
    id: 'owa-server',
    pattern: { kind: 'owaServer' },
    flows: [
      fwd(
        to(135),
        EPM,
        'Outlook Web Access on {source} asks the RPC endpoint mapper on {destination} for the directory and information store ports',
        'endpointMapper',
      ),
      fwd(
        rpcPort('store'),
        IS,
        'Outlook Web Access on {source} opens mailboxes and public folders in the information store on {destination} over RPC',
        'store',
      ),
      back(
        EPHEMERAL,
        'RPC replies to Outlook Web Access',
        '{source} answers the RPC calls of Outlook Web Access on {destination} on a port from 1024 to 65535 that cannot be narrowed',
        'reply',
      ),
    ],
    citation: OWA,
    kb: ['KB 259240'],
  },
  {
    id: 'intrasite',
    pattern: { kind: 'intrasite' },
    flows: [
      fwd(
        to(135),
        EPM,
        '{source} asks the RPC endpoint mapper on {destination} for the directory and MTA ports',
        'endpointMapper',
      ),
      fwd(
        rpcPort('directory'),
        DS,
        'The directory on {source} replicates with the directory on {destination} over RPC',
        'directory',
      ),
      fwd(rpcPort('mta'), 'MTA (RPC)', MTA_OVER_RPC, 'mta'),
    ],
    citation: SCENARIO_INTRASITE,
    kb: ['KB 176466', 'KB 148732', 'KB 155831', 'KB 161931'],
  },
  {
    id: 'site-connector',
    pattern: { kind: 'siteConnector' },
    flows: [
      fwd(to(135), EPM, SITE_EPM, 'endpointMapper'),
      fwd(rpcPort('mta'), 'MTA (RPC)', SITE_MTA, 'mta'),
      back(to(135), EPM, SITE_EPM, 'endpointMapper'),
      back(rpcPort('mta'), 'MTA (RPC)', SITE_MTA, 'mta'),
    ],
    citation: SCENARIO_SITE_CONNECTOR,
    kb: ['KB 176466', 'KB 159298', 'KB 161931'],
  },
  {
    id: 'x400-connector',
    pattern: { kind: 'x400Connector' },
    flows: [
      fwd({ kind: 'rfc1006' }, 'X.400 (RFC1006)', X400_SENTENCE),
      back({ kind: 'rfc1006' }, 'X.400 (RFC1006)', X400_SENTENCE),
    ],
    citation: SCENARIO_X400,
    kb: ['KB 176466', 'KB 199326', 'KB 161931'],
  },
  {
    id: 'smtp-inbound',
    pattern: { kind: 'smtpHost', directions: INBOUND },
    flows: [
      fwd(to(25), 'SMTP', '{source} delivers mail to the Internet Mail Service on {destination} over SMTP'),
    ],
    citation: SCENARIO_SMTP,
    kb: ['KB 176466'],
  },
  {
    id: 'smtp-outbound',
    pattern: { kind: 'smtpHost', directions: OUTBOUND, withoutSmartHost: true },
    flows: [
      back(to(25), 'SMTP', 'The Internet Mail Service on {source} delivers mail to {destination} over SMTP'),
    ],
    citation: SCENARIO_SMTP,
    kb: ['KB 176466'],
  },
  {
    id: 'smart-host',
    pattern: { kind: 'smartHost' },
    flows: [
      fwd(
        to(25),
        'SMTP (smart host)',
        'The Internet Mail Service on {source} forwards all outgoing mail to the smart host {destination} over SMTP',
      ),
    ],
    citation: 'KB 182339: Forward all messages to host',
    kb: ['KB 182339'],
  },
  {
    id: 'dns',
    pattern: { kind: 'dns' },
    flows: [
      template(
        'a',
        'b',
        to(53),
        'DNS',
        'The Internet Mail Service on {source} looks up the MX and host records of outgoing mail on the DNS server {destination}',
        undefined,
        'UDP',
      ),
    ],
    citation: 'KB 182821: the Internet Mail Service asks DNS on UDP 53',
    kb: ['KB 182821'],
  },
  {
    id: 'newsfeed-inbound',
    pattern: { kind: 'newsHost', feeds: INBOUND },
    flows: [
      fwd(to(119), NEWSFEED, '{source} pushes a newsfeed to the Internet News Service on {destination}'),
    ],
    citation: NEWSFEEDS,
    kb: ['KB 174199'],
  },
  {
    id: 'newsfeed-outbound',
    pattern: { kind: 'newsHost', feeds: OUTBOUND },
    flows: [
      back(
        to(119),
        NEWSFEED,
        'The Internet News Service on {source} pushes a newsfeed to or pulls one from {destination}',
      ),
    ],
    citation: NEWSFEEDS,
    kb: ['KB 174199'],
  },
];
