/**
 * Detects the findings of SPEC.md §5. Each finding also carries the keys of
 * the relationships or flows it concerns, so that `analyzePlan` can mark the
 * flows an error breaks.
 */
import { DEFAULT_RFC1006_PORT } from '../model/defaults';
import { PROTOCOL_TRAITS } from '../model/kinds';
import type { ServerNode } from '../model/types';
import { compareStrings } from './compare';
import type { StaticRpcService } from './findingCatalog';
import { makeFinding, RPC_PORT_LABEL } from './findingCatalog';
import type { PlanIndex } from './planIndex';
import type { Finding, Flow, Relationship } from './types';
import { LDAP_NTLM_SINCE, offersAuth, offersProtocol, offersStaticPort, PROTOCOL_SINCE } from './versions';

export interface DraftFinding {
  finding: Finding;
  /** Keys of what the finding breaks (see `flowConcerns`); empty when it breaks no flow. */
  concerns: string[];
}

const STATIC_RPC: readonly StaticRpcService[] = ['directory', 'store', 'mta'];
const X400_SERVICE = 'X.400 (RFC1006)';

function relationshipKey(r: Relationship): string {
  switch (r.kind) {
    case 'client':
      return `client:${r.client}`;
    case 'intrasite':
      return `intrasite:${r.from}>${r.to}`;
    case 'siteConnector':
    case 'x400Connector':
      return `connector:${r.connector}`;
    case 'smtpHost':
      return `smtp:${r.host}>${r.server}`;
  }
}

function pairKey(x: string, y: string): string {
  return x < y ? `pair:${x}|${y}` : `pair:${y}|${x}`;
}

function destinationKey(server: string, what: StaticRpcService | 'x400'): string {
  return `dest:${server}:${what}`;
}

/** The keys under which findings may concern this flow. */
export function flowConcerns(
  flow: Pick<Flow, 'source' | 'destination' | 'service' | 'rpc' | 'relationship'>,
) {
  const rel = `rel:${relationshipKey(flow.relationship)}`;
  const keys = [rel, `${rel}:${flow.service}`, pairKey(flow.source, flow.destination)];
  if (flow.rpc && flow.rpc !== 'endpointMapper') keys.push(destinationKey(flow.destination, flow.rpc));
  if (flow.service === X400_SERVICE) keys.push(destinationKey(flow.destination, 'x400'));
  return keys;
}

/** Well-known ports of the services a server runs (KB 176466, scenarios 1–3 and the NNTP section; KB 175440 for 563). */
function serviceClaims(s: ServerNode): [number, string][] {
  const claims: [number, string][] = [
    [135, 'the RPC endpoint mapper'],
    [s.rfc1006Port, 'the MTA for X.400 (RFC1006)'],
  ];
  if (s.services.internetMail) claims.push([25, 'SMTP (Internet Mail Service)']);
  if (s.services.pop3) claims.push([110, 'POP3'], [995, 'POP3 over SSL']);
  if (s.services.imap4) claims.push([143, 'IMAP4'], [993, 'IMAP4 over SSL']);
  if (s.services.ldap) claims.push([389, 'LDAP'], [636, 'LDAP over SSL']);
  if (s.services.nntp) claims.push([119, 'NNTP'], [563, 'NNTP over SSL']);
  return claims;
}

function staticLabel(rpc: StaticRpcService): string {
  return `the static ${RPC_PORT_LABEL[rpc]}`;
}

