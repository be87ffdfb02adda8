import type { Connector, Link, Plan, PlanNode, Site } from '../model/types';

/**
 * The compact form of a plan, version 1: what a share link compresses.
 *
 * A plan document repeats every key and every default value; a link must fit
 * in a URL, so before compressing, the plan becomes nested arrays:
 *
 *   [name, sites, nodes, links, connectors]        trailing empty values left out
 *   site:      [id, name, x, y, width, height]
 *   node:      [type, id, name, site, x, y, ...fields of its type]
 *   link:      [id, a, b, name]
 *   connector: [id, type, a, b, name]
 *
 * - A slot at the end of a tuple that holds its default is left out.
 * - References (a node's site, a link's or connector's ends, a client's
 *   server) are indexes into the sites or nodes array; a reference that does
 *   not resolve is kept as its id string, so even an odd plan round-trips.
 * - An id or name that is the "successor" of the previous one of the same kind
 *   (`srv-9` after `srv-8`, `Client 3` after `Client 2`) is written as `0`.
 * - Positions and sizes are rounded to whole pixels: they only place drawings.
 * - Enumerations are small integers.
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

type Value = string | number | boolean | null | Value[];

/** Marks a slot that has no default and so is never left out. */
const REQUIRED = Symbol('required');
type SlotDefault = string | number | boolean | null | typeof REQUIRED;

// Type-specific slots of a node, after [type, id, name, site, x, y].
const NODE_COMMON_SLOTS: SlotDefault[] = [REQUIRED, REQUIRED, REQUIRED, null, null, null];
const TYPE_SLOTS: Record<(typeof NODE_TYPES)[number], SlotDefault[]> = {
  // exchange, servicePack, services bit mask, directory, store, mta (0 = dynamic), rfc1006Port
  server: [REQUIRED, 0, 15, 0, 0, 0, 102],
  // protocol, server, auth, sendsMail
  client: [REQUIRED, null, 0, 1],
  firewall: [],
  network: [],
  // direction
  smtpHost: [0],
};
const SITE_SLOTS: SlotDefault[] = [REQUIRED, REQUIRED, null, null, null, null];
const LINK_SLOTS: SlotDefault[] = [REQUIRED, REQUIRED, REQUIRED, null];
const CONNECTOR_SLOTS: SlotDefault[] = [REQUIRED, REQUIRED, REQUIRED, REQUIRED, null];
// name, then four lists; a list's default (empty) is handled by trimPlan and the reader.
const PLAN_SLOTS: SlotDefault[] = ['', REQUIRED, REQUIRED, REQUIRED, REQUIRED];

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

function trimTuple(tuple: Value[], slots: SlotDefault[]): Value[] {
  let end = tuple.length;
  while (end > 0) {
    const slot = slots[end - 1];
    if (slot === REQUIRED || slot === undefined || tuple[end - 1] !== slot) break;
    end--;
  }
  return tuple.slice(0, end);
}

function trimPlan(tuple: Value[]): Value[] {
  let end = tuple.length;
  while (end > 0) {
    const value = tuple[end - 1];
    const empty = Array.isArray(value) ? value.length === 0 : value === PLAN_SLOTS[end - 1];
    // Only empty lists and an empty name may be left out.
    if (!empty) break;
    end--;
  }
  return tuple.slice(0, end);
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

  /** The value read back; undefined when a `0` has nothing to follow. */
  decode(kind: string, written: unknown): string | undefined {
    let value: string | undefined;
    if (written === 0) value = successorOf(this.previous.get(kind));
    else if (typeof written === 'string') value = written;
    if (value !== undefined) this.previous.set(kind, value);
    return value;
  }
}

function roundCoordinate(value: number): number {
  const rounded = Math.round(value);
  // -0 would survive JSON as 0 anyway; normalising keeps the round trip exact.
  return rounded === 0 ? 0 : rounded;
}

function indexOf(ids: Map<string, number>, id: string | null | undefined): number | string | null {
  if (id === null || id === undefined) return null;
  return ids.get(id) ?? id;
}

