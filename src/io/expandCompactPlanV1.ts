import type { Connector, Link, PlanNode, Site } from '../model/types';
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
import { type Reference, SuccessorMemory } from './compactPlan';

/**
 * Reading compact form version 1 (share links `#plan=1.…`, made before plan
 * format version 2) back into a plan document of version 1, which `loadPlan`
 * then migrates. Its tables are frozen here: the links already handed out
 * must keep decoding to the same plan.
 *
 *   [name, sites, nodes, links, connectors]
 *   sites:      [ids, names, x, y, width, height]
 *   nodes:      [types, ids, names, sites, x, y,
 *                server: exchange, servicePack, services, directory, store, mta, rfc1006Port,
 *                client: protocol, server, auth, sendsMail,
 *                smtpHost: direction]
 *   links:      [ids, a, b, names]
 *   connectors: [ids, types, a, b, names]   (a site connector joins two servers)
 */

const NODE_TYPES = ['server', 'client', 'firewall', 'network', 'smtpHost'] as const;
const EXCHANGE_VERSIONS = ['4.0', '5.0', '5.5'] as const;
const PROTOCOLS = ['mapi', 'pop3', 'imap4', 'ldap', 'nntp'] as const;
const AUTHS = ['basic', 'ntlm', 'ssl'] as const;
const DIRECTIONS = ['both', 'inbound', 'outbound'] as const;
const CONNECTOR_TYPES = ['site', 'x400'] as const;
const SERVICE_BITS = [
  ['pop3', 1],
  ['imap4', 2],
  ['ldap', 4],
  ['nntp', 8],
  ['internetMail', 16],
] as const;
const DEFAULT_SERVICES = 15;
const DEFAULT_RFC1006_PORT = 102;

const SITE_COLUMNS = 6;
const NODE_COLUMNS = 18;
const LINK_COLUMNS = 4;
const CONNECTOR_COLUMNS = 5;

/**
 * Rebuilds the full plan document (SPEC §2, version 1) from its compact form version 1.
 * Throws `CompactFormError` when the value is not a compact plan; the document
 * it returns still has to pass `loadPlan`.
 */
