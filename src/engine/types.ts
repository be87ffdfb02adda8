import type { ClientAuth, ClientProtocol } from '../model/types';

/** A single port (`from === to`) or an inclusive range such as 1024–65535. */
export interface PortRange {
  from: number;
  to: number;
}

/** The transport of a flow (SPEC §1): TCP, or UDP for DNS and new-mail notifications (v2). */
export type FlowProtocol = 'TCP' | 'UDP';

/**
 * The RPC service a flow reaches: the endpoint mapper, a server's directory,
 * store, MTA or System Attendant, or the replies an Exchange server sends back
 * to Outlook Web Access (KB 259240).
 */
export type RpcService = 'endpointMapper' | 'directory' | 'store' | 'mta' | 'systemAttendant' | 'reply';

/** The relationship of SPEC §3.2 that makes a flow exist. */
export type Relationship =
  | { kind: 'client'; client: string; server: string; protocol: ClientProtocol; auth: ClientAuth }
  | { kind: 'owa'; owa: string; server: string }
  | { kind: 'intrasite'; from: string; to: string }
  | { kind: 'siteConnector'; connector: string; from: string; to: string }
  | { kind: 'x400Connector'; connector: string }
  | { kind: 'smtpHost'; host: string; server: string }
  | { kind: 'smartHost'; server: string; host: string }
  | { kind: 'dns'; server: string; dns: string }
  | { kind: 'newsHost'; host: string; server: string };

/**
 * Where a flow passes one firewall: the interface it enters on and the one it
 * leaves by (SPEC §4). An unnamed interface is named after the id of the node
 * at the other end of its link.
 */
export interface FirewallCrossing {
  firewall: string;
  ingress: string;
  egress: string;
}

/** One directed connection that must be possible (SPEC §3). */
export interface Flow {
  /** Deterministic key: source id, destination id, protocol, port and service. */
  id: string;
  source: string;
  destination: string;
  protocol: FlowProtocol;
  ports: PortRange;
  /** Service label exactly as SPEC §3.2 writes it ("POP3 over SSL", "MTA (RPC)"). */
  service: string;
  /** Set for RPC flows. */
  rpc?: RpcService;
  /** True when the port is the destination server's dynamic RPC range DYN(s), narrowed by `rpcPorts` or not. */
  dynamic: boolean;
  /** One sentence: why this flow exists, with its KB article. */
  reason: string;
  relationship: Relationship;
  /** Ids of the firewalls on at least one shortest path, sorted by firewall name. */
  firewalls: string[];
  /**
   * Every (firewall, ingress, egress) the flow's shortest paths give, in the
   * order of `firewalls`, then by ingress and egress (code point).
   */
  crossings: FirewallCrossing[];
  /** Ids of the links on at least one shortest path, sorted by id. */
  links: string[];
  /** False when the endpoints have no path (NO_NETWORK_PATH). */
  routed: boolean;
  /** 'error' when an error finding is about the relationship that made this flow; 'warning' for a dynamic RPC range crossing a firewall. */
  status: 'ok' | 'warning' | 'error';
}

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'RFC1006_PORT_MISMATCH'
  | 'NO_NETWORK_PATH'
  | 'PROTOCOL_NOT_IN_VERSION'
  | 'AUTH_NOT_IN_VERSION'
  | 'PROTOCOL_DISABLED'
  | 'NO_INTERNET_MAIL'
  | 'FEATURE_NOT_IN_VERSION'
  | 'CONNECTOR_SAME_SITE'
  | 'CONNECTOR_SERVER_NOT_IN_SITE'
  | 'CLIENT_WITHOUT_SERVER'
  | 'OWA_SERVER_VERSION'
  | 'RPC_THROUGH_NAT'
  | 'STATIC_MTA_PORT_REPLY'
  | 'STATIC_PORT_CONFLICT'
  | 'DYNAMIC_RPC_PORTS'
  | 'IMS_WITHOUT_DNS'
  | 'NO_INTERNET_MAIL_SERVER'
  | 'OWA_NTLM'
  | 'RPC_RANGE_SMALL'
  | 'STATIC_PORT_IN_CLIENT_POOL'
  | 'ADDRESS_MISSING'
  | 'STATIC_PORT_WELL_KNOWN'
  | 'MAPI_NOTIFICATIONS_UDP'
  | 'FIREWALL_UNUSED'
  | 'ANALYSIS_LIMIT';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Names the nodes by name and says what to do. */
  message: string;
  /** The KB articles the rule comes from, e.g. ["KB 176466", "KB 161931"]. */
  kb: string[];
  /** Ids of the nodes, links or connectors the finding is about (nodes first). */
  subjects: string[];
}

/** The engine's answer for one plan (SPEC §3–5). */
export interface Analysis {
  /** Sorted by source name, destination name, port, protocol, service (as the all-flows CSV). */
  flows: Flow[];
  /** Sorted by severity, code, then the names of the subjects. */
  findings: Finding[];
  /** Firewall id → indexes into `flows` of the flows that cross it, ascending. Every firewall has an entry. */
  flowsByFirewall: Map<string, number[]>;
  /** Link id → indexes into `flows` of the flows that use it. Every link has an entry. */
  flowsByLink: Map<string, number[]>;
}

/** One row of the port matrix (SPEC §6), values as text, in column order. */
export interface MatrixRow {
  firewall: string;
  source: string;
  sourceAddress: string;
  sourceSite: string;
  destination: string;
  destinationAddress: string;
  destinationSite: string;
  protocol: FlowProtocol;
  port: string;
  service: string;
  reason: string;
  /** Not a column: the flow's index in `Analysis.flows` and the firewall id, for highlighting. */
  flowIndex: number;
  firewallId: string | null;
}
