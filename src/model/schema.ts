/**
 * The rules of the plan file (SPEC §2) and the words a refusal uses.
 *
 * Structure and types are a zod schema, each part carrying its own message so
 * a refusal reads `nodes[3].staticPorts.mta: must be an integer from 1 to 65535`
 * rather than zod's wording. What a schema cannot see from one value alone —
 * ids unique across the four collections, references that resolve — is
 * checked afterwards by `findReferenceIssues` on the parsed plan.
 */
import { z } from 'zod';
import { ID_PATTERN } from './ids';
import {
  CLIENT_AUTHS,
  CLIENT_PROTOCOLS,
  CONNECTOR_TYPES,
  CURRENT_PLAN_VERSION,
  EXCHANGE_VERSIONS,
  NODE_TYPES,
  PLAN_FORMAT,
  PLAN_LIMITS,
  SMTP_DIRECTIONS,
} from './types';

const list = (values: readonly string[], quote: boolean): string => {
  const shown = values.map((v) => (quote ? `"${v}"` : v));
  return quote
    ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`
    : `one of ${shown.join(', ')}`;
};

/** `5000` → `5,000`, independent of the locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text after `<path>: ` in every refusal, in one table. */
export const PLAN_MESSAGES = {
  notAnObject: 'must be a JSON object',
  format: `must be "${PLAN_FORMAT}"`,
  version: 'must be a whole number of at least 1',
  newerVersion: (version: number) =>
    `this plan was made by a newer version of Exchange Port Planner (plan version ${version}; this version reads up to ${CURRENT_PLAN_VERSION})`,
  id: 'must be 1–64 characters of letters, digits, _, - or .',
  name: `must be a string of at most ${PLAN_LIMITS.nameLength} characters`,
  array: (what: string) => `must be an array of ${what}`,
  tooMany: (what: string, limit: number, actual: number) =>
    `at most ${formatCount(limit)} ${what} (this plan has ${formatCount(actual)})`,
  site: 'must be an object describing a site',
  node: 'must be an object describing a node',
  link: 'must be an object describing a link',
  connector: 'must be an object describing a connector',
  position: 'must be an object { "x": number, "y": number }',
  size: 'must be an object { "width": number, "height": number }',
  finiteNumber: 'must be a finite number',
  nodeType: `must be ${list(NODE_TYPES, false)}`,
  siteRef: 'must be the id of a site',
  siteRequired: 'required on a server',
  exchange: `must be ${list(EXCHANGE_VERSIONS, true)}`,
  servicePack: 'must be an integer from 0 to 4',
  services: 'must be an object of true/false values for pop3, imap4, ldap, nntp and internetMail',
  staticPorts: 'must be an object with directory, store and mta, each a port or null',
  port: 'must be an integer from 1 to 65535',
  boolean: 'must be true or false',
  protocol: `must be ${list(CLIENT_PROTOCOLS, false)}`,
  auth: `must be ${list(CLIENT_AUTHS, false)}`,
  clientServer: 'must be the id of a node, or null',
  direction: `must be ${list(SMTP_DIRECTIONS, false)}`,
  nodeRef: 'must be the id of a node',
  connectorType: `must be ${list(CONNECTOR_TYPES, true)}`,
  serverRef: 'must be the id of a server',
  linkSelf: 'a link must join two different nodes',
  connectorSelf: 'a connector must join two different servers',
  duplicateId: (id: string, firstPath: string) => `${quote(id)} is already used by ${firstPath}`,
  notASite: (id: string) => `${quote(id)} is not a site of this plan`,
  notANode: (id: string) => `${quote(id)} is not a node of this plan`,
  siteNotNode: (id: string) => `${quote(id)} is a site, not a node`,
  notAServerOfPlan: (id: string) => `${quote(id)} is not a server of this plan`,
  notAServer: (id: string) => `${quote(id)} is not a server`,
} as const;

const M = PLAN_MESSAGES;

/** A value quoted for a message; long values are cut so a message stays one readable line. */
function quote(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

/**
 * zod options whose message is `text`, or `required (text)` when the value is
 * missing. Checks chained on the schema fall back to the same message.
 */
function rule(text: string, missing = `required (${text})`) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : text) };
}

const idSchema = z.string(rule(M.id)).regex(ID_PATTERN);
const nameSchema = z.string(rule(M.name)).max(PLAN_LIMITS.nameLength);
const finiteNumber = z.number(rule(M.finiteNumber));
const positionSchema = z.object({ x: finiteNumber, y: finiteNumber }, rule(M.position));
const sizeSchema = z.object({ width: finiteNumber, height: finiteNumber }, rule(M.size));
const portSchema = z.number(rule(M.port)).int().min(1).max(65535);
const booleanSchema = z.boolean(rule(M.boolean));

const siteSchema = z.object(
  {
    id: idSchema,
    name: nameSchema,
    position: positionSchema.optional(),
    size: sizeSchema.optional(),
  },
  rule(M.site),
);

/** Fields every node has, whatever its type. */
const nodeBaseSchema = z.object(
  {
    id: idSchema,
    name: nameSchema,
    site: z.string(rule(M.siteRef)).optional(),
    position: positionSchema.optional(),
  },
  rule(M.node),
);

const serverSchema = z.object({
  type: z.literal('server'),
  site: z.string(rule(M.siteRef, M.siteRequired)),
  exchange: z.enum(EXCHANGE_VERSIONS, rule(M.exchange)),
  servicePack: z.number(rule(M.servicePack)).int().min(0).max(4).optional(),
  services: z
    .object(
      {
        pop3: booleanSchema.optional(),
        imap4: booleanSchema.optional(),
        ldap: booleanSchema.optional(),
        nntp: booleanSchema.optional(),
        internetMail: booleanSchema.optional(),
      },
      rule(M.services),
    )
    .optional(),
  staticPorts: z
    .object(
      {
        directory: portSchema.nullable().optional(),
        store: portSchema.nullable().optional(),
        mta: portSchema.nullable().optional(),
      },
      rule(M.staticPorts),
    )
    .optional(),
  rfc1006Port: portSchema.optional(),
});

const clientSchema = z.object({
  type: z.literal('client'),
  protocol: z.enum(CLIENT_PROTOCOLS, rule(M.protocol)),
  auth: z.enum(CLIENT_AUTHS, rule(M.auth)).optional(),
  server: z.string(rule(M.clientServer)).nullable().optional(),
  sendsMail: booleanSchema.optional(),
});

const firewallSchema = z.object({ type: z.literal('firewall') });
const networkSchema = z.object({ type: z.literal('network') });
const smtpHostSchema = z.object({
  type: z.literal('smtpHost'),
  direction: z.enum(SMTP_DIRECTIONS, rule(M.direction)).optional(),
});

/**
 * The common fields and the fields of the node's type are checked side by
 * side, so a bad `name` is still reported when the `type` is unknown too.
 */
const nodeSchema = z.intersection(
  nodeBaseSchema,
  z.discriminatedUnion('type', [serverSchema, clientSchema, firewallSchema, networkSchema, smtpHostSchema], {
    error: (issue: { code?: string; input?: unknown }) => {
      if (issue.code !== 'invalid_union') return M.node;
      const type = (issue.input as { type?: unknown } | null)?.type;
      return type === undefined ? `required (${M.nodeType})` : M.nodeType;
    },
  }),
);

const linkSchema = z
  .object(
    {
      id: idSchema,
      name: nameSchema.optional(),
      a: z.string(rule(M.nodeRef)),
      b: z.string(rule(M.nodeRef)),
    },
    rule(M.link),
  )
  .refine((link) => link.a !== link.b, { error: M.linkSelf });

const connectorSchema = z
  .object(
    {
      id: idSchema,
      type: z.enum(CONNECTOR_TYPES, rule(M.connectorType)),
      name: nameSchema.optional(),
      a: z.string(rule(M.serverRef)),
      b: z.string(rule(M.serverRef)),
    },
    rule(M.connector),
  )
  .refine((connector) => connector.a !== connector.b, { error: M.connectorSelf });

function limitedArray<T extends z.ZodType>(item: T, what: string, limit: number) {
  return z.array(item, rule(M.array(what))).max(limit, {
    error: (issue: { input?: unknown }) =>
      M.tooMany(what, limit, Array.isArray(issue.input) ? issue.input.length : limit + 1),
  });
}

/**
 * A plan document of the current version, before defaults are filled in.
 * Unknown fields are dropped; optional fields may be absent.
 */
export const planSchema = z.object(
  {
    format: z.literal(PLAN_FORMAT, rule(M.format)),
    version: z.literal(CURRENT_PLAN_VERSION, rule(M.version)),
    name: nameSchema.optional(),
    sites: limitedArray(siteSchema, 'sites', PLAN_LIMITS.sites),
    nodes: limitedArray(nodeSchema, 'nodes', PLAN_LIMITS.nodes),
    links: limitedArray(linkSchema, 'links', PLAN_LIMITS.links),
    connectors: limitedArray(connectorSchema, 'connectors', PLAN_LIMITS.connectors).optional(),
  },
  rule(M.notAnObject),
);

export type ParsedPlan = z.output<typeof planSchema>;

/** One offending value: where it is and what is wrong with it. */
export interface PlanIssue {
  path: readonly PropertyKey[];
  message: string;
}

export type PlanCollection = 'sites' | 'nodes' | 'links' | 'connectors';
export const PLAN_COLLECTIONS: readonly PlanCollection[] = ['sites', 'nodes', 'links', 'connectors'];

/** `['nodes', 3, 'staticPorts', 'mta']` → `nodes[3].staticPorts.mta`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

interface Owner {
  collection: PlanCollection;
  index: number;
  isServer: boolean;
}

/**
 * Every id that is used twice and every reference that names nothing
 * suitable (SPEC §2). `order` is the order in which the collections appear in
 * the document, so that "already used by" points at the earlier object.
 * A client's server may be any node: a non-server is the engine's
 * CLIENT_WITHOUT_SERVER finding, not a refusal.
 */
export function findReferenceIssues(
  plan: ParsedPlan,
  order: readonly PlanCollection[] = PLAN_COLLECTIONS,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const owners = new Map<string, Owner>();
  for (const collection of order) {
    const items: readonly { id: string; type?: string }[] = plan[collection] ?? [];
    items.forEach((item, index) => {
      const first = owners.get(item.id);
      if (first) {
        issues.push({
          path: [collection, index, 'id'],
          message: M.duplicateId(item.id, formatPath([first.collection, first.index])),
        });
      } else {
        owners.set(item.id, {
          collection,
          index,
          isServer: collection === 'nodes' && item.type === 'server',
        });
      }
    });
  }

  const isA = (id: string, collection: PlanCollection) => owners.get(id)?.collection === collection;

  plan.nodes.forEach((node, index) => {
    if (node.site !== undefined && !isA(node.site, 'sites')) {
      issues.push({ path: ['nodes', index, 'site'], message: M.notASite(node.site) });
    }
    if (node.type === 'client' && typeof node.server === 'string' && !isA(node.server, 'nodes')) {
      issues.push({ path: ['nodes', index, 'server'], message: M.notANode(node.server) });
    }
  });

  plan.links.forEach((link, index) => {
    for (const end of ['a', 'b'] as const) {
      const id = link[end];
      if (isA(id, 'nodes')) continue;
      const message = isA(id, 'sites') ? M.siteNotNode(id) : M.notANode(id);
      issues.push({ path: ['links', index, end], message });
    }
  });

  (plan.connectors ?? []).forEach((connector, index) => {
    for (const end of ['a', 'b'] as const) {
      const id = connector[end];
      const owner = owners.get(id);
      if (owner?.isServer) continue;
      issues.push({
        path: ['connectors', index, end],
        message: owner ? M.notAServer(id) : M.notAServerOfPlan(id),
      });
    }
  });

  return issues;
}
