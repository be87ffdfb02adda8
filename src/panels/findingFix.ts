import { RPC_PORT_LABEL, type StaticRpcService } from '../engine/findingCatalog';
import type { Finding, FindingCode } from '../engine/types';
import { DEFAULT_RFC1006_PORT } from '../model/defaults';
import type { Plan, ServerServices } from '../model/types';

/**
 * Where a finding leads: the one object to select and, when one field of its
 * inspector form fixes the finding, that field's key. Form fields carry their
 * key as `data-field` (fields.tsx), so the inspector can scroll to the field
 * and put the keyboard in it. Keys: a field of the selected object ("exchange",
 * "servicePack", "site", "address", "auth", "server", "servers",
 * "notifications", "nat", "dns", "direction", "ldapPort", "rfc1006Port",
 * "rpcRange"), `service:<service>`, `staticPort:<rpc service>`, and on a
 * connector `rfc1006Port:<server id>`, `bridgehead:<A|B>`, `targets:<A|B>`.
 */
export interface FindingFix {
  /** The object to select alone; null when the finding names none the plan still has. */
  select: string | null;
  /** The field that fixes the finding; null when no single field does. */
  field: string | null;
}

const NONE: FindingFix = { select: null, field: null };

/** Which static RPC port a finding message speaks of: the catalog writes each with its label. */
function rpcNamedIn(message: string): StaticRpcService | null {
  const rpc = (Object.keys(RPC_PORT_LABEL) as StaticRpcService[]).find((r) =>
    message.includes(RPC_PORT_LABEL[r]),
  );
  return rpc ?? null;
}

/** The service a client or news host uses on its server, as the server form's checkboxes name it. */
function serviceUsedBy(plan: Plan, userId: string): keyof ServerServices | null {
  const user = plan.nodes.find((n) => n.id === userId);
  if (user?.type === 'newsHost') return 'nntp';
  if (
    user?.type === 'client' &&
    user.protocol !== 'mapi' &&
    user.protocol !== 'admin' &&
    user.protocol !== 'web'
  )
    return user.protocol;
  return null;
}

type FixRule = (finding: Finding, plan: Plan) => FindingFix;

const on =
  (subject: number, field: string | null): FixRule =>
  (f) => ({ select: f.subjects[subject] ?? null, field });

/**
 * Each finding code of the catalog (engine/findingCatalog.ts) and where it
 * leads. Subjects are in the order the engine gives them (nodes first, then
 * links or connectors), so `on(1, …)` is the second subject.
 */
