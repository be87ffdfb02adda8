/**
 * The concrete relationships of a plan (SPEC §3.2): which client uses which
 * server, which OWA server opens which Exchange server, which servers talk in
 * a site or over a connector half, which hosts exchange mail and news with
 * which server. Each comes with its two parties; the port table says what
 * flows each needs.
 */
import type { ClientNode, NewsHostNode, PlanNode, ServerNode, SmtpHostNode } from '../model/types';
import { compareStrings } from './compare';
import type { PlanIndex } from './planIndex';
import { runsService } from './portInForce';
import type { PatternKind, RelationshipPattern } from './portTable';
import type { Relationship } from './types';

/** One concrete relationship of the plan, with its two parties (see `Role`). */
export interface Instance {
  relationship: Relationship;
  a: string;
  b: string;
  client?: ClientNode;
  host?: SmtpHostNode;
  /** For an SMTP host: whether the server forwards all mail to a smart host. */
  smartHost?: boolean;
  news?: NewsHostNode;
}

const byId = <T extends { id: string }>(x: T, y: T) => compareStrings(x.id, y.id);

/** The node a client uses: an owa node for a web client, a server for the others; undefined when unusable. */
export function clientTarget(index: PlanIndex, c: ClientNode): PlanNode | undefined {
  if (c.server === null) return undefined;
  const node = index.nodes.get(c.server);
  if (!node || node.id === c.id) return undefined;
  return (c.protocol === 'web' ? node.type === 'owa' : node.type === 'server') ? node : undefined;
}

/** `m`, the node a sending pop3/imap4 client gives its mail to: its smtpServer, else its server (SPEC §3.2). */
export function clientMailServer(index: PlanIndex, c: ClientNode, server: string): PlanNode | undefined {
  if (c.smtpServer === null) return index.nodes.get(server);
  const node = index.nodes.get(c.smtpServer);
  return node && (node.type === 'server' || node.type === 'smtpHost') ? node : undefined;
}

/** The senders → targets of one half of a site connector, sorted by id (SPEC §3.2). */
export function connectorHalf(
  bySite: ReadonlyMap<string, readonly ServerNode[]>,
  index: PlanIndex,
  ownSite: string,
  otherSite: string,
  bridgehead: string | null,
  targets: readonly string[],
): { senders: readonly ServerNode[]; targets: readonly ServerNode[] } {
  let senders: readonly ServerNode[];
  if (bridgehead === null) senders = bySite.get(ownSite) ?? [];
  else {
    const b = index.serverOf(bridgehead);
    // A bridgehead outside its site sends nothing (CONNECTOR_SERVER_NOT_IN_SITE says why).
    senders = b && b.site === ownSite ? [b] : [];
  }
  let chosen: readonly ServerNode[];
  if (targets.length === 0) chosen = bySite.get(otherSite) ?? [];
  else {
    const seen = new Set<string>();
    const list: ServerNode[] = [];
    for (const id of targets) {
      const t = index.serverOf(id);
      if (!t || t.site !== otherSite || seen.has(t.id)) continue;
      seen.add(t.id);
      list.push(t);
    }
    chosen = list.sort(byId);
  }
  return { senders, targets: chosen };
}

/** Servers by site id, each list sorted by id. */
export function serversBySite(servers: readonly ServerNode[]): Map<string, ServerNode[]> {
  const bySite = new Map<string, ServerNode[]>();
  for (const s of [...servers].sort(byId)) {
    const group = bySite.get(s.site);
    if (group) group.push(s);
    else bySite.set(s.site, [s]);
  }
  return bySite;
}

