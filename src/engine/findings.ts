/**
 * Detects the findings of SPEC.md §5. Each finding also carries the keys of
 * the relationships or flows it concerns, so that `analyzePlan` can mark the
 * flows an error breaks.
 */
import type { ClientNode, ClientProtocol, ExchangeVersion, PlanNode, ServerNode } from '../model/types';
import { compareStrings } from './compare';
import type { ServerUser, UsedProtocol } from './findingCatalog';
import { makeFinding } from './findingCatalog';
import { clientMailServer, clientTarget } from './flows';
import type { PlanIndex } from './planIndex';
import type { StaticRpcService } from './portInForce';
import {
  dynamicRange,
  hasLdapPortSetting,
  hasMtaPortSettings,
  ldapPort,
  rfc1006Port,
  runsService,
  STATIC_RPC_SERVICES,
  staticRpcPort,
  VERSION_RANK,
} from './portInForce';
import type { Finding, Flow, Relationship } from './types';

export interface DraftFinding {
  finding: Finding;
  /** Keys of what the finding breaks (see `flowConcerns`); empty when it breaks no flow. */
  concerns: string[];
}

const X400_SERVICE = 'X.400 (RFC1006)';
const LDAP_SERVICE = 'LDAP';

/** The first Exchange version that offers each client protocol (KB 176466, scenarios 1–4; NNTP came with 5.0; OWA, KB 198920). */
export const PROTOCOL_SINCE: Readonly<Record<UsedProtocol, ExchangeVersion>> = {
  mapi: '4.0',
  pop3: '5.0',
  imap4: '5.5',
  ldap: '5.0',
  nntp: '5.0',
  admin: '4.0',
  web: '5.0',
  newsfeed: '5.0',
};

function relationshipKey(r: Relationship): string {
  switch (r.kind) {
    case 'client':
      return `client:${r.client}`;
    case 'owa':
      return `owa:${r.owa}>${r.server}`;
    case 'intrasite':
      return `intrasite:${r.from}>${r.to}`;
    case 'siteConnector':
    case 'x400Connector':
      return `connector:${r.connector}`;
    case 'smtpHost':
      return `smtp:${r.host}>${r.server}`;
    case 'smartHost':
      return `smart:${r.server}`;
    case 'dns':
      return `dns:${r.server}`;
    case 'newsHost':
      return `news:${r.host}`;
  }
}

function pairKey(x: string, y: string): string {
  return x < y ? `pair:${x}|${y}` : `pair:${y}|${x}`;
}

function rpcPairKey(x: string, y: string): string {
  return `rpc${pairKey(x, y)}`;
}

function destinationKey(server: string, what: StaticRpcService | 'x400' | 'ldap'): string {
  return `dest:${server}:${what}`;
}

function mtaReplyKey(server: string): string {
  return `mtareply:${server}`;
}

/** The keys under which findings may concern this flow. */
export function flowConcerns(
  flow: Pick<Flow, 'source' | 'destination' | 'service' | 'rpc' | 'relationship'>,
  /** When given, only keys of these kinds (the text before the first `:`) other than `rel`. */
  only?: ReadonlySet<string>,
): string[] {
  const keys: string[] = [];
  if (!only) {
    const rel = `rel:${relationshipKey(flow.relationship)}`;
    keys.push(rel, `${rel}:${flow.service}`);
  }
  const want = (kind: string) => !only || only.has(kind);
  if (want('pair')) keys.push(pairKey(flow.source, flow.destination));
  const rpc = flow.rpc;
  if (rpc && want('rpcpair')) keys.push(rpcPairKey(flow.source, flow.destination));
  if (want('dest')) {
    if (rpc && rpc !== 'endpointMapper' && rpc !== 'reply') keys.push(destinationKey(flow.destination, rpc));
    if (flow.service === X400_SERVICE) keys.push(destinationKey(flow.destination, 'x400'));
    if (flow.service === LDAP_SERVICE) keys.push(destinationKey(flow.destination, 'ldap'));
  }
  if (flow.relationship.kind === 'siteConnector' && want('mtareply')) {
    keys.push(mtaReplyKey(flow.source), mtaReplyKey(flow.destination));
  }
  return keys;
}

