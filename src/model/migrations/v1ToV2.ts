/**
 * Plan format version 1 → 2 (SPEC §2.1). A version 1 document is read as
 * version 2 with these changes and nothing else:
 * - a site connector between two servers becomes one between their sites,
 *   each half sending from its server to the other server only, which gives
 *   exactly the flows version 1 gave;
 * - a 5.0 server on service pack 3 or 4 (which do not exist) gets 2, the last;
 * - a control character in a name becomes a space, a lone surrogate U+FFFD;
 * - coordinates are clamped to ±1,000,000 and sizes to 1–1,000,000;
 * - fields that version 1 did not know are dropped, so a stray `address` or
 *   `notes` in an old file does not turn into a version 2 setting.
 *
 * The document has passed only the format and version checks. A value of the
 * wrong type is passed on unchanged, for the version 2 schema to refuse with
 * its path; a site connector end that names no server with a site is left as
 * it is, so the refusal names that end.
 */
import { cleanName } from '../text';
import { PLAN_LIMITS } from '../types';

type Doc = Record<string, unknown>;

const isRecord = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields of `value` that version 1 knew, in the document's order; other values pass unchanged. */
function pick(
  value: unknown,
  fields: readonly string[],
  change: (key: string, v: unknown) => unknown = (_, v) => v,
) {
  if (!isRecord(value)) return value;
  const out: Doc = {};
  for (const [key, v] of Object.entries(value)) if (fields.includes(key)) out[key] = change(key, v);
  return out;
}

function mapArray(value: unknown, each: (item: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(each) : value;
}

const name = (value: unknown) => (typeof value === 'string' ? cleanName(value) : value);

function clamp(value: unknown, min: number, max: number): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : value;
}

const limit = PLAN_LIMITS.coordinate;
const position = (value: unknown) => pick(value, ['x', 'y'], (_, v) => clamp(v, -limit, limit));
/** A version 1 size could be 0 or negative; the nearest version 2 size is 1. */
const size = (value: unknown) => pick(value, ['width', 'height'], (_, v) => clamp(v, 1, limit));

const COMMON = ['id', 'type', 'name', 'site', 'position'];
const V1_NODE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  server: [...COMMON, 'exchange', 'servicePack', 'services', 'staticPorts', 'rfc1006Port'],
  client: [...COMMON, 'protocol', 'auth', 'server', 'sendsMail'],
  firewall: COMMON,
  network: COMMON,
  smtpHost: [...COMMON, 'direction'],
};
const V1_SERVICES = ['pop3', 'imap4', 'ldap', 'nntp', 'internetMail'];
const V1_STATIC_PORTS = ['directory', 'store', 'mta'];

function migrateNode(node: unknown): unknown {
  const type = isRecord(node) ? node.type : undefined;
  const fields = (typeof type === 'string' && V1_NODE_FIELDS[type]) || COMMON;
  const out = pick(node, fields, (key, v) => {
    switch (key) {
      case 'name':
        return name(v);
      case 'position':
        return position(v);
      case 'services':
        return pick(v, V1_SERVICES);
      case 'staticPorts':
        return pick(v, V1_STATIC_PORTS);
      default:
        return v;
    }
  });
  // Exchange 5.0 had service packs 1 and 2 only; version 1 let any server say up to 4.
  if (
    isRecord(out) &&
    type === 'server' &&
    out.exchange === '5.0' &&
    (out.servicePack === 3 || out.servicePack === 4)
  ) {
    out.servicePack = 2;
  }
  return out;
}

/** The site of each server that names one, by id: what a version 1 site connector end becomes. */
function siteOfServer(nodes: unknown): Map<string, string> {
  const sites = new Map<string, string>();
  if (!Array.isArray(nodes)) return sites;
  for (const node of nodes) {
    if (!isRecord(node) || node.type !== 'server') continue;
    if (typeof node.id === 'string' && typeof node.site === 'string' && !sites.has(node.id)) {
      sites.set(node.id, node.site);
    }
  }
  return sites;
}

function migrateConnector(connector: unknown, sites: Map<string, string>): unknown {
  const out = pick(connector, ['id', 'type', 'name', 'a', 'b'], (key, v) => (key === 'name' ? name(v) : v));
  if (!isRecord(out) || out.type !== 'site') return out;
  const { a, b } = out;
  const siteOf = (end: unknown) => (typeof end === 'string' ? sites.get(end) : undefined) ?? end;
  const targets = (end: unknown) => (end === undefined ? undefined : [end]);
  const migrated: Doc = {
    ...out,
    a: siteOf(a),
    b: siteOf(b),
    bridgeheadA: a,
    targetsA: targets(b),
    bridgeheadB: b,
    targetsB: targets(a),
  };
  // A missing end stays missing, for the schema to say it is required.
  for (const [key, value] of Object.entries(migrated)) if (value === undefined) delete migrated[key];
  return migrated;
}

/** Turns a version 1 document into a version 2 one (see the module comment); never mutates `doc`. */
export function migrateV1ToV2(doc: Doc): Doc {
  const sites = siteOfServer(doc.nodes);
  return pick(doc, ['format', 'version', 'name', 'sites', 'nodes', 'links', 'connectors'], (key, v) => {
    switch (key) {
      case 'name':
        return name(v);
      case 'sites':
        return mapArray(v, (site) =>
          pick(site, ['id', 'name', 'position', 'size'], (k, value) =>
            k === 'name'
              ? name(value)
              : k === 'position'
                ? position(value)
                : k === 'size'
                  ? size(value)
                  : value,
          ),
        );
      case 'nodes':
        return mapArray(v, migrateNode);
      case 'links':
        return mapArray(v, (link) =>
          pick(link, ['id', 'name', 'a', 'b'], (k, value) => (k === 'name' ? name(value) : value)),
        );
      case 'connectors':
        return mapArray(v, (connector) => migrateConnector(connector, sites));
      default:
        return v;
    }
  }) as Doc;
}
