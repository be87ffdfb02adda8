/**
 * SPEC.md §3 as data: for each relationship, the TCP flows it needs, where
 * each port comes from, the service label and why (KB 176466 and the articles
 * it points to). The engine reads this table row by row; the order of the rows
 * is the order of SPEC §3 and decides which reason an identical flow keeps.
 */
import type { ClientAuth, ClientProtocol, SmtpDirection } from '../model/types';
import type { RpcService } from './types';

/** Where a flow's port comes from. */
export type PortSource =
  | { kind: 'fixed'; port: number }
  /** The destination server's static RPC port, or 1024–65535 while it is dynamic (KB 176466, scenarios 4–6a). */
  | { kind: 'staticRpc'; of: 'directory' | 'store' | 'mta' }
  /** The destination server's RFC1006 port (KB 176466, scenario 6b; KB 161931). */
  | { kind: 'rfc1006' };

/**
 * The two parties of a relationship: for a client, `a` is the client and `b`
 * its server; intrasite, `a` → `b` is one ordered pair; for a connector, its
 * own `a` and `b`; for an SMTP host, `a` is the host and `b` the server.
 */
export type Role = 'a' | 'b';

export interface FlowTemplate {
  from: Role;
  to: Role;
  port: PortSource;
  /** The service label exactly as SPEC §3 writes it. */
  service: string;
  rpc?: RpcService;
  /** The reason without its citation; `{source}` and `{destination}` become node names. */
  sentence: string;
}

export type RelationshipPattern =
  | { kind: 'client'; protocol: ClientProtocol; auths: readonly ClientAuth[]; sendsMail?: true }
  | { kind: 'intrasite' }
  | { kind: 'siteConnector' }
  | { kind: 'x400Connector' }
  | { kind: 'smtpHost'; directions: readonly SmtpDirection[] };

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

const to = (port: number): PortSource => ({ kind: 'fixed', port });
const fwd = (port: PortSource, service: string, sentence: string, rpc?: RpcService): FlowTemplate =>
  rpc
    ? { from: 'a', to: 'b', port, service, sentence, rpc }
    : { from: 'a', to: 'b', port, service, sentence };
const back = (port: PortSource, service: string, sentence: string, rpc?: RpcService): FlowTemplate => ({
  ...fwd(port, service, sentence, rpc),
  from: 'b',
  to: 'a',
});

const SCENARIO_POP3 = 'KB 176466, scenario 1: POP3 clients';
const SCENARIO_IMAP4 = 'KB 176466, scenario 2: IMAP4 clients';
const SCENARIO_LDAP = 'KB 176466, scenario 3: LDAP clients';
const SCENARIO_NNTP = 'KB 176466, NNTP clients';
const SCENARIO_MAPI = 'KB 176466, scenario 4: Exchange (MAPI) clients';
const SCENARIO_INTRASITE = 'KB 176466, scenario 5: servers in the same site';
const SCENARIO_SITE_CONNECTOR = 'KB 176466, scenario 6a: Site Connector between sites';
const SCENARIO_X400 = 'KB 176466, scenario 6b: X.400 Connector between sites';
const SCENARIO_SMTP = 'KB 176466, scenario 1: the Internet Mail Service listens on TCP 25 for SMTP hosts';

const SENDS_MAIL = '{source} sends mail through the Internet Mail Service on {destination} over SMTP';
const MTA_OVER_RPC = 'The MTA on {source} transfers messages to the MTA on {destination} over RPC';