/** Every relationship of the plan, by kind, in an order that does not depend on the plan's array order. */
export function instancesOf(index: PlanIndex): Record<PatternKind, Instance[]> {
  const servers: ServerNode[] = [];
  const clients: ClientNode[] = [];
  const hosts: SmtpHostNode[] = [];
  const owas: PlanNode[] = [];
  const newsHosts: NewsHostNode[] = [];
  for (const node of index.plan.nodes) {
    if (node.type === 'server') servers.push(node);
    else if (node.type === 'client') clients.push(node);
    else if (node.type === 'smtpHost') hosts.push(node);
    else if (node.type === 'owa') owas.push(node);
    else if (node.type === 'newsHost') newsHosts.push(node);
  }
  servers.sort(byId);
  clients.sort(byId);
  hosts.sort(byId);
  owas.sort(byId);
  newsHosts.sort(byId);

  const client: Instance[] = [];
  const clientMail: Instance[] = [];
  for (const c of clients) {
    // A client with no usable server has no flows (CLIENT_WITHOUT_SERVER says why).
    const s = clientTarget(index, c);
    if (!s) continue;
    const relationship: Relationship = {
      kind: 'client',
      client: c.id,
      server: s.id,
      protocol: c.protocol,
      auth: c.auth,
    };
    client.push({ relationship, a: c.id, b: s.id, client: c });
    if ((c.protocol === 'pop3' || c.protocol === 'imap4') && c.sendsMail) {
      const m = clientMailServer(index, c, s.id);
      if (m && m.id !== c.id) clientMail.push({ relationship, a: c.id, b: m.id, client: c });
    }
  }

  const owaDirectory: Instance[] = [];
  const owaServer: Instance[] = [];
  for (const o of owas) {
    if (o.type !== 'owa') continue;
    const first = index.serverOf(o.servers[0] ?? null);
    if (first) {
      owaDirectory.push({ relationship: { kind: 'owa', owa: o.id, server: first.id }, a: o.id, b: first.id });
    }
    const seen = new Set<string>();
    for (const id of [...o.servers].sort(compareStrings)) {
      const s = index.serverOf(id);
      if (!s || seen.has(id)) continue;
      seen.add(id);
      owaServer.push({ relationship: { kind: 'owa', owa: o.id, server: s.id }, a: o.id, b: s.id });
    }
  }

  const intrasite: Instance[] = [];
  const bySite = serversBySite(servers);
  for (const siteId of [...bySite.keys()].sort(compareStrings)) {
    const group = bySite.get(siteId) ?? [];
    for (const s of group) {
      for (const t of group) {
        if (s !== t)
          intrasite.push({ relationship: { kind: 'intrasite', from: s.id, to: t.id }, a: s.id, b: t.id });
      }
    }
  }

  const siteConnector: Instance[] = [];
  const x400Connector: Instance[] = [];
  for (const k of [...index.plan.connectors].sort(byId)) {
    if (k.type === 'site') {
      const halves = [
        connectorHalf(bySite, index, k.a, k.b, k.bridgeheadA, k.targetsA),
        connectorHalf(bySite, index, k.b, k.a, k.bridgeheadB, k.targetsB),
      ];
      for (const half of halves) {
        for (const s of half.senders) {
          for (const t of half.targets) {
            if (s === t) continue;
            siteConnector.push({
              relationship: { kind: 'siteConnector', connector: k.id, from: s.id, to: t.id },
              a: s.id,
              b: t.id,
            });
          }
        }
      }
    } else if (k.a !== k.b && index.serverOf(k.a) && index.serverOf(k.b)) {
      x400Connector.push({ relationship: { kind: 'x400Connector', connector: k.id }, a: k.a, b: k.b });
    }
  }

  const smtpHost: Instance[] = [];
  const smartHost: Instance[] = [];
  const dns: Instance[] = [];
  const mailServers = servers.filter((s) => runsService(s, 'internetMail'));
  for (const h of hosts) {
    for (const s of mailServers) {
      smtpHost.push({
        relationship: { kind: 'smtpHost', host: h.id, server: s.id },
        a: h.id,
        b: s.id,
        host: h,
        smartHost: s.smartHost !== null,
      });
    }
  }
  const deliversItself = hosts.some((h) => h.direction !== 'inbound');
  for (const s of mailServers) {
    const host = s.smartHost === null ? undefined : index.nodes.get(s.smartHost);
    if (host?.type === 'smtpHost') {
      smartHost.push({
        relationship: { kind: 'smartHost', server: s.id, host: host.id },
        a: s.id,
        b: host.id,
      });
    }
    const resolver = s.dns === null ? undefined : index.nodes.get(s.dns);
    if (s.smartHost === null && deliversItself && resolver?.type === 'dns') {
      dns.push({ relationship: { kind: 'dns', server: s.id, dns: resolver.id }, a: s.id, b: resolver.id });
    }
  }

  const newsHost: Instance[] = [];
  for (const n of newsHosts) {
    const s = index.serverOf(n.server);
    if (!s) continue;
    newsHost.push({
      relationship: { kind: 'newsHost', host: n.id, server: s.id },
      a: n.id,
      b: s.id,
      news: n,
    });
  }
  return {
    client,
    clientMail,
    owaDirectory,
    owaServer,
    intrasite,
    siteConnector,
    x400Connector,
    smtpHost,
    smartHost,
    dns,
    newsHost,
  };
}

export function matches(pattern: RelationshipPattern, instance: Instance): boolean {
  switch (pattern.kind) {
    case 'client': {
      const c = instance.client;
      return (
        c !== undefined &&
        c.protocol === pattern.protocol &&
        pattern.auths.includes(c.auth) &&
        (pattern.notifications === undefined || c.notifications)
      );
    }
    case 'clientMail':
      return instance.client?.protocol === pattern.protocol;
    case 'smtpHost':
      return (
        instance.host !== undefined &&
        pattern.directions.includes(instance.host.direction) &&
        !(pattern.withoutSmartHost && instance.smartHost)
      );
    case 'newsHost':
      return instance.news !== undefined && pattern.feeds.includes(instance.news.feed);
    default:
      return true;
  }
}
