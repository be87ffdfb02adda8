import type { Connector, Plan, PlanNode, ServerNode, SiteConnector } from '../model/types';
import { compactAddresses } from './compactAddress';

/**
 * The compact form of a plan, version 2: what a share link compresses.
 *
 * A plan document repeats every key and every default; a link must fit in a
 * URL. So before compressing, the plan is turned into columns, one list per
 * field, which puts alike values side by side where the compressor finds them:
 *
 *   [name, sites, nodes, links, connectors, notes]
 *   sites:      [ids, names, x, y, width, height]
 *   nodes:      [types, ids, names, sites, x, y, addresses,
 *                server: exchange, servicePack, services, directory, store, mta, systemAttendant,
 *                        rfc1006Port, ldapPort, rpcPorts, smartHost, dns,
 *                client: protocol, server, auth, sendsMail, smtpServer, notifications,
 *                smtpHost: direction,
 *                firewall: nat,
 *                owa: exchange, servers,
 *                newsHost: server, feed]
 *   links:      [ids, a, b, names, aInterface, bInterface]
 *   connectors: [ids, types, a, b, names, bridgeheadA, targetsA, bridgeheadB, targetsB]
 *   notes:      [ids, about, texts, resolved]
 *
 * - `types` is a string, one digit per node. A type's columns list only the
 *   nodes of that type, in node order; `addresses` lists every node but the
 *   firewalls, which have no address.
 * - A column whose every value is its default is written `[]`; empty lists
 *   and an empty plan name at the end of a list are left out.
 * - References are indexes: a node's site, a site connector's ends into the
 *   sites; a link's ends, an x400 connector's ends, a client's server and the
 *   other node references into the nodes; a note's `about` into sites, nodes,
 *   links and connectors counted as one list. One that does not resolve is
 *   kept as its id string, so even an odd plan survives the trip.
 * - Coordinates, link and connector ends and client servers are written as
 *   the difference from the previous number of their column: a laid-out plan
 *   is full of equal steps.
 * - An IPv4 address is its 32-bit number, written as the difference from the
 *   previous IPv4 address of the column, with the prefix length beside it
 *   only for a block; an IPv6 address its eight 16-bit groups, each as the
 *   difference from the previous IPv6 address; `"any"` as its text
 *   (compactAddress.ts).
 * - An id or name that is the "successor" of the previous one of the same kind
 *   (`srv-9` after `srv-8`, `Client 3` after `Client 2`) is written `0`.
 * - Positions and sizes are rounded to whole pixels: they only place drawings.
 * - Enumerations are small integers, static ports `0` for dynamic, `rpcPorts`
 *   `[from, to]` or null.
 *
 * The tables and defaults below are frozen for compact version 2, on purpose
 * independent of the model's defaults: a link made today must decode to the
 * same plan after a default of the model changes. A new plan format version
 * gets a new compact version; the old one stays readable (version 1:
 * expandCompactPlanV1.ts).
 *
 * `expandCompactPlan` (expandCompactPlan.ts) rebuilds the full document with
 * every value written out; the caller passes it through `loadPlan`, so a
 * shared plan gets the same validation as a plan file.
 */

// The code of each value is its index in these tables.
export const NODE_TYPES = [
  'server',
  'client',
  'firewall',
  'network',
  'smtpHost',
  'owa',
  'dns',
  'newsHost',
] as const;
export const EXCHANGE_VERSIONS = ['4.0', '5.0', '5.5'] as const;
export const OWA_EXCHANGE_VERSIONS = ['5.0', '5.5'] as const;
export const PROTOCOLS = ['mapi', 'pop3', 'imap4', 'ldap', 'nntp', 'admin', 'web'] as const;
export const AUTHS = ['basic', 'ntlm', 'ssl'] as const;
export const DIRECTIONS = ['both', 'inbound', 'outbound'] as const;
export const NEWS_FEEDS = ['both', 'inbound', 'outbound'] as const;
export const CONNECTOR_TYPES = ['site', 'x400'] as const;
export const SERVICE_BITS = [
  ['pop3', 1],
  ['imap4', 2],
  ['ldap', 4],
  ['nntp', 8],
  ['internetMail', 16],
] as const;
export const DEFAULT_SERVICES = 15;
export const DEFAULT_RFC1006_PORT = 102;
export const DEFAULT_LDAP_PORT = 389;

