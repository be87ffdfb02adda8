/**
 * A realistic generated Exchange organization of about a given number of
 * nodes, for benchmarks and size budgets: many sites, each with a LAN, a site
 * firewall, 3–6 servers of mixed versions and clients of every protocol and
 * authentication, some on the LAN and some on the Internet; a WAN joining the
 * site firewalls; a DMZ between the WAN (through a redundant firewall pair)
 * and the Internet, holding a DNS server and a news host; Internet SMTP hosts;
 * in hub sites an Outlook Web Access server used by browsers on the Internet
 * and Administrator workstations that manage the neighbouring site; Site
 * Connectors (bridgehead to chosen targets, or every server to every server)
 * and X.400 connectors between neighbouring sites. Every endpoint has an
 * address and site firewalls name their interfaces. Deterministic for a seed. Sites are laid out as a grid
 * of rectangles, nodes inside their site, in absolute canvas coordinates.
 */
import type {
  ClientAuth,
  ClientNode,
  ClientProtocol,
  Connector,
  ExchangeVersion,
  FirewallNode,
  Link,
  OwaNode,
  Plan,
  PlanNode,
  ServerNode,
  Site,
} from '../model/types';
import { CLIENT_AUTHS, CURRENT_PLAN_VERSION, PLAN_FORMAT } from '../model/types';
import { pick, randomInt, seededRandom } from './random';

export interface GeneratePlanOptions {
  /** About how many nodes the plan should have (at least the shared backbone of 8). */
  nodes: number;
  seed?: number;
}

const CITIES = [
  'Amsterdam',
  'Utrecht',
  'Rotterdam',
  'Eindhoven',
  'Groningen',
  'Antwerp',
  'Brussels',
  'Ghent',
  'Cologne',
  'Hamburg',
  'Berlin',
  'Munich',
  'Paris',
  'Lyon',
  'London',
  'Leeds',
  'Dublin',
  'Madrid',
  'Lisbon',
  'Milan',
  'Vienna',
  'Prague',
  'Warsaw',
  'Oslo',
  'Stockholm',
  'Helsinki',
  'Zürich',
  'Geneva',
];

export const SITE_WIDTH = 760;
export const SITE_HEIGHT = 480;
const SITE_GAP = 140;
/** Height of the band above the site grid where the WAN, DMZ and Internet are drawn. */
const BACKBONE_HEIGHT = 360;
const NODE_SPACING = 118;
const CLIENTS_PER_ROW = 6;

/** Protocols each version offers (KB 176466): POP3, LDAP, NNTP from 5.0, IMAP4 from 5.5. */
const PROTOCOLS: Readonly<Record<ExchangeVersion, readonly Exclude<ClientProtocol, 'admin' | 'web'>[]>> = {
  '4.0': ['mapi'],
  '5.0': ['mapi', 'mapi', 'pop3', 'ldap', 'nntp'],
  '5.5': ['mapi', 'mapi', 'pop3', 'imap4', 'imap4', 'ldap', 'nntp'],
};

const BACKBONE_NODES = 8;

