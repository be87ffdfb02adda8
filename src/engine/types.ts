import type { ClientAuth, ClientProtocol } from '../model/types';

/** A single TCP port (`from === to`) or an inclusive range such as 1024–65535. */
export interface PortRange {
  from: number;
  to: number;
}

export type RpcService = 'endpointMapper' | 'directory' | 'store' | 'mta';

/** The relationship of SPEC §3 that makes a flow exist. */
export type Relationship =
  | { kind: 'client'; client: string; server: string; protocol: ClientProtocol; auth: ClientAuth }
  | { kind: 'intrasite'; from: string; to: string }
  | { kind: 'siteConnector'; connector: string }
  | { kind: 'x400Connector'; connector: string }
  | { kind: 'smtpHost'; host: string; server: string };

/** One directed TCP connection that must be possible (SPEC §3). */
export interface Flow {
  /** Deterministic key: source id, destination id, port and service. */
  id: string;
  source: string;
  destination: string;
  ports: PortRange;
  /** Service label exactly as SPEC §3 writes it ("POP3 over SSL", "MTA (RPC)"). */
  service: string;
  /** Set for RPC flows; with a range port it means the port is dynamic. */
  rpc?: RpcService;
  /** One sentence: why this flow exists, with its KB 176466 scenario. */
  reason: string;
  relationship: Relationship;
  /** Ids of the firewalls on at least one shortest path, sorted by firewall name. */
  firewalls: string[];
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
  | 'CLIENT_WITHOUT_SERVER'
  | 'STATIC_PORT_CONFLICT'
  | 'DYNAMIC_RPC_PORTS'
  | 'STATIC_PORT_IN_CLIENT_POOL'
  | 'STATIC_PORT_WELL_KNOWN'
  | 'MAPI_NOTIFICATIONS_UDP'
  | 'FIREWALL_UNUSED';

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
  /** Sorted by source name, destination name, port, service (as the all-flows CSV). */
  flows: Flow[];
  /** Sorted by severity, code, then the names of the subjects. */
  findings: Finding[];
  /** Firewall id → indexes into `flows` of the flows that cross it. Every firewall has an entry. */
  flowsByFirewall: Map<string, number[]>;
  /** Link id → indexes into `flows` of the flows that use it. Every link has an entry. */
  flowsByLink: Map<string, number[]>;
}

/** One row of the port matrix (SPEC §6), values as text, in column order. */
export interface MatrixRow {
  firewall: string;
  source: string;
  sourceSite: string;
  destination: string;
  destinationSite: string;
  protocol: 'TCP';
  port: string;
  service: string;
  reason: string;
  /** Not a column: the flow's index in `Analysis.flows` and the firewall id, for highlighting. */
  flowIndex: number;
  firewallId: string | null;
}
