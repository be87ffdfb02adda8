/**
 * Detects the findings of SPEC.md §5 that follow from the plan alone, before
 * any path is known (routeFindings.ts has the others). Each finding also
 * carries the keys of the relationships or flows it concerns (concerns.ts),
 * so that `analyzePlan` can mark the flows an error breaks.
 */
import { DEFAULT_LDAP_PORT, DEFAULT_RFC1006_PORT } from '../model/defaults';
import { PROTOCOL_TRAITS } from '../model/kinds';
import type { ClientNode, ClientProtocol, PlanNode, ServerNode } from '../model/types';
import type { DraftFinding } from './concerns';
import { destinationKey } from './concerns';
import type { ServerUser, UsedProtocol } from './findingCatalog';
import { makeFinding, RPC_PORT_LABEL } from './findingCatalog';
import type { PlanIndex } from './planIndex';
import type { StaticRpcService } from './portInForce';
import {
  dynamicRange,
  ldapPort,
  rfc1006Port,
  runsService,
  STATIC_RPC_SERVICES,
  staticRpcPort,
} from './portInForce';
import { clientMailServer, clientTarget } from './relationships';
import {
  atLeast,
  LDAP_NTLM_SINCE,
  offersAuth,
  offersLdapPort,
  offersOwa,
  offersStaticPort,
  PROTOCOL_SINCE,
  SERVICE_SINCE,
  type ServiceName,
} from './versions';

interface Claim {
  port: number;
  claimant: string;
  /** What a conflict on this port breaks. */
  concern?: string;
}

function staticLabel(rpc: StaticRpcService): string {
  return `the static ${RPC_PORT_LABEL[rpc]}`;
}

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
    if (port !== null) claims.push({ port, claimant: staticLabel(rpc), concern: destinationKey(s.id, rpc) });
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
  if (!offersStaticPort(s, 'mta') && s.staticPorts.mta !== null) {
    const range = dynamicRange(s);
    out.push(feature('mta', s.staticPorts.mta, `${range.from}-${range.to}`, destinationKey(s.id, 'mta')));
  }
  if (!offersStaticPort(s, 'rfc1006') && s.rfc1006Port !== DEFAULT_RFC1006_PORT) {
    out.push(feature('rfc1006', s.rfc1006Port, String(rfc1006Port(s)), destinationKey(s.id, 'x400')));
  }
  if (!offersLdapPort(s) && s.ldapPort !== DEFAULT_LDAP_PORT) {
    out.push(feature('ldap', s.ldapPort, String(ldapPort(s)), destinationKey(s.id, 'ldap')));
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
  // A news host's newsfeeds are the server's NNTP service (KB 174199); MAPI is no service one turns off.
  const service: ServiceName | null =
    protocol === 'newsfeed' ? 'nntp' : protocol === 'mapi' ? null : protocol;
  const needs = protocol === 'newsfeed' ? SERVICE_SINCE.nntp : PROTOCOL_SINCE[protocol];
  if (!atLeast(s.exchange, needs)) {
    out.push({
      finding: makeFinding(
        'PROTOCOL_NOT_IN_VERSION',
        { client, server, protocol, exchange: s.exchange, needs },
        subjects,
      ),
      concerns,
    });
  }
  if (service !== null && !s.services[service]) {
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
  if (c.protocol !== 'admin' && c.protocol !== 'web')
    protocolFindings(index, c, target, c.protocol, [rel], out);
  const clientName = index.nameOf(c.id);
  const serverName = index.nameOf(target.id);
  if (!offersAuth(target, c.protocol, c.auth)) {
    out.push({
      finding: makeFinding(
        'AUTH_NOT_IN_VERSION',
        { client: clientName, server: serverName, exchange: target.exchange, needs: LDAP_NTLM_SINCE },
        [c.id, target.id],
      ),
      concerns: [rel],
    });
  }
  const m =
    PROTOCOL_TRAITS[c.protocol].sendsMail && c.sendsMail ? clientMailServer(index, c, target.id) : undefined;
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
          if (offersOwa(s)) continue;
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