/** A generated organization of about `nodes` nodes; the same seed gives the same plan. */
export function generatePlan({ nodes: target, seed = 1 }: GeneratePlanOptions): Plan {
  const random = seededRandom(seed);
  const sites: Site[] = [];
  const nodes: PlanNode[] = [];
  const links: Link[] = [];
  const connectors: Connector[] = [];
  const addLink = (
    a: string,
    b: string,
    aInterface: string | null = null,
    bInterface: string | null = null,
  ) => links.push({ id: `l${links.length + 1}`, a, b, aInterface, bInterface });
  const firewall = (
    id: string,
    name: string,
    position: { x: number; y: number },
    site?: string,
  ): FirewallNode =>
    site === undefined
      ? { id, type: 'firewall', name, nat: false, position }
      : { id, type: 'firewall', name, nat: false, site, position };

  // Sites first, to know the grid; each holds a LAN, a firewall, servers and clients.
  const averageSite = 2 + 4.5 + 9;
  const siteCount = Math.max(1, Math.min(500, Math.round((target - BACKBONE_NODES) / averageSite)));
  const columns = Math.ceil(Math.sqrt(siteCount));
  const gridWidth = columns * (SITE_WIDTH + SITE_GAP) - SITE_GAP;

  // The shared backbone, drawn in a band above the grid.
  const band = (share: number, row: number) => ({
    x: Math.round(gridWidth * share),
    y: row * 120,
  });
  nodes.push(
    { id: 'internet', type: 'network', name: 'Internet', address: 'any', position: band(0.5, 0) },
    {
      id: 'internet-smtp',
      type: 'smtpHost',
      name: 'Internet SMTP hosts',
      address: 'any',
      direction: 'both',
      position: band(0.3, 0),
    },
    firewall('fw-internet', 'FW-INTERNET', band(0.5, 1)),
    { id: 'dmz', type: 'network', name: 'DMZ', address: '192.0.2.0/24', position: band(0.35, 1) },
    {
      id: 'partner-relay',
      type: 'smtpHost',
      name: 'Partner relay',
      address: '192.0.2.25',
      direction: 'inbound',
      position: band(0.2, 1),
    },
    firewall('fw-dmz-a', 'FW-DMZ-A', band(0.4, 2)),
    firewall('fw-dmz-b', 'FW-DMZ-B', band(0.6, 2)),
    { id: 'wan', type: 'network', name: 'Corporate WAN', address: '10.0.0.0/8', position: band(0.5, 2.6) },
    { id: 'dns1', type: 'dns', name: 'DNS01', address: '192.0.2.53', position: band(0.25, 1.5) },
    {
      id: 'isp-news',
      type: 'newsHost',
      name: 'ISP news',
      address: '198.51.100.119',
      server: null,
      feed: 'both',
      position: band(0.15, 0),
    },
  );
  addLink('internet-smtp', 'internet');
  addLink('internet', 'fw-internet', null, 'outside');
  addLink('fw-internet', 'dmz', 'dmz');
  addLink('partner-relay', 'dmz');
  addLink('dns1', 'dmz');
  addLink('isp-news', 'internet');
  addLink('dmz', 'fw-dmz-a', null, 'dmz');
  addLink('dmz', 'fw-dmz-b', null, 'dmz');
  addLink('fw-dmz-a', 'wan', 'wan');
  addLink('fw-dmz-b', 'wan', 'wan');

  const siteServers: ServerNode[][] = [];
  for (let i = 0; i < siteCount; i++) {
    const left = target - nodes.length;
    if (i > 0 && left < 5) break;
    const city = CITIES[i % CITIES.length] as string;
    const round = Math.floor(i / CITIES.length);
    const siteName = round === 0 ? city : `${city} ${round + 1}`;
    const code = `${city.slice(0, 3).toUpperCase()}${round === 0 ? '' : round + 1}`;
    const siteId = `site${i + 1}`;
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x0 = col * (SITE_WIDTH + SITE_GAP);
    const y0 = BACKBONE_HEIGHT + row * (SITE_HEIGHT + SITE_GAP);
    sites.push({
      id: siteId,
      name: siteName,
      position: { x: x0, y: y0 },
      size: { width: SITE_WIDTH, height: SITE_HEIGHT },
    });
    const at = (x: number, y: number) => ({ x: x0 + x, y: y0 + y });

    const lan = `${siteId}-lan`;
    const fw = `${siteId}-fw`;
    const net = `10.${Math.floor(i / 250)}.${i % 250}`;
    nodes.push(firewall(fw, `FW-${code}`, at(SITE_WIDTH / 2 - 60, 30), siteId), {
      id: lan,
      type: 'network',
      name: `${siteName} LAN`,
      site: siteId,
      address: `${net}.0/24`,
      position: at(SITE_WIDTH / 2 - 60, 130),
    });
    addLink(fw, 'wan', 'outside');
    addLink(lan, fw, null, 'inside');

    const serverCount = Math.max(1, Math.min(randomInt(random, 3, 6), left - 2));
    const hub = i % 3 === 0;
    const servers: ServerNode[] = [];
    for (let j = 0; j < serverCount; j++) {
      const s = makeServer(
        random,
        `${siteId}-ex${j + 1}`,
        `EX${code}${String(j + 1).padStart(2, '0')}`,
        siteId,
        `${net}.${10 + j}`,
      );
      // Hub sites run the Internet Mail Service on their first server, which asks the DMZ's DNS server.
      s.services.internetMail = hub && j === 0;
      if (s.services.internetMail) s.dns = 'dns1';
      s.position = at(20 + j * NODE_SPACING, 240);
      servers.push(s);
      nodes.push(s);
      addLink(s.id, lan);
    }
    siteServers.push(servers);
    const mailServer = servers.find((s) => s.services.internetMail);

    const clientCount = Math.max(0, Math.min(randomInt(random, 6, 12), target - nodes.length));
    for (let j = 0; j < clientCount; j++) {
      const home = pick(random, servers);
      const protocol = pick(
        random,
        PROTOCOLS[home.exchange].filter((p) => p === 'mapi' || home.services[p]),
      );
      // Internet clients that send mail use the site's Internet Mail server when there is one.
      const sends = protocol === 'pop3' || protocol === 'imap4';
      const s = sends && mailServer?.services[protocol] ? mailServer : home;
      const remote = random() < 0.25;
      const auth: ClientAuth = pick(
        random,
        protocol === 'ldap' && s.exchange !== '5.5' ? ['basic', 'ssl'] : CLIENT_AUTHS,
      );
      const c: ClientNode = {
        id: `${siteId}-c${j + 1}`,
        type: 'client',
        name: `${siteName} ${remote ? 'remote ' : ''}${protocol.toUpperCase()} users ${j + 1}`,
        site: siteId,
        address: remote ? 'any' : `${net}.${100 + j}`,
        protocol,
        auth,
        server: s.id,
        sendsMail: sends && s.services.internetMail && random() < 0.8,
        smtpServer: null,
        notifications: protocol === 'mapi' && !remote && random() < 0.5,
        position: at(20 + (j % CLIENTS_PER_ROW) * NODE_SPACING, 340 + Math.floor(j / CLIENTS_PER_ROW) * 70),
      };
      nodes.push(c);
      // Remote users come in from the Internet through the DMZ and the WAN.
      addLink(c.id, remote ? 'internet' : lan);
    }

    // Hub sites publish Outlook Web Access to browsers on the Internet, and manage a neighbour.
    const owaServers = servers.filter((s) => s.exchange !== '4.0').slice(0, 2);
    if (hub && owaServers.length > 0 && target - nodes.length >= 3) {
      const o: OwaNode = {
        id: `${siteId}-owa`,
        type: 'owa',
        name: `OWA-${code}`,
        site: siteId,
        address: `${net}.80`,
        exchange: '5.5',
        servers: owaServers.map((s) => s.id),
        position: at(SITE_WIDTH - 130, 130),
      };
      nodes.push(o, {
        id: `${siteId}-web`,
        type: 'client',
        name: `${siteName} web users`,
        site: siteId,
        address: 'any',
        protocol: 'web',
        auth: 'ssl',
        server: o.id,
        sendsMail: false,
        smtpServer: null,
        notifications: false,
        position: at(SITE_WIDTH - 130, 40),
      });
      addLink(o.id, lan);
      addLink(`${siteId}-web`, 'internet');
      const managed = siteServers[i - 1]?.[0] ?? (servers[0] as ServerNode);
      nodes.push({
        id: `${siteId}-adm`,
        type: 'client',
        name: `${siteName} administrators`,
        site: siteId,
        address: `${net}.200`,
        protocol: 'admin',
        auth: 'basic',
        server: managed.id,
        sendsMail: false,
        smtpServer: null,
        notifications: false,
        position: at(20, SITE_HEIGHT - 60),
      });
      addLink(`${siteId}-adm`, lan);
    }
  }
  const newsServer = nodes.find((n) => n.type === 'server' && n.exchange !== '4.0' && n.services.nntp);
  const news = nodes.find((n) => n.id === 'isp-news');
  if (news?.type === 'newsHost' && newsServer) news.server = newsServer.id;

  // Connectors join each site to its right-hand neighbour, and the first column downwards.
  const count = sites.length;
  for (let i = 0; i < count; i++) {
    const neighbours = [];
    if ((i + 1) % columns !== 0 && i + 1 < count) neighbours.push(i + 1);
    if (i % columns === 0 && i + columns < count) neighbours.push(i + columns);
    for (const j of neighbours) {
      const from = siteServers[i] as ServerNode[];
      const into = siteServers[j] as ServerNode[];
      const id = `k${connectors.length + 1}`;
      const roll = random();
      if (roll < 0.5) {
        connectors.push({ id, type: 'x400', a: (from[0] as ServerNode).id, b: (into[0] as ServerNode).id });
      } else if (roll < 0.65) {
        // Every server of each site sends to every server of the other (the defaults).
        connectors.push({
          id,
          type: 'site',
          a: sites[i]?.id as string,
          b: sites[j]?.id as string,
          bridgeheadA: null,
          targetsA: [],
          bridgeheadB: null,
          targetsB: [],
        });
      } else {
        // A messaging bridgehead on each side sends to the first two servers of the other.
        connectors.push({
          id,
          type: 'site',
          a: sites[i]?.id as string,
          b: sites[j]?.id as string,
          bridgeheadA: (from[0] as ServerNode).id,
          targetsA: into.slice(0, 2).map((s) => s.id),
          bridgeheadB: (into[0] as ServerNode).id,
          targetsB: from.slice(0, 2).map((s) => s.id),
        });
      }
    }
  }

  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: `Generated organization (${nodes.length} nodes, seed ${seed})`,
    sites,
    nodes,
    links,
    connectors,
    notes: [],
  };
}

