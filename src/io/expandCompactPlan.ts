import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from '../model/types';
import { addressReader } from './compactAddress';
import {
  asCode,
  asCount,
  asNullableNumber,
  asNumber,
  asOptionalText,
  asReferenceValue,
  ColumnReader,
  fail,
  readPair,
  resolve,
} from './compactColumns';
import {
  AUTHS,
  CONNECTOR_TYPES,
  DEFAULT_LDAP_PORT,
  DEFAULT_RFC1006_PORT,
  DEFAULT_SERVICES,
  DIRECTIONS,
  EXCHANGE_VERSIONS,
  NEWS_FEEDS,
  NODE_TYPES,
  OWA_EXCHANGE_VERSIONS,
  PROTOCOLS,
  type Reference,
  SERVICE_BITS,
  SuccessorMemory,
} from './compactPlan';

export { CompactFormError } from './compactColumns';

/**
 * Reading the compact form of a plan, version 2 (compactPlan.ts describes it)
 * back into a full plan document of version 2. Every value is checked as it
 * is read, so anything that is not a compact plan, however it was damaged,
 * ends in a `CompactFormError` that says where, never in a half-built document.
 */

const SITE_COLUMNS = 6;
const NODE_COLUMNS = 31;
const LINK_COLUMNS = 6;
const CONNECTOR_COLUMNS = 9;
const NOTE_COLUMNS = 4;
const PARTS = 6;

type Doc = Record<string, unknown>;

/** The number of items of a part: the length of its first column. */
function countOf(part: unknown, where: string): number {
  return asCount(Array.isArray(part) && part.length > 0 ? part[0] : [], where);
}

function asText(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(where, 'expected a text');
  return value;
}

function asReferenceList(value: unknown, where: string): Reference[] {
  if (!Array.isArray(value)) fail(where, 'expected a list');
  return value.map((item, i) => asReferenceValue(item, `${where}[${i}]`));
}

function asRange(value: unknown, where: string): { from: number; to: number } | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length !== 2) fail(where, 'expected [from, to] or null');
  return { from: asNumber(value[0], `${where}[0]`), to: asNumber(value[1], `${where}[1]`) };
}

const flag = (value: unknown, where: string) => asCode([false, true], value, where);

/**
 * Rebuilds the full plan document (SPEC §2, version 2) from its compact form.
 * Throws `CompactFormError` when the value is not a compact plan; the document
 * it returns still has to pass `loadPlan`.
 */