/**
 * Whether any of the flow's concern keys (see `flowConcerns`) is in `broken`,
 * without building them all: only the kinds of key `broken` holds are made,
 * and a relationship's own key once per relationship. For large plans.
 */
export function brokenFlowTest(broken: ReadonlySet<string>): (flow: Flow) => boolean {
  if (broken.size === 0) return () => false;
  const kinds = new Set([...broken].map((key) => key.slice(0, key.indexOf(':'))));
  const relKeys = new Map<Relationship, string>();
  return (flow) => {
    if (kinds.has('rel')) {
      let rel = relKeys.get(flow.relationship);
      if (rel === undefined) {
        rel = `rel:${relationshipKey(flow.relationship)}`;
        relKeys.set(flow.relationship, rel);
      }
      if (broken.has(rel) || broken.has(`${rel}:${flow.service}`)) return true;
    }
    return flowConcerns(flow, kinds).some((key) => broken.has(key));
  };
}

interface Claim {
  port: number;
  claimant: string;
  /** What a conflict on this port breaks. */
  concern?: string;
}

const STATIC_LABEL: Readonly<Record<StaticRpcService, string>> = {
  directory: 'the static directory (DS) RPC port',
  store: 'the static information store (IS) RPC port',
  mta: 'the static MTA RPC port',
  systemAttendant: 'the static System Attendant (SA) RPC port',
};

/**
 * Everything that wants a port on this server, each as in force (SPEC §3.1,
 * §5): its static RPC ports, 135, its RFC1006 port and the well-known ports
 * of the services it runs (KB 176466, scenarios 1–3 and the NNTP section;
 * KB 175440 for 563).
 */
function portClaims(s: ServerNode): Claim[] {
  const claims: Claim[] = [];
  for (const rpc of STATIC_RPC_SERVICES) {
    const port = staticRpcPort(s, rpc);
    if (port !== null) claims.push({ port, claimant: STATIC_LABEL[rpc], concern: destinationKey(s.id, rpc) });
  }
  claims.push(
    { port: 135, claimant: 'the RPC endpoint mapper' },
    { port: rfc1006Port(s), claimant: 'the MTA for X.400 (RFC1006)', concern: destinationKey(s.id, 'x400') },
  );
  if (runsService(s, 'internetMail')) claims.push({ port: 25, claimant: 'SMTP (Internet Mail Service)' });
  if (runsService(s, 'pop3'))
    claims.push({ port: 110, claimant: 'POP3' }, { port: 995, claimant: 'POP3 over SSL' });
  if (runsService(s, 'imap4'))
    claims.push({ port: 143, claimant: 'IMAP4' }, { port: 993, claimant: 'IMAP4 over SSL' });
  if (runsService(s, 'ldap'))
    claims.push(
      { port: ldapPort(s), claimant: 'LDAP', concern: destinationKey(s.id, 'ldap') },
      { port: 636, claimant: 'LDAP over SSL' },
    );
  if (runsService(s, 'nntp'))
    claims.push({ port: 119, claimant: 'NNTP' }, { port: 563, claimant: 'NNTP over SSL' });
  return claims;
}