const FIXES: { [C in FindingCode]: FixRule } = {
  // The connector itself: its form shows both servers' RFC1006 ports; the one off the default is the likelier slip.
  RFC1006_PORT_MISMATCH: (f, plan) => {
    const [a, b, connector] = f.subjects;
    if (connector === undefined) return NONE;
    const portOf = (id: string | undefined) => {
      const n = plan.nodes.find((x) => x.id === id);
      return n?.type === 'server' ? n.rfc1006Port : DEFAULT_RFC1006_PORT;
    };
    const end = portOf(a) !== DEFAULT_RFC1006_PORT || portOf(b) === DEFAULT_RFC1006_PORT ? a : b;
    return { select: connector, field: end === undefined ? null : `rfc1006Port:${end}` };
  },
  // Linking is drawing, not a field: the first endpoint is selected, both stay highlighted.
  NO_NETWORK_PATH: on(0, null),
  PROTOCOL_NOT_IN_VERSION: on(1, 'exchange'),
  AUTH_NOT_IN_VERSION: on(0, 'auth'),
  PROTOCOL_DISABLED: (f, plan) => {
    const service = f.subjects[0] === undefined ? null : serviceUsedBy(plan, f.subjects[0]);
    return { select: f.subjects[1] ?? null, field: service ? `service:${service}` : null };
  },
  NO_INTERNET_MAIL: on(1, 'service:internetMail'),
  FEATURE_NOT_IN_VERSION: (f) => {
    const field = f.message.includes('static MTA RPC port')
      ? 'staticPort:mta'
      : f.message.includes('RFC1006 port')
        ? 'rfc1006Port'
        : 'ldapPort';
    return { select: f.subjects[0] ?? null, field };
  },
  // An X.400 connector within one site: the second server's site. A Site Connector to its own site: the connector.
  CONNECTOR_SAME_SITE: (f) => ({
    select: f.subjects[1] ?? null,
    field: f.subjects.length === 3 ? 'site' : null,
  }),
  CONNECTOR_SERVER_NOT_IN_SITE: (f, plan) => {
    const [server, id] = f.subjects;
    const k = plan.connectors.find((c) => c.id === id);
    if (k?.type !== 'site') return { select: id ?? null, field: null };
    const field =
      k.bridgeheadA === server
        ? 'bridgehead:A'
        : k.bridgeheadB === server
          ? 'bridgehead:B'
          : k.targetsA.includes(server ?? '')
            ? 'targets:A'
            : 'targets:B';
    return { select: k.id, field };
  },
  CLIENT_WITHOUT_SERVER: (f, plan) => {
    const node = plan.nodes.find((n) => n.id === f.subjects[0]);
    return { select: node?.id ?? null, field: node?.type === 'owa' ? 'servers' : 'server' };
  },
  OWA_SERVER_VERSION: on(1, 'exchange'),
  RPC_THROUGH_NAT: (f) => ({ select: f.subjects[2] ?? null, field: 'nat' }),
  STATIC_MTA_PORT_REPLY: on(0, 'servicePack'),
  STATIC_PORT_CONFLICT: (f, plan) => {
    const server = plan.nodes.find((n) => n.id === f.subjects[0]);
    if (server?.type !== 'server') return NONE;
    const port = Number(/port (\d+) is wanted/.exec(f.message)?.[1]);
    const rpc = (Object.keys(server.staticPorts) as StaticRpcService[]).find(
      (r) => server.staticPorts[r] === port,
    );
    const field = rpc
      ? `staticPort:${rpc}`
      : server.rfc1006Port === port
        ? 'rfc1006Port'
        : server.ldapPort === port
          ? 'ldapPort'
          : null;
    return { select: server.id, field };
  },
  DYNAMIC_RPC_PORTS: (f) => {
    const rpc = rpcNamedIn(f.message);
    return { select: f.subjects[1] ?? null, field: rpc ? `staticPort:${rpc}` : null };
  },
  IMS_WITHOUT_DNS: on(0, 'dns'),
  NO_INTERNET_MAIL_SERVER: on(0, 'direction'),
  OWA_NTLM: on(0, 'auth'),
  RPC_RANGE_SMALL: on(0, 'rpcRange'),
  STATIC_PORT_IN_CLIENT_POOL: (f) => {
    const rpc = rpcNamedIn(f.message);
    return { select: f.subjects[0] ?? null, field: rpc ? `staticPort:${rpc}` : null };
  },
  ADDRESS_MISSING: on(0, 'address'),
  STATIC_PORT_WELL_KNOWN: (f) => {
    const rpc = rpcNamedIn(f.message);
    return { select: f.subjects[0] ?? null, field: rpc ? `staticPort:${rpc}` : null };
  },
  MAPI_NOTIFICATIONS_UDP: on(0, 'notifications'),
  // Linking or removing: the firewall itself.
  FIREWALL_UNUSED: on(0, null),
  // The plan as a whole is too large: the first endpoint named, nothing to type.
  ANALYSIS_LIMIT: on(0, null),
};

/** Where a finding leads (see FindingFix); a subject the plan no longer has leads nowhere. */
export function findingFix(finding: Finding, plan: Plan): FindingFix {
  const fix = FIXES[finding.code](finding, plan);
  if (fix.select === null) return NONE;
  const known =
    plan.nodes.some((n) => n.id === fix.select) ||
    plan.connectors.some((c) => c.id === fix.select) ||
    plan.sites.some((s) => s.id === fix.select) ||
    plan.links.some((l) => l.id === fix.select);
  return known ? fix : NONE;
}