export function expandCompactPlan(compact: unknown): Doc {
  if (!Array.isArray(compact)) fail('plan', 'expected a list');
  if (compact.length > PARTS) fail('plan', 'too many parts');
  const [name = '', siteCols = [], nodeCols = [], linkCols = [], connectorCols = [], noteCols = []] =
    compact as unknown[];
  if (typeof name !== 'string') fail('plan name', 'expected a text');
  const memory = new SuccessorMemory();
  const elided = (kind: string) => (value: unknown, where: string) =>
    memory.decode(kind, value) ?? fail(where, 'expected a text');

  // Sites.
  const s = new ColumnReader(siteCols, 'sites', SITE_COLUMNS);
  const siteCount = countOf(siteCols, 'sites ids');
  const siteIds = s.values(0, siteCount, undefined, elided('site.id'));
  const siteNames = s.values(1, siteCount, undefined, elided('site.name'));
  const siteX = s.deltas(2, siteCount, asNullableNumber);
  const siteY = s.deltas(3, siteCount, asNullableNumber);
  const siteW = s.values(4, siteCount, null, asNullableNumber);
  const siteH = s.values(5, siteCount, null, asNullableNumber);
  const sites = siteIds.map((id, i) => {
    const site: Doc = { id, name: siteNames[i] };
    const position = readPair(siteX[i] ?? null, siteY[i] ?? null, `sites[${i}] position`);
    if (position) site.position = position;
    const size = readPair(siteW[i] ?? null, siteH[i] ?? null, `sites[${i}] size`);
    if (size) site.size = { width: size.x, height: size.y };
    return site;
  });

  // Nodes: the types first, since ids and names are elided per type.
  const n = new ColumnReader(nodeCols, 'nodes', NODE_COLUMNS);
  const typeCodes = Array.isArray(nodeCols) && nodeCols.length > 0 ? nodeCols[0] : '';
  if (typeof typeCodes !== 'string' || !/^[0-7]*$/.test(typeCodes))
    fail('nodes types', 'expected digits 0–7');
  const types = [...typeCodes].map((digit) => NODE_TYPES[Number(digit)] as (typeof NODE_TYPES)[number]);
  const nodeCount = types.length;
  const ids = n.values(1, nodeCount, undefined, (value, where, k) => elided(`${types[k]}.id`)(value, where));
  const names = n.values(2, nodeCount, undefined, (value, where, k) =>
    elided(`${types[k]}.name`)(value, where),
  );
  const nodeSites = n.values(3, nodeCount, null, asReferenceValue);
  const nodeX = n.deltas(4, nodeCount, asNullableNumber);
  const nodeY = n.deltas(5, nodeCount, asNullableNumber);
  const count = (type: (typeof NODE_TYPES)[number]) => types.filter((t) => t === type).length;
  const addresses = n.values(6, nodeCount - count('firewall'), null, addressReader());
  const servers = count('server');
  const clients = count('client');
  const owas = count('owa');
  const newsHosts = count('newsHost');
  const server = {
    exchange: n.values(7, servers, undefined, (v, w) => asCode(EXCHANGE_VERSIONS, v, w)),
    servicePack: n.values(8, servers, 0, asNumber),
    services: n.values(9, servers, DEFAULT_SERVICES, (v, w) => {
      const mask = asNumber(v, w);
      if (!Number.isInteger(mask) || mask < 0 || mask > 31) fail(w, 'bad service mask');
      return mask;
    }),
    directory: n.values(10, servers, 0, asNumber),
    store: n.values(11, servers, 0, asNumber),
    mta: n.values(12, servers, 0, asNumber),
    systemAttendant: n.values(13, servers, 0, asNumber),
    rfc1006Port: n.values(14, servers, DEFAULT_RFC1006_PORT, asNumber),
    ldapPort: n.values(15, servers, DEFAULT_LDAP_PORT, asNumber),
    rpcPorts: n.values(16, servers, null, asRange),
    smartHost: n.values(17, servers, null, asReferenceValue),
    dns: n.values(18, servers, null, asReferenceValue),
  };
  const client = {
    protocol: n.values(19, clients, undefined, (v, w) => asCode(PROTOCOLS, v, w)),
    server: n.deltas(20, clients, asReferenceValue),
    auth: n.values(21, clients, AUTHS[0], (v, w) => asCode(AUTHS, v, w)),
    sendsMail: n.values(22, clients, true, flag),
    smtpServer: n.values(23, clients, null, asReferenceValue),
    notifications: n.values(24, clients, false, flag),
  };
  const direction = n.values(25, count('smtpHost'), DIRECTIONS[0], (v, w) => asCode(DIRECTIONS, v, w));
  const nat = n.values(26, count('firewall'), false, flag);
  const owa = {
    exchange: n.values(27, owas, undefined, (v, w) => asCode(OWA_EXCHANGE_VERSIONS, v, w)),
    servers: n.values<Reference[]>(28, owas, [], asReferenceList),
  };
  const news = {
    server: n.values(29, newsHosts, null, asReferenceValue),
    feed: n.values(30, newsHosts, NEWS_FEEDS[0], (v, w) => asCode(NEWS_FEEDS, v, w)),
  };

  const node = (value: Reference, where: string) => resolve(ids, value, where);
  const nth = { addressed: 0, server: 0, client: 0, smtpHost: 0, firewall: 0, owa: 0, newsHost: 0 };
  const nodes = types.map((type, i) => {
    const where = `nodes[${i}]`;
    const out: Doc = { id: ids[i], type, name: names[i] };
    const site = resolve(siteIds, nodeSites[i] ?? null, `${where} site`);
    if (site !== null) out.site = site;
    if (type !== 'firewall') out.address = addresses[nth.addressed++] ?? null;
    switch (type) {
      case 'server': {
        const k = nth.server++;
        const port = (value: number | undefined) => (value === 0 ? null : value);
        const mask = server.services[k] as number;
        out.exchange = server.exchange[k];
        out.servicePack = server.servicePack[k];
        out.services = Object.fromEntries(SERVICE_BITS.map(([key, bit]) => [key, (mask & bit) !== 0]));
        out.staticPorts = {
          directory: port(server.directory[k]),
          store: port(server.store[k]),
          mta: port(server.mta[k]),
          systemAttendant: port(server.systemAttendant[k]),
        };
        out.rfc1006Port = server.rfc1006Port[k];
        out.ldapPort = server.ldapPort[k];
        out.rpcPorts = server.rpcPorts[k] ?? null;
        out.smartHost = node(server.smartHost[k] ?? null, `${where} smartHost`);
        out.dns = node(server.dns[k] ?? null, `${where} dns`);
        break;
      }
      case 'client': {
        const k = nth.client++;
        out.protocol = client.protocol[k];
        out.auth = client.auth[k];
        out.server = node(client.server[k] ?? null, `${where} server`);
        out.sendsMail = client.sendsMail[k];
        out.smtpServer = node(client.smtpServer[k] ?? null, `${where} smtpServer`);
        out.notifications = client.notifications[k];
        break;
      }
      case 'smtpHost':
        out.direction = direction[nth.smtpHost++];
        break;
      case 'firewall':
        out.nat = nat[nth.firewall++];
        break;
      case 'owa': {
        const k = nth.owa++;
        out.exchange = owa.exchange[k];
        out.servers = (owa.servers[k] ?? []).map((ref, j) => node(ref, `${where} servers[${j}]`));
        break;
      }
      case 'newsHost': {
        const k = nth.newsHost++;
        out.server = node(news.server[k] ?? null, `${where} server`);
        out.feed = news.feed[k];
        break;
      }
    }
    const position = readPair(nodeX[i] ?? null, nodeY[i] ?? null, `${where} position`);
    if (position) out.position = position;
    return out;
  });

  // Links.
  const l = new ColumnReader(linkCols, 'links', LINK_COLUMNS);
  const linkCount = countOf(linkCols, 'links ids');
  const linkIds = l.values(0, linkCount, undefined, elided('link.id'));
  const linkA = l.deltas(1, linkCount, asReferenceValue);
  const linkB = l.deltas(2, linkCount, asReferenceValue);
  const linkNames = l.values(3, linkCount, null, asOptionalText);
  const aInterfaces = l.values(4, linkCount, null, asOptionalText);
  const bInterfaces = l.values(5, linkCount, null, asOptionalText);
  const required = (value: string | null, where: string) => value ?? fail(where, 'missing');
  const links = linkIds.map((id, i) => {
    const where = `links[${i}]`;
    const link: Doc = { id };
    const linkName = linkNames[i];
    if (linkName !== null && linkName !== undefined) link.name = linkName;
    link.a = required(node(linkA[i] ?? null, `${where} a`), `${where} a`);
    link.b = required(node(linkB[i] ?? null, `${where} b`), `${where} b`);
    link.aInterface = aInterfaces[i] ?? null;
    link.bInterface = bInterfaces[i] ?? null;
    return link;
  });

  // Connectors: the ends of a site connector are sites, of an x400 connector servers.
  const c = new ColumnReader(connectorCols, 'connectors', CONNECTOR_COLUMNS);
  const connectorCount = countOf(connectorCols, 'connectors ids');
  const connectorIds = c.values(0, connectorCount, undefined, elided('connector.id'));
  const connectorTypes = c.values(1, connectorCount, undefined, (v, w) => asCode(CONNECTOR_TYPES, v, w));
  const connectorA = c.deltas(2, connectorCount, asReferenceValue);
  const connectorB = c.deltas(3, connectorCount, asReferenceValue);
  const connectorNames = c.values(4, connectorCount, null, asOptionalText);
  const bridgeheadA = c.values(5, connectorCount, null, asReferenceValue);
  const targetsA = c.values<Reference[]>(6, connectorCount, [], asReferenceList);
  const bridgeheadB = c.values(7, connectorCount, null, asReferenceValue);
  const targetsB = c.values<Reference[]>(8, connectorCount, [], asReferenceList);
  const connectors = connectorIds.map((id, i) => {
    const where = `connectors[${i}]`;
    const type = connectorTypes[i];
    const ends = type === 'site' ? siteIds : ids;
    const connector: Doc = { id, type };
    const connectorName = connectorNames[i];
    if (connectorName !== null && connectorName !== undefined) connector.name = connectorName;
    connector.a = required(resolve(ends, connectorA[i] ?? null, `${where} a`), `${where} a`);
    connector.b = required(resolve(ends, connectorB[i] ?? null, `${where} b`), `${where} b`);
    if (type === 'site') {
      const list = (refs: Reference[] | undefined, half: string) =>
        (refs ?? []).map((ref, j) => node(ref, `${where} ${half}[${j}]`));
      connector.bridgeheadA = node(bridgeheadA[i] ?? null, `${where} bridgeheadA`);
      connector.targetsA = list(targetsA[i], 'targetsA');
      connector.bridgeheadB = node(bridgeheadB[i] ?? null, `${where} bridgeheadB`);
      connector.targetsB = list(targetsB[i], 'targetsB');
    }
    return connector;
  });

  // Notes: `about` counts sites, nodes, links and connectors as one list.
  const objectIds = [...siteIds, ...ids, ...linkIds, ...connectorIds];
  const t = new ColumnReader(noteCols, 'notes', NOTE_COLUMNS);
  const noteCount = countOf(noteCols, 'notes ids');
  const noteIds = t.values(0, noteCount, undefined, elided('note.id'));
  const about = t.values(1, noteCount, null, asReferenceValue);
  const texts = t.values(2, noteCount, undefined, asText);
  const resolved = t.values(3, noteCount, false, flag);
  const notes = noteIds.map((id, i) => ({
    id,
    about: resolve(objectIds, about[i] ?? null, `notes[${i}] about`),
    text: texts[i],
    resolved: resolved[i],
  }));

  return { format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, name, sites, nodes, links, connectors, notes };
}