/** The compact form of `plan` (see the module comment); JSON-serialisable. */
export function compactPlan(plan: Plan): Value[] {
  const memory = new SuccessorMemory();
  const siteIndex = new Map<string, number>();
  plan.sites.forEach((site, i) => {
    if (!siteIndex.has(site.id)) siteIndex.set(site.id, i);
  });
  const nodeIndex = new Map<string, number>();
  plan.nodes.forEach((node, i) => {
    if (!nodeIndex.has(node.id)) nodeIndex.set(node.id, i);
  });

  const sites = plan.sites.map((site) =>
    trimTuple(
      [
        memory.encode('site.id', site.id),
        memory.encode('site.name', site.name),
        site.position ? roundCoordinate(site.position.x) : null,
        site.position ? roundCoordinate(site.position.y) : null,
        site.size ? roundCoordinate(site.size.width) : null,
        site.size ? roundCoordinate(site.size.height) : null,
      ],
      SITE_SLOTS,
    ),
  );

  const nodes = plan.nodes.map((node) => {
    const type = NODE_TYPES.indexOf(node.type);
    const common: Value[] = [
      type,
      memory.encode(`${node.type}.id`, node.id),
      memory.encode(`${node.type}.name`, node.name),
      indexOf(siteIndex, node.site),
      node.position ? roundCoordinate(node.position.x) : null,
      node.position ? roundCoordinate(node.position.y) : null,
    ];
    const fields = typeFields(node, nodeIndex);
    return trimTuple([...common, ...fields], [...NODE_COMMON_SLOTS, ...TYPE_SLOTS[node.type]]);
  });

  const links = plan.links.map((link) =>
    trimTuple(
      [
        memory.encode('link.id', link.id),
        indexOf(nodeIndex, link.a),
        indexOf(nodeIndex, link.b),
        link.name ?? null,
      ],
      LINK_SLOTS,
    ),
  );

  const connectors = plan.connectors.map((connector) =>
    trimTuple(
      [
        memory.encode('connector.id', connector.id),
        CONNECTOR_TYPES.indexOf(connector.type),
        indexOf(nodeIndex, connector.a),
        indexOf(nodeIndex, connector.b),
        connector.name ?? null,
      ],
      CONNECTOR_SLOTS,
    ),
  );

  return trimPlan([plan.name, sites, nodes, links, connectors]);
}

function typeFields(node: PlanNode, nodeIndex: Map<string, number>): Value[] {
  switch (node.type) {
    case 'server': {
      let services = 0;
      for (const [service, bit] of SERVICE_BITS) if (node.services[service]) services |= bit;
      return [
        EXCHANGE_VERSIONS.indexOf(node.exchange),
        node.servicePack,
        services,
        node.staticPorts.directory ?? 0,
        node.staticPorts.store ?? 0,
        node.staticPorts.mta ?? 0,
        node.rfc1006Port,
      ];
    }
    case 'client':
      return [
        PROTOCOLS.indexOf(node.protocol),
        indexOf(nodeIndex, node.server),
        AUTHS.indexOf(node.auth),
        node.sendsMail ? 1 : 0,
      ];
    case 'smtpHost':
      return [DIRECTIONS.indexOf(node.direction)];
    case 'firewall':
    case 'network':
      return [];
  }
}

/** Why a compact form could not be read back: the link was damaged. */
export class CompactFormError extends Error {
  override readonly name = 'CompactFormError';
}

function fail(where: string, what: string): never {
  throw new CompactFormError(`${where}: ${what}`);
}

/** Reads slot `i` of `tuple`, falling back to the slot's default when left out. */
function slot(tuple: unknown[], slots: SlotDefault[], i: number, where: string): unknown {
  if (i < tuple.length) return tuple[i];
  const fallback = slots[i];
  if (fallback === REQUIRED || fallback === undefined) fail(where, `value ${i} is missing`);
  return fallback;
}

function asTuple(value: unknown, slots: SlotDefault[], where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, 'expected a list');
  if (value.length > slots.length) fail(where, 'too many values');
  return value;
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'expected a number');
  return value;
}

function asCode<T>(table: readonly T[], value: unknown, where: string): T {
  const code = asNumber(value, where);
  const entry = Number.isInteger(code) ? table[code] : undefined;
  if (entry === undefined) fail(where, `unknown code ${code}`);
  return entry;
}

function asElided(memory: SuccessorMemory, kind: string, value: unknown, where: string): string {
  const decoded = memory.decode(kind, value);
  if (decoded === undefined) fail(where, 'expected a text');
  return decoded;
}

function asReference(ids: string[], value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  const index = asNumber(value, where);
  const id = Number.isInteger(index) ? ids[index] : undefined;
  if (id === undefined) fail(where, `reference ${index} points nowhere`);
  return id;
}

function asOptionalText(value: unknown, where: string): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'string') fail(where, 'expected a text');
  return value;
}

function asList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, 'expected a list');
  return value;
}

function readPosition(x: unknown, y: unknown, where: string): { x: number; y: number } | undefined {
  if (x === null && y === null) return undefined;
  return { x: asNumber(x, `${where}.x`), y: asNumber(y, `${where}.y`) };
}

/**
 * Rebuilds the full plan document (SPEC §2, version 1) from its compact form.
 * Throws `CompactFormError` when the value is not a compact plan; the document
 * it returns still has to pass `loadPlan`.
 */
