import {
  type Connector,
  CURRENT_PLAN_VERSION,
  type Link,
  PLAN_FORMAT,
  type PlanNode,
  type Site,
} from '../model/types';
import {
  AUTHS,
  CONNECTOR_TYPES,
  DEFAULT_RFC1006_PORT,
  DEFAULT_SERVICES,
  DIRECTIONS,
  EXCHANGE_VERSIONS,
  NODE_TYPES,
  PROTOCOLS,
  type Reference,
  SERVICE_BITS,
  SuccessorMemory,
} from './compactPlan';

/**
 * Reading the compact form of a plan (compactPlan.ts describes it) back into
 * a full plan document. Every value is checked as it is read, so anything
 * that is not a compact plan, however it was damaged, ends in a
 * `CompactFormError` that says where, never in a half-built document.
 */

/** Why a compact form could not be read back: the link was damaged. */
export class CompactFormError extends Error {
  override readonly name = 'CompactFormError';
}

function fail(where: string, what: string): never {
  throw new CompactFormError(`${where}: ${what}`);
}

/**
 * Reads the columns of one part. Column `i` of a part is `[]` (or left out)
 * when all its values are the default; otherwise it must have `count` values.
 */
class ColumnReader {
  private readonly columns: unknown[];

  constructor(
    part: unknown,
    private readonly where: string,
    width: number,
  ) {
    if (!Array.isArray(part)) fail(where, 'expected a list');
    if (part.length > width) fail(where, 'too many columns');
    this.columns = part;
  }

  /** The raw column `i`, or undefined when it holds only defaults. */
  raw(i: number, count: number): unknown[] | undefined {
    const values = i < this.columns.length ? this.columns[i] : [];
    if (!Array.isArray(values)) fail(`${this.where} column ${i}`, 'expected a list');
    if (values.length === 0) return undefined;
    if (values.length !== count)
      fail(`${this.where} column ${i}`, `expected ${count} values, found ${values.length}`);
    return values;
  }

  /** Column `i` read value by value with `read`, or `fallback` throughout. */
  values<T>(
    i: number,
    count: number,
    fallback: T | undefined,
    read: (value: unknown, where: string, k: number) => T,
  ): T[] {
    const values = this.raw(i, count);
    if (values === undefined) {
      if (fallback === undefined && count > 0) fail(`${this.where} column ${i}`, 'is missing');
      return new Array<T>(count).fill(fallback as T);
    }
    return values.map((value, k) => read(value, `${this.where} column ${i}[${k}]`, k));
  }

  /** Column `i` as differences from the previous number (see `toDeltas`). */
  deltas(i: number, count: number, read: (value: unknown, where: string) => Reference): Reference[] {
    let previous = 0;
    return this.values<Reference>(i, count, null, (value, where) => {
      const item = read(value, where);
      if (typeof item !== 'number') return item;
      previous += item;
      if (!Number.isSafeInteger(previous)) fail(where, 'number out of range');
      return previous;
    });
  }
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'expected a number');
  return value;
}

function asNullableNumber(value: unknown, where: string): number | null {
  return value === null ? null : asNumber(value, where);
}

function asCode<T>(table: readonly T[], value: unknown, where: string): T {
  const code = asNumber(value, where);
  const entry = Number.isInteger(code) ? table[code] : undefined;
  if (entry === undefined) fail(where, `unknown code ${code}`);
  return entry;
}

function asReferenceValue(value: unknown, where: string): Reference {
  if (value === null || typeof value === 'string') return value;
  const index = asNumber(value, where);
  if (!Number.isInteger(index)) fail(where, 'expected a whole number');
  return index;
}

function resolve(ids: readonly string[], value: Reference, where: string): string | null {
  if (typeof value !== 'number') return value;
  const id = ids[value];
  if (id === undefined) fail(where, `reference ${value} points nowhere`);
  return id;
}

function asOptionalText(value: unknown, where: string): string | null {
  if (value !== null && typeof value !== 'string') fail(where, 'expected a text');
  return value;
}

function asCount(values: unknown, where: string): number {
  if (!Array.isArray(values)) fail(where, 'expected a list');
  return values.length;
}

function readPair(x: Reference, y: Reference, where: string): { x: number; y: number } | undefined {
  if (x === null && y === null) return undefined;
  if (typeof x !== 'number' || typeof y !== 'number') fail(where, 'expected both numbers or neither');
  return { x, y };
}

const SITE_COLUMNS = 6;
const NODE_COLUMNS = 18;
const LINK_COLUMNS = 4;
const CONNECTOR_COLUMNS = 5;

/**
 * Rebuilds the full plan document (SPEC §2, version 1) from its compact form.
 * Throws `CompactFormError` when the value is not a compact plan; the document
 * it returns still has to pass `loadPlan`.
 */
export function expandCompactPlan(compact: unknown): Record<string, unknown> {
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
    const link: Link = {
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
    const connector: Connector = {
      id,
      type: connectorTypes[i] as Connector['type'],
      a: resolve(nodeIds, connectorA[i] ?? null, `${where} a`) ?? fail(`${where} a`, 'missing'),
      b: resolve(nodeIds, connectorB[i] ?? null, `${where} b`) ?? fail(`${where} b`, 'missing'),
    };
    const connectorName = connectorNames[i];
    if (connectorName !== null && connectorName !== undefined) connector.name = connectorName;
    return connector;
  });

  return { format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, name, sites, nodes, links, connectors };
}