/** SPEC.md §3, one entry per relationship, in the order of the SPEC table. */
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
    pattern: { kind: 'client', protocol: 'pop3', auths: ANY_AUTH, sendsMail: true },
    flows: [fwd(to(25), 'SMTP', SENDS_MAIL)],
    citation: SCENARIO_POP3,
    kb: ['KB 176466'],
  },
  {
    id: 'imap4-sends-mail',
    pattern: { kind: 'client', protocol: 'imap4', auths: ANY_AUTH, sendsMail: true },
    flows: [fwd(to(25), 'SMTP', SENDS_MAIL)],
    citation: SCENARIO_IMAP4,
    kb: ['KB 176466'],
  },
  {
    id: 'ldap',
    pattern: { kind: 'client', protocol: 'ldap', auths: PLAIN },
    flows: [fwd(to(389), 'LDAP', '{source} reads the directory of {destination} over LDAP')],
    citation: SCENARIO_LDAP,
    kb: ['KB 176466'],
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
        'RPC endpoint mapper',
        '{source} asks the RPC endpoint mapper on {destination} for the directory and information store ports',
        'endpointMapper',
      ),
      fwd(
        { kind: 'staticRpc', of: 'directory' },
        'Directory (RPC)',
        '{source} reads the address book from the directory on {destination} over RPC',
        'directory',
      ),
      fwd(
        { kind: 'staticRpc', of: 'store' },
        'Information Store (RPC)',
        '{source} opens mailboxes and public folders in the information store on {destination} over RPC',
        'store',
      ),
    ],
    citation: SCENARIO_MAPI,
    kb: ['KB 176466', 'KB 148732', 'KB 155831'],
  },
  {
    id: 'intrasite',
    pattern: { kind: 'intrasite' },
    flows: [
      fwd(
        to(135),
        'RPC endpoint mapper',
        '{source} asks the RPC endpoint mapper on {destination} for the directory and MTA ports',
        'endpointMapper',
      ),
      fwd(
        { kind: 'staticRpc', of: 'directory' },
        'Directory (RPC)',
        'The directory on {source} replicates with the directory on {destination} over RPC',
        'directory',
      ),
      fwd({ kind: 'staticRpc', of: 'mta' }, 'MTA (RPC)', MTA_OVER_RPC, 'mta'),
    ],
    citation: SCENARIO_INTRASITE,
    kb: ['KB 176466', 'KB 148732', 'KB 155831', 'KB 161931'],
  },
  {
    id: 'site-connector',
    pattern: { kind: 'siteConnector' },
    flows: [
      fwd(
        to(135),
        'RPC endpoint mapper',
        '{source} asks the RPC endpoint mapper on {destination} for the MTA port of the Site Connector',
        'endpointMapper',
      ),
      fwd({ kind: 'staticRpc', of: 'mta' }, 'MTA (RPC)', `${MTA_OVER_RPC} for the Site Connector`, 'mta'),
      back(
        to(135),
        'RPC endpoint mapper',
        '{source} asks the RPC endpoint mapper on {destination} for the MTA port of the Site Connector',
        'endpointMapper',
      ),
      back({ kind: 'staticRpc', of: 'mta' }, 'MTA (RPC)', `${MTA_OVER_RPC} for the Site Connector`, 'mta'),
    ],
    citation: SCENARIO_SITE_CONNECTOR,
    kb: ['KB 176466', 'KB 161931'],
  },
  {
    id: 'x400-connector',
    pattern: { kind: 'x400Connector' },
    flows: [
      fwd(
        { kind: 'rfc1006' },
        'X.400 (RFC1006)',
        'The MTA on {source} transfers messages to the MTA on {destination} over the X.400 Connector (RFC1006 over TCP/IP)',
      ),
      back(
        { kind: 'rfc1006' },
        'X.400 (RFC1006)',
        'The MTA on {source} transfers messages to the MTA on {destination} over the X.400 Connector (RFC1006 over TCP/IP)',
      ),
    ],
    citation: SCENARIO_X400,
    kb: ['KB 176466', 'KB 161931'],
  },
  {
    id: 'smtp-inbound',
    pattern: { kind: 'smtpHost', directions: ['inbound', 'both'] },
    flows: [
      fwd(to(25), 'SMTP', '{source} delivers mail to the Internet Mail Service on {destination} over SMTP'),
    ],
    citation: SCENARIO_SMTP,
    kb: ['KB 176466'],
  },
  {
    id: 'smtp-outbound',
    pattern: { kind: 'smtpHost', directions: ['outbound', 'both'] },
    flows: [
      back(to(25), 'SMTP', 'The Internet Mail Service on {source} delivers mail to {destination} over SMTP'),
    ],
    citation: SCENARIO_SMTP,
    kb: ['KB 176466'],
  },
];
