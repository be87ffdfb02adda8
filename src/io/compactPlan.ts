import type { Connector, Link, Plan, PlanNode, ServerNode, Site } from '../model/types';

/**
 * The compact form of a plan, version 1: what a share link compresses.
 *
 * A plan document repeats every key and every default; a link must fit in a
 * URL. So before compressing, the plan is turned into columns, one list per
 * field, which puts alike values side by side where the compressor finds them:
 *
 *   [name, sites, nodes, links, connectors]
 *   sites:      [ids, names, x, y, width, height]
 *   nodes:      [types, ids, names, sites, x, y,
 *                server: exchange, servicePack, services, directory, store, mta, rfc1006Port,
 *                client: protocol, server, auth, sendsMail,
 *                smtpHost: direction]
 *   links:      [ids, a, b, names]
 *   connectors: [ids, types, a, b, names]
 *
 * - `types` is a string, one digit per node. A type's columns list only the
 *   nodes of that type, in node order.
 * - A column whose every value is its default is written `[]`; empty lists
 *   and an empty plan name at the end of a list are left out.
 * - References (a node's site, a link's or connector's ends, a client's
 *   server) are indexes into the sites or nodes; one that does not resolve is
 *   kept as its id string, so even an odd plan survives the trip.
 * - Coordinates and link ends are written as the difference from the
 *   previous number of their column: a laid-out plan is full of equal steps.
 * - An id or name that is the "successor" of the previous one of the same kind
 *   (`srv-9` after `srv-8`, `Client 3` after `Client 2`) is written `0`.
 * - Positions and sizes are rounded to whole pixels: they only place drawings.
 * - Enumerations are small integers, static ports `0` for dynamic.
 *
 * The tables and defaults below are frozen for compact version 1, on purpose
 * independent of the model's defaults: a link made today must decode to the
 * same plan after a default of the model changes. A new plan format version
 * gets a new compact version; the old one stays readable.
 *
 * `expandCompactPlan` rebuilds the full document with every value written out;
 * the caller passes it through `loadPlan`, so a shared plan gets the same
 * validation as a plan file.
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

type Value = string | number | boolean | null | Value[];
type Reference = number | string | null;

/** Ids are compared without the trailing number being wider than this (safe integers). */
const MAX_COUNTER_DIGITS = 15;

/**
 * The id or name that usually follows `previous`: its trailing number plus one,
 * keeping zero padding (`n09` → `n10`); undefined when it ends in no number.
 */
export function successorOf(previous: string | undefined): string | undefined {
  if (previous === undefined) return undefined;
  const match = /^(.*?)(\d+)$/s.exec(previous);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const digits = match[2] ?? '';
  if (digits.length > MAX_COUNTER_DIGITS) return undefined;
  return prefix + String(Number(digits) + 1).padStart(digits.length, '0');
}

/** Remembers the previous id and name of each kind of object, for successor elision. */
class SuccessorMemory {
  private readonly previous = new Map<string, string>();

  /** The value to write: 0 when it is the successor of the previous one of `kind`. */
  encode(kind: string, value: string): string | 0 {
    const predicted = successorOf(this.previous.get(kind));
    this.previous.set(kind, value);
    return predicted === value ? 0 : value;
  }

  /** The value read back; undefined when it is neither a text nor a `0` that has something to follow. */
  decode(kind: string, written: unknown): string | undefined {
    let value: string | undefined;
    if (written === 0) value = successorOf(this.previous.get(kind));
    else if (typeof written === 'string') value = written;
    if (value !== undefined) this.previous.set(kind, value);
    return value;
  }
}

/** Drawing coordinates travel as whole pixels within ±1e9, so differences stay exact integers. */
export const COORDINATE_LIMIT = 1e9;

/** A position or size value as a share link carries it: rounded, within ±1e9, never -0. */
export function drawingCoordinate(value: number): number {
  const rounded = Math.min(COORDINATE_LIMIT, Math.max(-COORDINATE_LIMIT, Math.round(value)));
  return rounded === 0 ? 0 : rounded;
}

/** Each number as its difference from the previous number of the list; other values as they are. */
function toDeltas(values: readonly Reference[]): Reference[] {
  let previous = 0;
  return values.map((value) => {
    if (typeof value !== 'number') return value;
    const delta = value - previous;
    previous = value;
    return delta;
  });
}

/** `[]` when every value is `fallback`, so an all-default column costs two characters. */
function column(values: Value[], fallback: Value): Value[] {
  return values.every((value) => value === fallback) ? [] : values;
}