/** Findings about one server's own settings (KB 161931, KB 224447, KB 180795, KB 194952, KB 155831, KB 217351). */
function serverFindings(index: PlanIndex, s: ServerNode, deliversItself: boolean, out: DraftFinding[]): void {
  const name = index.nameOf(s.id);
  const feature = (
    what: 'mta' | 'rfc1006' | 'ldap',
    port: number,
    inForce: string,
    concern: string,
  ): DraftFinding => ({
    finding: makeFinding(
      'FEATURE_NOT_IN_VERSION',
      { server: name, exchange: s.exchange, servicePack: s.servicePack, feature: what, port, inForce },
      [s.id],
    ),
    concerns: [concern],
  });
  if (!hasMtaPortSettings(s) && s.staticPorts.mta !== null) {
    const range = dynamicRange(s);
    out.push(feature('mta', s.staticPorts.mta, `${range.from}-${range.to}`, destinationKey(s.id, 'mta')));
  }
  if (!hasMtaPortSettings(s) && s.rfc1006Port !== 102) {
    out.push(feature('rfc1006', s.rfc1006Port, '102', destinationKey(s.id, 'x400')));
  }
  if (!hasLdapPortSetting(s) && s.ldapPort !== 389) {
    out.push(feature('ldap', s.ldapPort, '389', destinationKey(s.id, 'ldap')));
  }

  for (const rpc of STATIC_RPC_SERVICES) {
    const port = staticRpcPort(s, rpc);
    if (port === null) continue;
    if (port >= 1024 && port <= 5000) {
      out.push({
        finding: makeFinding('STATIC_PORT_IN_CLIENT_POOL', { server: name, rpc, port }, [s.id]),
        concerns: [],
      });
    } else if (port < 1024) {
      out.push({
        finding: makeFinding('STATIC_PORT_WELL_KNOWN', { server: name, rpc, port }, [s.id]),
        concerns: [],
      });
    }
  }

  const wanted = new Map<number, { claimants: string[]; concerns: string[] }>();
  for (const { port, claimant, concern } of portClaims(s)) {
    let entry = wanted.get(port);
    if (!entry) {
      entry = { claimants: [], concerns: [] };
      wanted.set(port, entry);
    }
    entry.claimants.push(claimant);
    if (concern) entry.concerns.push(concern);
  }
  for (const [port, entry] of [...wanted].sort((x, y) => x[0] - y[0])) {
    if (entry.claimants.length < 2) continue;
    out.push({
      finding: makeFinding('STATIC_PORT_CONFLICT', { server: name, port, claimants: entry.claimants }, [
        s.id,
      ]),
      concerns: entry.concerns,
    });
  }

  if (s.rpcPorts && (s.rpcPorts.to - s.rpcPorts.from + 1 < 20 || s.rpcPorts.from < 5000)) {
    out.push({
      finding: makeFinding('RPC_RANGE_SMALL', { server: name, from: s.rpcPorts.from, to: s.rpcPorts.to }, [
        s.id,
      ]),
      concerns: [],
    });
  }

  if (runsService(s, 'internetMail') && deliversItself && s.smartHost === null && s.dns === null) {
    out.push({ finding: makeFinding('IMS_WITHOUT_DNS', { server: name }, [s.id]), concerns: [] });
  }
}

/** CLIENT_WITHOUT_SERVER for a node whose `reference` names no usable node. */
function withoutServer(
  index: PlanIndex,
  user: ServerUser,
  node: PlanNode,
  reference: string | null,
  concerns: string[],
): DraftFinding {
  const referenced = reference === null ? undefined : index.nodes.get(reference);
  return {
    finding: makeFinding(
      'CLIENT_WITHOUT_SERVER',
      {
        user,
        client: index.nameOf(node.id),
        reference,
        referenced: referenced ? index.nameOf(referenced.id) : null,
      },
      referenced && referenced.id !== node.id ? [node.id, referenced.id] : [node.id],
    ),
    concerns,
  };
}

/** A client or news host and the version and services of its server (KB 176466, KB 175440, KB 174199). */
function protocolFindings(
  index: PlanIndex,
  user: PlanNode,
  s: ServerNode,
  protocol: UsedProtocol,
  concerns: string[],
  out: DraftFinding[],
): void {
  const client = index.nameOf(user.id);
  const server = index.nameOf(s.id);
  const subjects = [user.id, s.id];
  const needs = PROTOCOL_SINCE[protocol];
  if (VERSION_RANK[s.exchange] < VERSION_RANK[needs]) {
    out.push({
      finding: makeFinding(
        'PROTOCOL_NOT_IN_VERSION',
        { client, server, protocol, exchange: s.exchange, needs },
        subjects,
      ),
      concerns,
    });
  }
  const service = protocol === 'newsfeed' ? 'nntp' : protocol;
  if (
    (service === 'pop3' || service === 'imap4' || service === 'ldap' || service === 'nntp') &&
    !s.services[service]
  ) {
    out.push({ finding: makeFinding('PROTOCOL_DISABLED', { client, server, protocol }, subjects), concerns });
  }
}