function makeServer(
  random: () => number,
  id: string,
  name: string,
  site: string,
  address: string,
): ServerNode {
  const roll = random();
  const exchange: ExchangeVersion = roll < 0.6 ? '5.5' : roll < 0.85 ? '5.0' : '4.0';
  const servicePack =
    exchange === '4.0' ? randomInt(random, 2, 5) : randomInt(random, 0, exchange === '5.5' ? 4 : 2);
  const internetProtocols = exchange !== '4.0';
  const fixed = random() < 0.4;
  // The MTA port can be fixed only from 4.0 SP4 on (KB 161931); most static ports lie above 5000 (KB 155831).
  // Exchange 5.5 before SP2 does not bind back on a static MTA port (KB 191594), so those stay dynamic.
  const mtaFixed =
    fixed &&
    (exchange !== '4.0' || servicePack >= 4) &&
    (exchange !== '5.5' || servicePack >= 2) &&
    random() < 0.7;
  const base = random() < 0.05 ? 4000 : 6000;
  return {
    id,
    type: 'server',
    name,
    site,
    address,
    exchange,
    servicePack,
    services: {
      pop3: internetProtocols,
      imap4: exchange === '5.5',
      ldap: internetProtocols,
      nntp: internetProtocols && random() < 0.8,
      internetMail: false,
    },
    staticPorts: {
      directory: fixed ? base + 1 : null,
      store: fixed ? base + 2 : null,
      mta: mtaFixed ? base + 3 : null,
      systemAttendant: fixed ? base + 4 : null,
    },
    rfc1006Port: 102,
    ldapPort: 389,
    // Servers whose RPC ports stay dynamic often narrow the range instead (KB 154596).
    rpcPorts: !fixed && random() < 0.5 ? { from: 5000, to: 5100 } : null,
    smartHost: null,
    dns: null,
  };
}