export function expandCompactPlanV1(compact: unknown): Record<string, unknown> {
  if (!Array.isArray(compact)) fail('plan', 'expected a list');
  if (compact.length > 5) fail('plan', 'too many parts');
  const [name = '', siteCols = [], nodeCols = [], linkCols = [], connectorCols = []] = compact as unknown[];
  if (typeof name !== 'string') fail('plan name', 'expected a text');
  const memory = new SuccessorMemory();
  const elided = (kind: string) => (value: unknown, where: string) =>
    memory.decode(kind, value) ?? fail(where, 'expected a text');

  // Sites.
  const s = new ColumnReader(siteCols, 'sites', SITE_COLUMNS);
  const siteCount = asCount(Array.isArray(siteCols) && siteCols.length > 0 ? siteCols[0] : [], 'sites ids');
  const siteIds = s.values(0, siteCount, undefined, elided('site.id'));
  const siteNames = s.values(1, siteCount, undefined, elided('site.name'));
  const siteX = s.deltas(2, siteCount, asNullableNumber);
  const siteY = s.deltas(3, siteCount, asNullableNumber);
  const siteW = s.values(4, siteCount, null, asNullableNumber);
  const siteH = s.values(5, siteCount, null, asNullableNumber);
  const sites = siteIds.map((id, i) => {
    const site: Site = { id, name: siteNames[i] as string };
    const position = readPair(siteX[i] ?? null, siteY[i] ?? null, `sites[${i}] position`);
    if (position) site.position = position;
    const size = readPair(siteW[i] ?? null, siteH[i] ?? null, `sites[${i}] size`);
    if (size) site.size = { width: size.x, height: size.y };
    return site;
  });

  // Nodes: the types first, since ids and names are elided per type.
  const n = new ColumnReader(nodeCols, 'nodes', NODE_COLUMNS);
  const typeCodes = Array.isArray(nodeCols) && nodeCols.length > 0 ? nodeCols[0] : '';
  if (typeof typeCodes !== 'string' || !/^[0-4]*$/.test(typeCodes))
    fail('nodes types', 'expected digits 0–4');
  const types = [...typeCodes].map((digit) => NODE_TYPES[Number(digit)] as PlanNode['type']);
  const nodeCount = types.length;
  const ids = n.values(1, nodeCount, undefined, (value, where, k) => elided(`${types[k]}.id`)(value, where));
  const names = n.values(2, nodeCount, undefined, (value, where, k) =>
    elided(`${types[k]}.name`)(value, where),
  );
  const nodeSites = n.values(3, nodeCount, null, asReferenceValue);
  const nodeX = n.deltas(4, nodeCount, asNullableNumber);
  const nodeY = n.deltas(5, nodeCount, asNullableNumber);
  const countOf = (type: PlanNode['type']) => types.filter((t) => t === type).length;
  const serverCount = countOf('server');
  const clientCount = countOf('client');
  const hostCount = countOf('smtpHost');
  const server = {
    exchange: n.values(6, serverCount, undefined, (v, w) => asCode(EXCHANGE_VERSIONS, v, w)),
    servicePack: n.values(7, serverCount, 0, asNumber),
    services: n.values(8, serverCount, DEFAULT_SERVICES, (v, w) => {
      const mask = asNumber(v, w);
      if (!Number.isInteger(mask) || mask < 0 || mask > 31) fail(w, 'bad service mask');
      return mask;
    }),
    directory: n.values(9, serverCount, 0, asNumber),
    store: n.values(10, serverCount, 0, asNumber),
    mta: n.values(11, serverCount, 0, asNumber),
    rfc1006Port: n.values(12, serverCount, DEFAULT_RFC1006_PORT, asNumber),
  };
  const client = {
    protocol: n.values(13, clientCount, undefined, (v, w) => asCode(PROTOCOLS, v, w)),
    server: n.deltas(14, clientCount, asReferenceValue),
    auth: n.values(15, clientCount, AUTHS[0], (v, w) => asCode(AUTHS, v, w)),
    sendsMail: n.values(16, clientCount, true, (v, w) => asCode([false, true], v, w)),
  };
  const direction = n.values(17, hostCount, DIRECTIONS[0], (v, w) => asCode(DIRECTIONS, v, w));

  const nth = { server: 0, client: 0, smtpHost: 0 };
  const nodes = types.map((type, i) => {
    const where = `nodes[${i}]`;
    const node: Record<string, unknown> = { id: ids[i], type, name: names[i] };
    const site = resolve(siteIds, nodeSites[i] ?? null, `${where} site`);
    if (site !== null) node.site = site;
    const position = readPair(nodeX[i] ?? null, nodeY[i] ?? null, `${where} position`);
    if (position) node.position = position;
    if (type === 'server') {
      const k = nth.server++;
      const port = (value: number | undefined) => (value === 0 ? null : value);
      const mask = server.services[k] as number;
      node.exchange = server.exchange[k];
      node.servicePack = server.servicePack[k];
      node.services = Object.fromEntries(SERVICE_BITS.map(([key, bit]) => [key, (mask & bit) !== 0]));
      node.staticPorts = {
        directory: port(server.directory[k]),
        store: port(server.store[k]),
        mta: port(server.mta[k]),
      };
      node.rfc1006Port = server.rfc1006Port[k];
    } else if (type === 'client') {
      const k = nth.client++;
      node.protocol = client.protocol[k];
      node.auth = client.auth[k];
      node.sendsMail = client.sendsMail[k];
      // Resolved once every node id is known: a client may name a later node.
      node.server = client.server[k] ?? null;
    } else if (type === 'smtpHost') {
      node.direction = direction[nth.smtpHost++];
    }
    return node;
  });
  const nodeIds = ids;
  nodes.forEach((node, i) => {
    if (node.type === 'client')
      node.server = resolve(nodeIds, node.server as Reference, `nodes[${i}] server`);
  });

  // Links and connectors.
  const l = new ColumnReader(linkCols, 'links', LINK_COLUMNS);
  const linkCount = asCount(Array.isArray(linkCols) && linkCols.length > 0 ? linkCols[0] : [], 'links ids');
  const linkIds = l.values(0, linkCount, undefined, elided('link.id'));
  const linkA = l.deltas(1, linkCount, asReferenceValue);
  const linkB = l.deltas(2, linkCount, asReferenceValue);
  const linkNames = l.values(3, linkCount, null, asOptionalText);
  const links = linkIds.map((id, i) => {
    const link: Omit<Link, 'aInterface' | 'bInterface'> = {
      id,
      a: resolve(nodeIds, linkA[i] ?? null, `links[${i}] a`) ?? fail(`links[${i}] a`, 'missing'),
      b: resolve(nodeIds, linkB[i] ?? null, `links[${i}] b`) ?? fail(`links[${i}] b`, 'missing'),
    };
    const linkName = linkNames[i];
    if (linkName !== null && linkName !== undefined) link.name = linkName;
    return link;
  });

  const c = new ColumnReader(connectorCols, 'connectors', CONNECTOR_COLUMNS);
  const connectorCount = asCount(
    Array.isArray(connectorCols) && connectorCols.length > 0 ? connectorCols[0] : [],
    'connectors ids',
  );
  const connectorIds = c.values(0, connectorCount, undefined, elided('connector.id'));
  const connectorTypes = c.values(1, connectorCount, undefined, (v, w) => asCode(CONNECTOR_TYPES, v, w));
  const connectorA = c.deltas(2, connectorCount, asReferenceValue);
  const connectorB = c.deltas(3, connectorCount, asReferenceValue);
  const connectorNames = c.values(4, connectorCount, null, asOptionalText);
  const connectors = connectorIds.map((id, i) => {
    const where = `connectors[${i}]`;
    const connector: { id: string; type: Connector['type']; a: string; b: string; name?: string } = {
      id,
      type: connectorTypes[i] as Connector['type'],
      a: resolve(nodeIds, connectorA[i] ?? null, `${where} a`) ?? fail(`${where} a`, 'missing'),
      b: resolve(nodeIds, connectorB[i] ?? null, `${where} b`) ?? fail(`${where} b`, 'missing'),
    };
    const connectorName = connectorNames[i];
    if (connectorName !== null && connectorName !== undefined) connector.name = connectorName;
    return connector;
  });

  return { format: 'exchange-port-plan', version: 1, name, sites, nodes, links, connectors };
}