/** Findings about one server's own settings (KB 161931, KB 180795, KB 194952, KB 155831). */
function serverFindings(index: PlanIndex, s: ServerNode, out: DraftFinding[]): void {
  const name = index.nameOf(s.id);
  if (!offersStaticPort(s, 'mta') && s.staticPorts.mta !== null) {
    out.push({
      finding: makeFinding(
        'FEATURE_NOT_IN_VERSION',
        { server: name, servicePack: s.servicePack, feature: 'mta', port: s.staticPorts.mta },
        [s.id],
      ),
      concerns: [destinationKey(s.id, 'mta')],
    });
  }
  if (!offersStaticPort(s, 'rfc1006') && s.rfc1006Port !== DEFAULT_RFC1006_PORT) {
    out.push({
      finding: makeFinding(
        'FEATURE_NOT_IN_VERSION',
        { server: name, servicePack: s.servicePack, feature: 'rfc1006', port: s.rfc1006Port },
        [s.id],
      ),
      concerns: [destinationKey(s.id, 'x400')],
    });
  }

  const statics = STATIC_RPC.flatMap((rpc) => {
    const port = s.staticPorts[rpc];
    return port === null ? [] : [{ rpc, port }];
  });
  if (statics.length === 0) return;

  for (const { rpc, port } of statics) {
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

  // Everything that wants a port on this server; a port wanted twice by a static RPC port is a conflict.
  const wanted = new Map<number, { claimants: string[]; rpcs: StaticRpcService[] }>();
  const want = (port: number, claimant: string, rpc?: StaticRpcService) => {
    let entry = wanted.get(port);
    if (!entry) {
      entry = { claimants: [], rpcs: [] };
      wanted.set(port, entry);
    }
    if (!entry.claimants.includes(claimant)) entry.claimants.push(claimant);
    if (rpc) entry.rpcs.push(rpc);
  };
  for (const { rpc, port } of statics) want(port, staticLabel(rpc), rpc);
  for (const [port, claimant] of serviceClaims(s)) if (wanted.has(port)) want(port, claimant);
  for (const [port, entry] of [...wanted].sort((x, y) => x[0] - y[0])) {
    if (entry.rpcs.length === 0 || entry.claimants.length < 2) continue;
    out.push({
      finding: makeFinding('STATIC_PORT_CONFLICT', { server: name, port, claimants: entry.claimants }, [
        s.id,
      ]),
      concerns: entry.rpcs.map((rpc) => destinationKey(s.id, rpc)),
    });
  }
}

/** Findings that follow from the plan alone, before any path is known. */
export function planFindings(index: PlanIndex): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const node of index.plan.nodes) {
    if (node.type === 'server') serverFindings(index, node, out);
    if (node.type !== 'client') continue;

    const clientName = index.nameOf(node.id);
    const s = index.serverOf(node.server);
    const rel = `rel:client:${node.id}`;
    if (!s) {
      const referenced = node.server === null ? undefined : index.nodes.get(node.server);
      out.push({
        finding: makeFinding(
          'CLIENT_WITHOUT_SERVER',
          {
            client: clientName,
            reference: node.server,
            referenced: referenced ? index.nameOf(referenced.id) : null,
          },
          referenced && referenced.id !== node.id ? [node.id, referenced.id] : [node.id],
        ),
        concerns: [rel],
      });
      continue;
    }
    const serverName = index.nameOf(s.id);
    const subjects = [node.id, s.id];
    if (!offersProtocol(s, node.protocol)) {
      const needs = PROTOCOL_SINCE[node.protocol];
      out.push({
        finding: makeFinding(
          'PROTOCOL_NOT_IN_VERSION',
          { client: clientName, server: serverName, protocol: node.protocol, exchange: s.exchange, needs },
          subjects,
        ),
        concerns: [rel],
      });
    }
    if (!offersAuth(s, node.protocol, node.auth)) {
      out.push({
        finding: makeFinding(
          'AUTH_NOT_IN_VERSION',
          { client: clientName, server: serverName, exchange: s.exchange, needs: LDAP_NTLM_SINCE },
          subjects,
        ),
        concerns: [rel],
      });
    }
    if (node.protocol !== 'mapi' && !s.services[node.protocol]) {
      out.push({
        finding: makeFinding(
          'PROTOCOL_DISABLED',
          { client: clientName, server: serverName, protocol: node.protocol },
          subjects,
        ),
        concerns: [rel],
      });
    }
    if (PROTOCOL_TRAITS[node.protocol].sendsMail && node.sendsMail && !s.services.internetMail) {
      out.push({
        finding: makeFinding(
          'NO_INTERNET_MAIL',
          { client: clientName, server: serverName, protocol: node.protocol },
          subjects,
        ),
        // Only the SMTP flow is broken; the client still retrieves mail.
        concerns: [`${rel}:SMTP`],
      });
    }
  }

  for (const k of index.plan.connectors) {
    const a = index.serverOf(k.a);
    const b = index.serverOf(k.b);
    if (!a || !b || a === b) continue;
    const subjects = [a.id, b.id, k.id];
    const concerns = [`rel:connector:${k.id}`];
    // A connector is named only when the user named it; its id means nothing to a reader.
    const connector = k.name ? ` ${k.name}` : '';
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
    if (k.type === 'x400' && a.rfc1006Port !== b.rfc1006Port) {
      out.push({
        finding: makeFinding(
          'RFC1006_PORT_MISMATCH',
          {
            connector,
            a: index.nameOf(a.id),
            aPort: a.rfc1006Port,
            b: index.nameOf(b.id),
            bPort: b.rfc1006Port,
          },
          subjects,
        ),
        concerns,
      });
    }
  }
  return out;
}

/** Findings that need the routed flows (SPEC §4, §5): unreachable pairs, dynamic RPC through firewalls, UDP notifications, unused firewalls. */
export function routeFindings(
  index: PlanIndex,
  flows: readonly Flow[],
  flowsByFirewall: ReadonlyMap<string, readonly number[]>,
): DraftFinding[] {
  const out: DraftFinding[] = [];
  const byName = (x: string, y: string) =>
    compareStrings(index.nameOf(x), index.nameOf(y)) || compareStrings(x, y);
  const unreachable = new Set<string>();
  const dynamic = new Set<string>();
  const mapiClients = new Map<string, { server: string; firewalls: Set<string> }>();

  for (const flow of flows) {
    if (!flow.routed) {
      const key = pairKey(flow.source, flow.destination);
      if (unreachable.has(key)) continue;
      unreachable.add(key);
      const [x, y] = [flow.source, flow.destination].sort(byName) as [string, string];
      out.push({
        finding: makeFinding('NO_NETWORK_PATH', { a: index.nameOf(x), b: index.nameOf(y) }, [x, y]),
        concerns: [key],
      });
      continue;
    }
    const rpc = flow.rpc;
    if (rpc && rpc !== 'endpointMapper' && flow.ports.from !== flow.ports.to) {
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
            },
            [fw, server.id],
          ),
          concerns: [],
        });
      }
    }
    const r = flow.relationship;
    if (r.kind === 'client' && r.protocol === 'mapi' && flow.firewalls.length > 0) {
      let entry = mapiClients.get(r.client);
      if (!entry) {
        entry = { server: r.server, firewalls: new Set() };
        mapiClients.set(r.client, entry);
      }
      for (const fw of flow.firewalls) entry.firewalls.add(fw);
    }
  }

  for (const [clientId, { server, firewalls }] of mapiClients) {
    const crossed = [...firewalls].sort(byName);
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