function clientFindings(index: PlanIndex, c: ClientNode, out: DraftFinding[]): void {
  const rel = `rel:client:${c.id}`;
  const target = clientTarget(index, c);
  if (!target) {
    out.push(withoutServer(index, c.protocol === 'web' ? 'web' : 'client', c, c.server, [rel]));
    return;
  }
  if (target.type === 'owa') {
    if (c.auth === 'ntlm') {
      out.push({
        finding: makeFinding('OWA_NTLM', { client: index.nameOf(c.id), owa: index.nameOf(target.id) }, [
          c.id,
          target.id,
        ]),
        concerns: [],
      });
    }
    return;
  }
  if (target.type !== 'server') return;
  protocolFindings(index, c, target, c.protocol, [rel], out);
  const clientName = index.nameOf(c.id);
  const serverName = index.nameOf(target.id);
  if (c.protocol === 'ldap' && c.auth === 'ntlm' && target.exchange !== '5.5') {
    out.push({
      finding: makeFinding(
        'AUTH_NOT_IN_VERSION',
        { client: clientName, server: serverName, exchange: target.exchange },
        [c.id, target.id],
      ),
      concerns: [rel],
    });
  }
  const m =
    (c.protocol === 'pop3' || c.protocol === 'imap4') && c.sendsMail
      ? clientMailServer(index, c, target.id)
      : undefined;
  if (m?.type === 'server' && !runsService(m, 'internetMail')) {
    out.push({
      finding: makeFinding(
        'NO_INTERNET_MAIL',
        { client: clientName, server: index.nameOf(m.id), protocol: c.protocol as ClientProtocol },
        [c.id, m.id],
      ),
      // Only the SMTP flow is broken; the client still retrieves mail.
      concerns: [`${rel}:SMTP`],
    });
  }
}

/** Findings that follow from the plan alone, before any path is known. */
export function planFindings(index: PlanIndex): DraftFinding[] {
  const out: DraftFinding[] = [];
  const nodes = index.plan.nodes;
  const deliversItself = nodes.some((n) => n.type === 'smtpHost' && n.direction !== 'inbound');
  const anyMailServer = nodes.some((n) => n.type === 'server' && runsService(n, 'internetMail'));
  for (const node of nodes) {
    switch (node.type) {
      case 'server':
        serverFindings(index, node, deliversItself, out);
        break;
      case 'client':
        clientFindings(index, node, out);
        break;
      case 'owa': {
        const servers = node.servers.map((id) => index.serverOf(id)).filter((s) => s !== undefined);
        if (servers.length === 0) out.push(withoutServer(index, 'owa', node, null, []));
        for (const s of new Set(servers)) {
          if (s.exchange !== '4.0') continue;
          out.push({
            finding: makeFinding(
              'OWA_SERVER_VERSION',
              { owa: index.nameOf(node.id), server: index.nameOf(s.id) },
              [node.id, s.id],
            ),
            concerns: [`rel:owa:${node.id}>${s.id}`],
          });
        }
        break;
      }
      case 'newsHost': {
        const s = index.serverOf(node.server);
        if (!s) out.push(withoutServer(index, 'newsHost', node, node.server, []));
        else protocolFindings(index, node, s, 'newsfeed', [`rel:news:${node.id}`], out);
        break;
      }
      case 'smtpHost':
        if (node.direction !== 'outbound' && !anyMailServer) {
          out.push({
            finding: makeFinding('NO_INTERNET_MAIL_SERVER', { host: index.nameOf(node.id) }, [node.id]),
            concerns: [],
          });
        }
        break;
      default:
        break;
    }
  }
  connectorFindings(index, out);
  return out;
}