export function expandCompactPlan(compact: unknown): Record<string, unknown> {
  const top = asTuple(compact, PLAN_SLOTS, 'plan');
  const name = slot(top, PLAN_SLOTS, 0, 'plan name');
  if (typeof name !== 'string') fail('plan name', 'expected a text');
  // A list left out at the end of the compact plan is empty.
  const list = (i: number, where: string) => (i < top.length ? asList(top[i], where) : []);
  const memory = new SuccessorMemory();

  const sites: Site[] = list(1, 'sites').map((value, i) => {
    const where = `sites[${i}]`;
    const t = asTuple(value, SITE_SLOTS, where);
    const site: Site = {
      id: asElided(memory, 'site.id', slot(t, SITE_SLOTS, 0, where), `${where}.id`),
      name: asElided(memory, 'site.name', slot(t, SITE_SLOTS, 1, where), `${where}.name`),
    };
    const position = readPosition(slot(t, SITE_SLOTS, 2, where), slot(t, SITE_SLOTS, 3, where), where);
    if (position) site.position = position;
    const size = readPosition(slot(t, SITE_SLOTS, 4, where), slot(t, SITE_SLOTS, 5, where), where);
    if (size) site.size = { width: size.x, height: size.y };
    return site;
  });
  const siteIds = sites.map((site) => site.id);

  // Node ids are needed before references to later nodes can be resolved.
  const nodeTuples = list(2, 'nodes').map((value, i) => {
    const where = `nodes[${i}]`;
    if (!Array.isArray(value)) fail(where, 'expected a list');
    const type = asCode(NODE_TYPES, value[0], `${where}.type`);
    const slots = [...NODE_COMMON_SLOTS, ...TYPE_SLOTS[type]];
    const t = asTuple(value, slots, where);
    const id = asElided(memory, `${type}.id`, slot(t, slots, 1, where), `${where}.id`);
    const name = asElided(memory, `${type}.name`, slot(t, slots, 2, where), `${where}.name`);
    return { where, type, slots, t, id, name };
  });
  const nodeIds = nodeTuples.map((node) => node.id);

  const nodes = nodeTuples.map(({ where, type, slots, t, id, name }) => {
    const node: Record<string, unknown> = { id, type, name };
    const site = slot(t, slots, 3, where);
    if (site !== null) node.site = asReference(siteIds, site, `${where}.site`);
    const position = readPosition(slot(t, slots, 4, where), slot(t, slots, 5, where), where);
    if (position) node.position = position;
    const field = (i: number) => slot(t, slots, 6 + i, where);
    switch (type) {
      case 'server': {
        const services = asNumber(field(2), `${where}.services`);
        if (!Number.isInteger(services) || services < 0 || services > 31)
          fail(`${where}.services`, 'bad mask');
        const port = (i: number, key: string) => {
          const value = asNumber(field(i), `${where}.${key}`);
          return value === 0 ? null : value;
        };
        node.exchange = asCode(EXCHANGE_VERSIONS, field(0), `${where}.exchange`);
        node.servicePack = asNumber(field(1), `${where}.servicePack`);
        node.services = Object.fromEntries(SERVICE_BITS.map(([key, bit]) => [key, (services & bit) !== 0]));
        node.staticPorts = { directory: port(3, 'directory'), store: port(4, 'store'), mta: port(5, 'mta') };
        node.rfc1006Port = asNumber(field(6), `${where}.rfc1006Port`);
        break;
      }
      case 'client': {
        node.protocol = asCode(PROTOCOLS, field(0), `${where}.protocol`);
        const server = field(1);
        node.server = server === null ? null : asReference(nodeIds, server, `${where}.server`);
        node.auth = asCode(AUTHS, field(2), `${where}.auth`);
        node.sendsMail = asCode([false, true], field(3), `${where}.sendsMail`);
        break;
      }
      case 'smtpHost':
        node.direction = asCode(DIRECTIONS, field(0), `${where}.direction`);
        break;
      case 'firewall':
      case 'network':
        break;
    }
    return node;
  });

  const links = list(3, 'links').map((value, i) => {
    const where = `links[${i}]`;
    const t = asTuple(value, LINK_SLOTS, where);
    const link: Link = {
      id: asElided(memory, 'link.id', slot(t, LINK_SLOTS, 0, where), `${where}.id`),
      a: asReference(nodeIds, slot(t, LINK_SLOTS, 1, where), `${where}.a`),
      b: asReference(nodeIds, slot(t, LINK_SLOTS, 2, where), `${where}.b`),
    };
    const linkName = asOptionalText(slot(t, LINK_SLOTS, 3, where), `${where}.name`);
    if (linkName !== undefined) link.name = linkName;
    return link;
  });

  const connectors = list(4, 'connectors').map((value, i) => {
    const where = `connectors[${i}]`;
    const t = asTuple(value, CONNECTOR_SLOTS, where);
    const connector: Connector = {
      id: asElided(memory, 'connector.id', slot(t, CONNECTOR_SLOTS, 0, where), `${where}.id`),
      type: asCode(CONNECTOR_TYPES, slot(t, CONNECTOR_SLOTS, 1, where), `${where}.type`),
      a: asReference(nodeIds, slot(t, CONNECTOR_SLOTS, 2, where), `${where}.a`),
      b: asReference(nodeIds, slot(t, CONNECTOR_SLOTS, 3, where), `${where}.b`),
    };
    const connectorName = asOptionalText(slot(t, CONNECTOR_SLOTS, 4, where), `${where}.name`);
    if (connectorName !== undefined) connector.name = connectorName;
    return connector;
  });

  return { format: 'exchange-port-plan', version: 1, name, sites, nodes, links, connectors };
}