/** The list without the empty lists and texts at its end (the reader takes them as empty). */
function trimEnd(list: Value[]): Value[] {
  let end = list.length;
  while (end > 0) {
    const value = list[end - 1];
    if (!(value === '' || (Array.isArray(value) && value.length === 0))) break;
    end--;
  }
  return list.slice(0, end);
}

function indexMap(items: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (!map.has(item.id)) map.set(item.id, i);
  });
  return map;
}

function reference(ids: Map<string, number>, id: string | null | undefined): Reference {
  if (id === null || id === undefined) return null;
  return ids.get(id) ?? id;
}

/** The compact form of `plan` (see the module comment); JSON-serialisable. */
export function compactPlan(plan: Plan): Value[] {
  const memory = new SuccessorMemory();
  const siteIndex = indexMap(plan.sites);
  const nodeIndex = indexMap(plan.nodes);
  const coordinate = (value: number | undefined) => (value === undefined ? null : drawingCoordinate(value));

  const sites = trimEnd([
    plan.sites.map((site) => memory.encode('site.id', site.id)),
    plan.sites.map((site) => memory.encode('site.name', site.name)),
    column(toDeltas(plan.sites.map((site) => coordinate(site.position?.x))), null),
    column(toDeltas(plan.sites.map((site) => coordinate(site.position?.y))), null),
    column(
      plan.sites.map((site) => coordinate(site.size?.width)),
      null,
    ),
    column(
      plan.sites.map((site) => coordinate(site.size?.height)),
      null,
    ),
  ]);

  const ofType = <T extends PlanNode['type']>(type: T) =>
    plan.nodes.filter((node): node is Extract<PlanNode, { type: T }> => node.type === type);
  const servers = ofType('server');
  const clients = ofType('client');
  const smtpHosts = ofType('smtpHost');
  const port = (value: number | null) => value ?? 0;
  const services = (server: ServerNode) =>
    SERVICE_BITS.reduce((mask, [service, bit]) => (server.services[service] ? mask | bit : mask), 0);

  const nodes = trimEnd([
    plan.nodes.map((node) => NODE_TYPES.indexOf(node.type)).join(''),
    plan.nodes.map((node) => memory.encode(`${node.type}.id`, node.id)),
    plan.nodes.map((node) => memory.encode(`${node.type}.name`, node.name)),
    column(
      plan.nodes.map((node) => reference(siteIndex, node.site)),
      null,
    ),
    column(toDeltas(plan.nodes.map((node) => coordinate(node.position?.x))), null),
    column(toDeltas(plan.nodes.map((node) => coordinate(node.position?.y))), null),
    servers.map((server) => EXCHANGE_VERSIONS.indexOf(server.exchange)),
    column(
      servers.map((server) => server.servicePack),
      0,
    ),
    column(servers.map(services), DEFAULT_SERVICES),
    column(
      servers.map((server) => port(server.staticPorts.directory)),
      0,
    ),
    column(
      servers.map((server) => port(server.staticPorts.store)),
      0,
    ),
    column(
      servers.map((server) => port(server.staticPorts.mta)),
      0,
    ),
    column(
      servers.map((server) => server.rfc1006Port),
      DEFAULT_RFC1006_PORT,
    ),
    clients.map((client) => PROTOCOLS.indexOf(client.protocol)),
    column(toDeltas(clients.map((client) => reference(nodeIndex, client.server))), null),
    column(
      clients.map((client) => AUTHS.indexOf(client.auth)),
      0,
    ),
    column(
      clients.map((client) => (client.sendsMail ? 1 : 0)),
      1,
    ),
    column(
      smtpHosts.map((host) => DIRECTIONS.indexOf(host.direction)),
      0,
    ),
  ]);

  const links = trimEnd([
    plan.links.map((link) => memory.encode('link.id', link.id)),
    toDeltas(plan.links.map((link) => reference(nodeIndex, link.a))),
    toDeltas(plan.links.map((link) => reference(nodeIndex, link.b))),
    column(
      plan.links.map((link) => link.name ?? null),
      null,
    ),
  ]);

  const connectors = trimEnd([
    plan.connectors.map((connector) => memory.encode('connector.id', connector.id)),
    plan.connectors.map((connector) => CONNECTOR_TYPES.indexOf(connector.type)),
    toDeltas(plan.connectors.map((connector) => reference(nodeIndex, connector.a))),
    toDeltas(plan.connectors.map((connector) => reference(nodeIndex, connector.b))),
    column(
      plan.connectors.map((connector) => connector.name ?? null),
      null,
    ),
  ]);

  return trimEnd([plan.name, sites, nodes, links, connectors]);
}

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

  return { format: 'exchange-port-plan', version: 1, name, sites, nodes, links, connectors };
}
