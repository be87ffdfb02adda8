/**
 * The sites, nodes, links, connectors and notes added, removed or changed
 * between two versions of a plan, by id, each with its changed fields and the
 * changed port matrix rows it took part in.
 */
import { compareStrings } from '../engine/compare';
import type { Analysis, Flow, Relationship } from '../engine/types';
import type { Plan } from '../model/types';
import type { ChangedRow, Collection, FieldChange, ObjectChange } from './types';

/** Fields for drawing only: the engine ignores them, and so does a design review. */
const DRAWING_FIELDS: ReadonlySet<string> = new Set(['position', 'size']);

const COLLECTIONS: readonly Collection[] = ['sites', 'nodes', 'links', 'connectors', 'notes'];

const SINGULAR: Readonly<Record<Collection, string>> = {
  sites: 'site',
  nodes: 'node',
  links: 'link',
  connectors: 'connector',
  notes: 'note',
};

interface PlanObject {
  readonly id: string;
  readonly [field: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of plan values (JSON data: primitives, arrays, plain records). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  let count = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k)) continue;
    count++;
    if (!Object.hasOwn(b, k) || !sameValue(a[k], b[k])) return false;
  }
  for (const k in b) if (Object.hasOwn(b, k)) count--;
  return count === 0;
}

/** Equal apart from drawing-only fields: most objects of a revised plan, told apart cheaply. */
function sameObject(a: PlanObject, b: PlanObject): boolean {
  for (const k in a) {
    if (!Object.hasOwn(a, k) || DRAWING_FIELDS.has(k)) continue;
    if (!Object.hasOwn(b, k) || !sameValue(a[k], b[k])) return false;
  }
  for (const k in b) {
    if (Object.hasOwn(b, k) && !DRAWING_FIELDS.has(k) && !Object.hasOwn(a, k)) return false;
  }
  return true;
}

/**
 * The fields that differ between two versions of an object, by path: records
 * (services, staticPorts) field by field, everything else (lists of ids, the
 * rpcPorts range when one side is null) as one value. `undefined` is a side
 * that lacks the field.
 */
export function fieldChanges(before: PlanObject | undefined, after: PlanObject | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (prefix: string, a: unknown, b: unknown) => {
    if (isRecord(a) && isRecord(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareStrings);
      for (const k of keys) {
        if (prefix === '' && (k === 'id' || DRAWING_FIELDS.has(k))) continue;
        walk(prefix === '' ? k : `${prefix}.${k}`, a[k], b[k]);
      }
      return;
    }
    if (sameValue(a, b)) return;
    const change: { field: string; old?: unknown; new?: unknown } = { field: prefix };
    if (a !== undefined) change.old = a;
    if (b !== undefined) change.new = b;
    out.push(change);
  };
  walk('', before ?? {}, after ?? {});
  return out;
}

function kindOf(collection: Collection, object: PlanObject): string {
  if ((collection === 'nodes' || collection === 'connectors') && typeof object.type === 'string')
    return object.type;
  return SINGULAR[collection];
}

function nameOf(object: PlanObject): string {
  return typeof object.name === 'string' ? object.name : '';
}

function objectsOf(plan: Plan, collection: Collection): readonly PlanObject[] {
  return plan[collection] as unknown as readonly PlanObject[];
}

/** Objects added, removed or changed, without their rows yet. */
function changedObjects(before: Plan, after: Plan): Omit<ObjectChange, 'rows'>[] {
  const out: Omit<ObjectChange, 'rows'>[] = [];
  for (const collection of COLLECTIONS) {
    const oldById = new Map(objectsOf(before, collection).map((o) => [o.id, o] as const));
    const newById = new Map(objectsOf(after, collection).map((o) => [o.id, o] as const));
    const part: Omit<ObjectChange, 'rows'>[] = [];
    for (const [id, o] of oldById) {
      const n = newById.get(id);
      if (n === undefined) {
        part.push({
          collection,
          id,
          change: 'removed',
          kind: kindOf(collection, o),
          name: nameOf(o),
          fields: fieldChanges(o, undefined),
        });
        continue;
      }
      if (sameObject(o, n)) continue;
      const fields = fieldChanges(o, n);
      if (fields.length > 0)
        part.push({
          collection,
          id,
          change: 'changed',
          kind: kindOf(collection, n),
          name: nameOf(n),
          fields,
        });
    }
    for (const [id, n] of newById) {
      if (!oldById.has(id))
        part.push({
          collection,
          id,
          change: 'added',
          kind: kindOf(collection, n),
          name: nameOf(n),
          fields: fieldChanges(undefined, n),
        });
    }
    part.sort((x, y) => compareStrings(x.name, y.name) || compareStrings(x.id, y.id));
    out.push(...part);
  }
  return out;
}