function connectorFindings(index: PlanIndex, out: DraftFinding[]): void {
  for (const k of index.plan.connectors) {
    const concerns = [`rel:connector:${k.id}`];
    // A connector is named only when the user named it; its id means nothing to a reader.
    const connector = k.name ? ` ${k.name}` : '';
    if (k.type === 'site') {
      if (k.a === k.b) {
        const site = index.nameOf(k.a);
        out.push({
          finding: makeFinding('CONNECTOR_SAME_SITE', { connector, type: 'site', a: site, b: site, site }, [
            k.a,
            k.id,
          ]),
          concerns,
        });
      }
      const halves = [
        { own: k.a, other: k.b, bridgehead: k.bridgeheadA, targets: k.targetsA },
        { own: k.b, other: k.a, bridgehead: k.bridgeheadB, targets: k.targetsB },
      ];
      for (const half of halves) {
        const misplaced = (id: string, role: 'bridgehead' | 'target', site: string) => {
          const s = index.serverOf(id);
          if (!s || s.site === site) return;
          out.push({
            finding: makeFinding(
              'CONNECTOR_SERVER_NOT_IN_SITE',
              {
                connector,
                role,
                server: index.nameOf(s.id),
                serverSite: index.nameOf(s.site),
                halfSite: index.nameOf(half.own),
                otherSite: index.nameOf(half.other),
              },
              [s.id, k.id],
            ),
            concerns,
          });
        };
        if (half.bridgehead !== null) misplaced(half.bridgehead, 'bridgehead', half.own);
        for (const t of new Set(half.targets)) misplaced(t, 'target', half.other);
      }
      continue;
    }
    const a = index.serverOf(k.a);
    const b = index.serverOf(k.b);
    if (!a || !b || a === b) continue;
    const subjects = [a.id, b.id, k.id];
    if (a.site === b.site) {
      out.push({
        finding: makeFinding(
          'CONNECTOR_SAME_SITE',
          {
            connector,
            type: k.type,
            a: index.nameOf(a.id),
            b: index.nameOf(b.id),
            site: index.nameOf(a.site),
          },
          subjects,
        ),
        concerns,
      });
    }
    if (rfc1006Port(a) !== rfc1006Port(b)) {
      out.push({
        finding: makeFinding(
          'RFC1006_PORT_MISMATCH',
          {
            connector,
            a: index.nameOf(a.id),
            aPort: rfc1006Port(a),
            b: index.nameOf(b.id),
            bPort: rfc1006Port(b),
          },
          subjects,
        ),
        concerns,
      });
    }
  }
}

/** Adds each of `items` to the set under `key`. */
function collect(map: Map<string, Set<string>>, key: string, items: readonly string[]): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  for (const item of items) set.add(item);
}

/**
 * Findings that need the routed flows (SPEC §4, §5): unreachable pairs,
 * dynamic RPC and RPC through address translation, the MTA bind-back of 5.5
 * before SP2, endpoints without an address, UDP notifications, unused firewalls.
 */