export type Value = string | number | boolean | null | Value[];
export type Reference = number | string | null;

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
export class SuccessorMemory {
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

/** `[]` when every list is empty, like `column` for a column of lists. */
function listColumn(values: Value[][]): Value[] {
  return values.every((value) => value.length === 0) ? [] : values;
}

/** The compact form of `plan` (see the module comment); JSON-serialisable. */
export function compactPlan(plan: Plan): Value[] {
  const memory = new SuccessorMemory();
  const siteIndex = indexMap(plan.sites);
  const nodeIndex = indexMap(plan.nodes);
  const objectIndex = indexMap([...plan.sites, ...plan.nodes, ...plan.links, ...plan.connectors]);
  const coordinate = (value: number | undefined) => (value === undefined ? null : drawingCoordinate(value));
  const node = (id: string | null) => reference(nodeIndex, id);

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
    plan.nodes.filter((n): n is Extract<PlanNode, { type: T }> => n.type === type);
  const servers = ofType('server');
  const clients = ofType('client');
  const smtpHosts = ofType('smtpHost');
  const firewalls = ofType('firewall');
  const owas = ofType('owa');
  const newsHosts = ofType('newsHost');
  const port = (value: number | null) => value ?? 0;
  const services = (server: ServerNode) =>
    SERVICE_BITS.reduce((mask, [service, bit]) => (server.services[service] ? mask | bit : mask), 0);
  const staticPort = (key: keyof ServerNode['staticPorts']) =>
    column(
      servers.map((server) => port(server.staticPorts[key])),
      0,
    );

  const nodes = trimEnd([
    plan.nodes.map((n) => NODE_TYPES.indexOf(n.type)).join(''),
    plan.nodes.map((n) => memory.encode(`${n.type}.id`, n.id)),
    plan.nodes.map((n) => memory.encode(`${n.type}.name`, n.name)),
    column(
      plan.nodes.map((n) => reference(siteIndex, n.site)),
      null,
    ),
    column(toDeltas(plan.nodes.map((n) => coordinate(n.position?.x))), null),
    column(toDeltas(plan.nodes.map((n) => coordinate(n.position?.y))), null),
    column(compactAddresses(plan.nodes.flatMap((n) => (n.type === 'firewall' ? [] : [n.address]))), null),
    servers.map((server) => EXCHANGE_VERSIONS.indexOf(server.exchange)),
    column(
      servers.map((server) => server.servicePack),
      0,
    ),
    column(servers.map(services), DEFAULT_SERVICES),
    staticPort('directory'),
    staticPort('store'),
    staticPort('mta'),
    staticPort('systemAttendant'),
    column(
      servers.map((server) => server.rfc1006Port),
      DEFAULT_RFC1006_PORT,
    ),
    column(
      servers.map((server) => server.ldapPort),
      DEFAULT_LDAP_PORT,
    ),
    column(
      servers.map((server) => (server.rpcPorts ? [server.rpcPorts.from, server.rpcPorts.to] : null)),
      null,
    ),
    column(
      servers.map((server) => node(server.smartHost)),
      null,
    ),
    column(
      servers.map((server) => node(server.dns)),
      null,
    ),
    clients.map((client) => PROTOCOLS.indexOf(client.protocol)),
    column(toDeltas(clients.map((client) => node(client.server))), null),
    column(
      clients.map((client) => AUTHS.indexOf(client.auth)),
      0,
    ),
    column(
      clients.map((client) => (client.sendsMail ? 1 : 0)),
      1,
    ),
    column(
      clients.map((client) => node(client.smtpServer)),
      null,
    ),
    column(
      clients.map((client) => (client.notifications ? 1 : 0)),
      0,
    ),
    column(
      smtpHosts.map((host) => DIRECTIONS.indexOf(host.direction)),
      0,
    ),
    column(
      firewalls.map((firewall) => (firewall.nat ? 1 : 0)),
      0,
    ),
    owas.map((owa) => OWA_EXCHANGE_VERSIONS.indexOf(owa.exchange)),
    listColumn(owas.map((owa) => owa.servers.map(node))),
    column(
      newsHosts.map((host) => node(host.server)),
      null,
    ),
    column(
      newsHosts.map((host) => NEWS_FEEDS.indexOf(host.feed)),
      0,
    ),
  ]);

  const links = trimEnd([
    plan.links.map((link) => memory.encode('link.id', link.id)),
    toDeltas(plan.links.map((link) => node(link.a))),
    toDeltas(plan.links.map((link) => node(link.b))),
    column(
      plan.links.map((link) => link.name ?? null),
      null,
    ),
    column(
      plan.links.map((link) => link.aInterface),
      null,
    ),
    column(
      plan.links.map((link) => link.bInterface),
      null,
    ),
  ]);

  const end = (connector: Connector, id: string) =>
    connector.type === 'site' ? reference(siteIndex, id) : node(id);
  const half = <T>(connector: Connector, read: (site: SiteConnector) => T, fallback: T) =>
    connector.type === 'site' ? read(connector) : fallback;
  const connectors = trimEnd([
    plan.connectors.map((connector) => memory.encode('connector.id', connector.id)),
    plan.connectors.map((connector) => CONNECTOR_TYPES.indexOf(connector.type)),
    toDeltas(plan.connectors.map((connector) => end(connector, connector.a))),
    toDeltas(plan.connectors.map((connector) => end(connector, connector.b))),
    column(
      plan.connectors.map((connector) => connector.name ?? null),
      null,
    ),
    column(
      plan.connectors.map((c) => half(c, (k) => node(k.bridgeheadA), null)),
      null,
    ),
    listColumn(plan.connectors.map((c) => half(c, (k) => k.targetsA.map(node), []))),
    column(
      plan.connectors.map((c) => half(c, (k) => node(k.bridgeheadB), null)),
      null,
    ),
    listColumn(plan.connectors.map((c) => half(c, (k) => k.targetsB.map(node), []))),
  ]);

  const notes = trimEnd([
    plan.notes.map((note) => memory.encode('note.id', note.id)),
    column(
      plan.notes.map((note) => reference(objectIndex, note.about)),
      null,
    ),
    plan.notes.map((note) => note.text),
    column(
      plan.notes.map((note) => (note.resolved ? 1 : 0)),
      0,
    ),
  ]);

  return trimEnd([plan.name, sites, nodes, links, connectors, notes]);
}