/** The ids a relationship names (SPEC §3.2). */
function relationshipIds(r: Relationship): string[] {
  switch (r.kind) {
    case 'client':
      return [r.client, r.server];
    case 'owa':
      return [r.owa, r.server];
    case 'intrasite':
      return [r.from, r.to];
    case 'siteConnector':
      return [r.connector, r.from, r.to];
    case 'x400Connector':
      return [r.connector];
    case 'smtpHost':
      return [r.host, r.server];
    case 'smartHost':
      return [r.server, r.host];
    case 'dns':
      return [r.server, r.dns];
    case 'newsHost':
      return [r.host, r.server];
  }
}

/**
 * Every id a matrix row's rule can be traced to in its own plan: its firewall,
 * source and destination, the links its flow uses, the objects its
 * relationship names, the sites a site connector joins, and the site two
 * servers share when they talk inside it.
 */
function traceableIds(
  flow: Flow,
  firewallId: string,
  connectorSites: ReadonlyMap<string, string[]>,
  siteOf: ReadonlyMap<string, string>,
): string[] {
  const ids = [
    firewallId,
    flow.source,
    flow.destination,
    ...flow.links,
    ...relationshipIds(flow.relationship),
  ];
  const r = flow.relationship;
  if (r.kind === 'siteConnector') ids.push(...(connectorSites.get(r.connector) ?? []));
  if (r.kind === 'intrasite') {
    const site = siteOf.get(r.from);
    if (site !== undefined) ids.push(site);
  }
  return ids;
}

/** For each changed object id, the indexes of the changed rows (of one side) that trace to it. */
function rowsByObject(
  plan: Plan,
  analysis: Analysis,
  rows: readonly ChangedRow[],
  wanted: ReadonlySet<string>,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (wanted.size === 0 || rows.length === 0) return out;
  const connectorSites = new Map<string, string[]>();
  for (const c of plan.connectors) {
    if (c.type === 'site') connectorSites.set(c.id, [c.a, c.b]);
  }
  const siteOf = new Map<string, string>();
  for (const n of plan.nodes) if (n.type === 'server') siteOf.set(n.id, n.site);
  rows.forEach((changed, i) => {
    const flow = analysis.flows[changed.row.flowIndex];
    if (!flow) return;
    for (const id of new Set(traceableIds(flow, changed.firewallId, connectorSites, siteOf))) {
      if (!wanted.has(id)) continue;
      const list = out.get(id);
      if (list) list.push(i);
      else out.set(id, [i]);
    }
  });
  return out;
}

/**
 * The objects added, removed or changed between two plans, by id, each with
 * the changed rows it took part in: removed rows as the old plan traces them,
 * added rows as the new plan does. Ids are unique across collections (SPEC §2),
 * so one map serves them all.
 */
export function compareObjects(
  before: { plan: Plan; analysis: Analysis },
  after: { plan: Plan; analysis: Analysis },
  rows: { removed: readonly ChangedRow[]; added: readonly ChangedRow[] },
): ObjectChange[] {
  const objects = changedObjects(before.plan, after.plan);
  const wanted = new Set(objects.map((o) => o.id));
  const removedBy = rowsByObject(before.plan, before.analysis, rows.removed, wanted);
  const addedBy = rowsByObject(after.plan, after.analysis, rows.added, wanted);
  // The old plan's rows trace only to objects it has, the new plan's to objects it has: this keeps
  // an id that is a node in one plan and a link in the other from taking the other's rows.
  return objects.map((o) => ({
    ...o,
    rows: {
      removed: o.change === 'added' ? [] : (removedBy.get(o.id) ?? []),
      added: o.change === 'removed' ? [] : (addedBy.get(o.id) ?? []),
    },
  }));
}