export function routeFindings(
  index: PlanIndex,
  flows: readonly Flow[],
  flowsByFirewall: ReadonlyMap<string, readonly number[]>,
): DraftFinding[] {
  const out: DraftFinding[] = [];
  const byName = (x: string, y: string) =>
    compareStrings(index.nameOf(x), index.nameOf(y)) || compareStrings(x, y);
  const sortedNames = (ids: Iterable<string>) => [...ids].sort(byName);
  const unreachable = new Set<string>();
  const dynamic = new Set<string>();
  const nat = new Set<string>();
  const natFirewalls = new Set(
    index.plan.nodes.filter((n) => n.type === 'firewall' && n.nat).map((n) => n.id),
  );
  const mapiClients = new Map<string, { server: string; firewalls: Set<string> }>();
  const mtaReply = new Map<string, Set<string>>();
  const unaddressed = new Map<string, Set<string>>();

  for (const flow of flows) {
    if (!flow.routed) {
      const key = pairKey(flow.source, flow.destination);
      if (unreachable.has(key)) continue;
      unreachable.add(key);
      const [x, y] = sortedNames([flow.source, flow.destination]) as [string, string];
      out.push({
        finding: makeFinding('NO_NETWORK_PATH', { a: index.nameOf(x), b: index.nameOf(y) }, [x, y]),
        concerns: [key],
      });
      continue;
    }
    if (flow.firewalls.length === 0) continue;
    const rpc = flow.rpc;
    if (flow.dynamic && rpc && rpc !== 'endpointMapper' && rpc !== 'reply') {
      const server = index.serverOf(flow.destination);
      for (const fw of flow.firewalls) {
        const key = `${fw}|${flow.destination}|${rpc}`;
        if (!server || dynamic.has(key)) continue;
        dynamic.add(key);
        out.push({
          finding: makeFinding(
            'DYNAMIC_RPC_PORTS',
            {
              firewall: index.nameOf(fw),
              server: index.nameOf(server.id),
              rpc,
              exchange: server.exchange,
              servicePack: server.servicePack,
              range: flow.ports,
              narrowed: server.rpcPorts !== null,
            },
            [fw, server.id],
          ),
          concerns: [],
        });
      }
    }
    if (rpc && natFirewalls.size > 0) {
      for (const fw of flow.firewalls) {
        if (!natFirewalls.has(fw)) continue;
        const [x, y] = sortedNames([flow.source, flow.destination]) as [string, string];
        const key = `${fw}|${x}|${y}`;
        if (nat.has(key)) continue;
        nat.add(key);
        out.push({
          finding: makeFinding(
            'RPC_THROUGH_NAT',
            { firewall: index.nameOf(fw), a: index.nameOf(x), b: index.nameOf(y) },
            [x, y, fw],
          ),
          concerns: [rpcPairKey(x, y)],
        });
      }
    }
    if (flow.relationship.kind === 'siteConnector') {
      for (const end of [flow.source, flow.destination]) {
        const s = index.serverOf(end);
        if (s && s.exchange === '5.5' && s.servicePack < 2 && s.staticPorts.mta !== null) {
          collect(mtaReply, s.id, flow.firewalls);
        }
      }
    }
    for (const end of [flow.source, flow.destination]) {
      const node = index.nodes.get(end);
      if (node && 'address' in node && node.address === null) collect(unaddressed, end, flow.firewalls);
    }
    const r = flow.relationship;
    if (r.kind === 'client' && r.protocol === 'mapi') {
      const c = index.nodes.get(r.client);
      if (c?.type === 'client' && c.notifications) continue;
      let entry = mapiClients.get(r.client);
      if (!entry) {
        entry = { server: r.server, firewalls: new Set() };
        mapiClients.set(r.client, entry);
      }
      for (const fw of flow.firewalls) entry.firewalls.add(fw);
    }
  }

  for (const [serverId, firewalls] of mtaReply) {
    const s = index.serverOf(serverId) as ServerNode;
    const crossed = sortedNames(firewalls);
    out.push({
      finding: makeFinding(
        'STATIC_MTA_PORT_REPLY',
        {
          server: index.nameOf(s.id),
          servicePack: s.servicePack,
          port: s.staticPorts.mta as number,
          firewalls: crossed.map(index.nameOf),
        },
        [s.id, ...crossed],
      ),
      concerns: [mtaReplyKey(s.id)],
    });
  }

  for (const [endpoint, firewalls] of unaddressed) {
    const crossed = sortedNames(firewalls);
    out.push({
      finding: makeFinding(
        'ADDRESS_MISSING',
        { endpoint: index.nameOf(endpoint), firewalls: crossed.map(index.nameOf) },
        [endpoint, ...crossed],
      ),
      concerns: [],
    });
  }

  for (const [clientId, { server, firewalls }] of mapiClients) {
    const crossed = sortedNames(firewalls);
    out.push({
      finding: makeFinding(
        'MAPI_NOTIFICATIONS_UDP',
        {
          client: index.nameOf(clientId),
          server: index.nameOf(server),
          firewalls: crossed.map(index.nameOf),
        },
        [clientId, server, ...crossed],
      ),
      concerns: [],
    });
  }

  for (const [fw, crossing] of flowsByFirewall) {
    if (crossing.length === 0) {
      out.push({
        finding: makeFinding('FIREWALL_UNUSED', { firewall: index.nameOf(fw) }, [fw]),
        concerns: [],
      });
    }
  }
  return out;
}
