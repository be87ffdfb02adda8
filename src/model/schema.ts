/**
 * The rules of the plan file (SPEC §2, version 2) and the words a refusal uses.
 *
 * Structure and types are a zod schema, each part carrying its own message so
 * a refusal reads `nodes[3].staticPorts.mta: must be an integer from 1 to 65535`
 * rather than zod's wording. What a schema cannot see from one value alone —
 * ids unique across the five collections, references that resolve — is
 * checked afterwards by `findReferenceIssues` (references.ts) on the parsed plan.
 */
import { z } from 'zod';
import { ADDRESS_MESSAGES, canonicalAddress } from './address';
import { ID_PATTERN } from './ids';
import { codePointName, firstBadCharacter } from './text';
import {
  CLIENT_AUTHS,
  CLIENT_PROTOCOLS,
  CONNECTOR_TYPES,
  CURRENT_PLAN_VERSION,
  EXCHANGE_VERSIONS,
  type ExchangeVersion,
  NEWS_FEEDS,
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

/** The highest service pack of each Exchange version (SPEC §2, v2). */
export const LAST_SERVICE_PACK: Readonly<Record<ExchangeVersion, number>> = Object.freeze({
  '4.0': 5,
  '5.0': 2,
  '5.5': 4,
});

/** The range a restricted RPC range (`rpcPorts`) must lie in: the dynamic ports (KB 154596). */
export const RPC_RANGE = { min: 1024, max: 65535 } as const;

/** An interface or zone name on a link's firewall end (SPEC §2, v2). */
export const INTERFACE_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

const C = formatCount(PLAN_LIMITS.coordinate);
const OWA_VERSIONS = ['5.0', '5.5'] as const;

/** The text after `<path>: ` in every refusal, in one table. */
export const PLAN_MESSAGES = {
  notAnObject: 'must be a JSON object',
  format: `must be "${PLAN_FORMAT}"`,
  version: 'must be a whole number of at least 1',
  newerVersion: (version: number) =>
    `this plan was made by a newer version of Exchange Port Planner (plan version ${version}; this version reads up to ${CURRENT_PLAN_VERSION})`,
  id: 'must be 1–64 characters of letters, digits, _, - or .',
  name: `must be a string of at most ${PLAN_LIMITS.nameLength} characters`,
  controlCharacter: (code: number, index: number) =>
    `must not hold the control character ${codePointName(code)} (at character ${index + 1})`,
  loneSurrogate: (index: number) =>
    `must not hold a lone surrogate, half of a character (at character ${index + 1})`,
  array: (what: string) => `must be an array of ${what}`,
  tooMany: (what: string, limit: number, actual: number) =>
    `at most ${formatCount(limit)} ${what} (this plan has ${formatCount(actual)})`,
  site: 'must be an object describing a site',
  node: 'must be an object describing a node',
  link: 'must be an object describing a link',
  connector: 'must be an object describing a connector',
  note: 'must be an object describing a note',
  position: 'must be an object { "x": number, "y": number }',
  size: 'must be an object { "width": number, "height": number }',
  coordinate: `must be a number from -${C} to ${C}`,
  sizeValue: `must be a number from 1 to ${C}`,
  nodeType: `must be ${list(NODE_TYPES, false)}`,
  siteRef: 'must be the id of a site',
  siteRequired: 'required on a server',
  exchange: `must be ${list(EXCHANGE_VERSIONS, true)}`,
  owaExchange: `must be ${list(OWA_VERSIONS, true)}`,
  servicePack: 'must be an integer from 0 to 5',
  servicePackOfVersion: (exchange: ExchangeVersion) =>
    `must be an integer from 0 to ${LAST_SERVICE_PACK[exchange]} for Exchange ${exchange}`,
  services: 'must be an object of true/false values for pop3, imap4, ldap, nntp and internetMail',
  staticPorts: 'must be an object with directory, store, mta and systemAttendant, each a port or null',
  port: 'must be an integer from 1 to 65535',
  rpcPorts: 'must be an object { "from": port, "to": port }, or null',
  rpcPort: `must be an integer from ${RPC_RANGE.min} to ${RPC_RANGE.max}`,
  rpcOrder: (from: number) => `must be at least from (${from})`,
  boolean: 'must be true or false',
  protocol: `must be ${list(CLIENT_PROTOCOLS, false)}`,
  auth: `must be ${list(CLIENT_AUTHS, false)}`,
  clientServer: 'must be the id of a node, or null',
  smtpServer: 'must be the id of a server or smtpHost, or null',
  smartHost: 'must be the id of an smtpHost, or null',
  dns: 'must be the id of a dns node, or null',
  serverOrNull: 'must be the id of a server, or null',
  direction: `must be ${list(SMTP_DIRECTIONS, false)}`,
  feed: `must be ${list(NEWS_FEEDS, false)}`,
  address: ADDRESS_MESSAGES.address,
  nodeRef: 'must be the id of a node',
  interface: 'must be 1–32 characters of letters, digits, _, - or ., or null',
  connectorType: `must be ${list(CONNECTOR_TYPES, true)}`,
  serverRef: 'must be the id of a server',
  noteText: `must be a text of 1 to ${formatCount(PLAN_LIMITS.noteLength)} characters`,
  about: 'must be the id of a site, node, link or connector, or null',
  linkSelf: 'a link must join two different nodes',
  connectorSelf: 'a connector must join two different servers',
  duplicateId: (id: string, firstPath: string) => `${quote(id)} is already used by ${firstPath}`,
  notASite: (id: string) => `${quote(id)} is not a site of this plan`,
  notANode: (id: string) => `${quote(id)} is not a node of this plan`,
  siteNotNode: (id: string) => `${quote(id)} is a site, not a node`,
  notAServerOfPlan: (id: string) => `${quote(id)} is not a server of this plan`,
  notAServer: (id: string) => `${quote(id)} is not a server`,
  /** `kind` with its article: `an smtpHost`, `a dns node`, `a server or smtpHost`. */
  notOfPlan: (id: string, kind: string) => `${quote(id)} is not ${kind} of this plan`,
  notA: (id: string, kind: string) => `${quote(id)} is not ${kind}`,
  wrongObject: (id: string, actual: string, expected: string) =>
    `${quote(id)} is a ${actual}, not ${expected}`,
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

/** A string without control characters (line breaks allowed with `lineBreaks`) or lone surrogates. */
function cleanText<T extends z.ZodString>(schema: T, lineBreaks = false) {
  return schema.superRefine((text, ctx) => {
    const bad = firstBadCharacter(text, lineBreaks);
    if (bad === undefined) return;
    const message =
      bad.kind === 'control' ? M.controlCharacter(bad.code, bad.index) : M.loneSurrogate(bad.index);
    ctx.addIssue({ code: 'custom', message, input: text });
  });
}

const idSchema = z.string(rule(M.id)).regex(ID_PATTERN);
const nameSchema = cleanText(z.string(rule(M.name)).max(PLAN_LIMITS.nameLength));
const coordinate = z.number(rule(M.coordinate)).min(-PLAN_LIMITS.coordinate).max(PLAN_LIMITS.coordinate);
const sizeValue = z.number(rule(M.sizeValue)).min(1).max(PLAN_LIMITS.coordinate);
const positionSchema = z.object({ x: coordinate, y: coordinate }, rule(M.position));
const sizeSchema = z.object({ width: sizeValue, height: sizeValue }, rule(M.size));
const portSchema = z.number(rule(M.port)).int().min(1).max(65535);
const rpcPortSchema = z.number(rule(M.rpcPort)).int().min(RPC_RANGE.min).max(RPC_RANGE.max);
const booleanSchema = z.boolean(rule(M.boolean));
const nullableRef = (message: string) => z.string(rule(message)).nullable().optional();

/** An address (SPEC §2, v2), turned into its canonical form; `null` when none is known. */
const addressSchema = z
  .string(rule(M.address))
  .transform((text, ctx) => {
    const result = canonicalAddress(text);
    if (result.ok) return result.address;
    ctx.addIssue({ code: 'custom', message: result.error, input: text });
    return z.NEVER;
  })
  .nullable()
  .optional();

function limitedArray<T extends z.ZodType>(item: T, what: string, limit: number) {
  return z.array(item, rule(M.array(what))).max(limit, {
    error: (issue: { input?: unknown }) =>
      M.tooMany(what, limit, Array.isArray(issue.input) ? issue.input.length : limit + 1),
  });
}

const serverIdList = limitedArray(z.string(rule(M.serverRef)), 'server ids', PLAN_LIMITS.serverList);

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

const serverSchema = z
  .object({
    type: z.literal('server'),
    site: z.string(rule(M.siteRef, M.siteRequired)),
    address: addressSchema,
    exchange: z.enum(EXCHANGE_VERSIONS, rule(M.exchange)),
    // Checked with the version below, so the message can say the range of this server's version.
    servicePack: z.custom<number>(() => true).optional(),
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
          systemAttendant: portSchema.nullable().optional(),
        },
        rule(M.staticPorts),
      )
      .optional(),
    rfc1006Port: portSchema.optional(),
    ldapPort: portSchema.optional(),
    rpcPorts: z
      .object({ from: rpcPortSchema, to: rpcPortSchema }, rule(M.rpcPorts))
      .refine((range) => range.from <= range.to, {
        path: ['to'],
        error: (issue) => M.rpcOrder((issue.input as { from: number }).from),
      })
      .nullable()
      .optional(),
    smartHost: nullableRef(M.smartHost),
    dns: nullableRef(M.dns),
  })
  .refine((server) => isServicePackOf(server.servicePack, server.exchange), {
    path: ['servicePack'],
    error: (issue) => servicePackMessage((issue.input as { exchange?: unknown }).exchange),
    // Checked even when another field is wrong, so the first problem in the document is the one named.
    when: (payload) => isRecord(payload.value),
  });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isExchangeVersion = (value: unknown): value is ExchangeVersion =>
  (EXCHANGE_VERSIONS as readonly unknown[]).includes(value);

/** Whether `servicePack` (absent: 0) exists for `exchange`; up to 5 when the version itself is wrong. */
function isServicePackOf(servicePack: unknown, exchange: unknown): boolean {
  if (servicePack === undefined) return true;
  const last = isExchangeVersion(exchange) ? LAST_SERVICE_PACK[exchange] : 5;
  return Number.isInteger(servicePack) && (servicePack as number) >= 0 && (servicePack as number) <= last;
}

function servicePackMessage(exchange: unknown): string {
  return isExchangeVersion(exchange) ? M.servicePackOfVersion(exchange) : M.servicePack;
}

const clientSchema = z.object({
  type: z.literal('client'),
  address: addressSchema,
  protocol: z.enum(CLIENT_PROTOCOLS, rule(M.protocol)),
  auth: z.enum(CLIENT_AUTHS, rule(M.auth)).optional(),
  server: nullableRef(M.clientServer),
  sendsMail: booleanSchema.optional(),
  smtpServer: nullableRef(M.smtpServer),
  notifications: booleanSchema.optional(),
});

const firewallSchema = z.object({ type: z.literal('firewall'), nat: booleanSchema.optional() });
const networkSchema = z.object({ type: z.literal('network'), address: addressSchema });
const smtpHostSchema = z.object({
  type: z.literal('smtpHost'),
  address: addressSchema,
  direction: z.enum(SMTP_DIRECTIONS, rule(M.direction)).optional(),
});
const owaSchema = z.object({
  type: z.literal('owa'),
  address: addressSchema,
  exchange: z.enum(OWA_VERSIONS, rule(M.owaExchange)),
  servers: serverIdList.optional(),
});
const dnsSchema = z.object({ type: z.literal('dns'), address: addressSchema });
const newsHostSchema = z.object({
  type: z.literal('newsHost'),
  address: addressSchema,
  server: nullableRef(M.serverOrNull),
  feed: z.enum(NEWS_FEEDS, rule(M.feed)).optional(),
});

/** The message of a discriminated union whose `type` matches none of its options. */
function unknownType(typeMessage: string, objectMessage: string) {
  return {
    error: (issue: { code?: string; input?: unknown }) => {
      if (issue.code !== 'invalid_union') return objectMessage;
      const type = (issue.input as { type?: unknown } | null)?.type;
      return type === undefined ? `required (${typeMessage})` : typeMessage;
    },
  };
}

/**
 * The common fields and the fields of the node's type are checked side by
 * side, so a bad `name` is still reported when the `type` is unknown too.
 */
const nodeSchema = z.intersection(
  nodeBaseSchema,
  z.discriminatedUnion(
    'type',
    [
      serverSchema,
      clientSchema,
      firewallSchema,
      networkSchema,
      smtpHostSchema,
      owaSchema,
      dnsSchema,
      newsHostSchema,
    ],
    unknownType(M.nodeType, M.node),
  ),
);

const interfaceSchema = z.string(rule(M.interface)).regex(INTERFACE_PATTERN).nullable().optional();

const linkSchema = z
  .object(
    {
      id: idSchema,
      name: nameSchema.optional(),
      a: z.string(rule(M.nodeRef)),
      b: z.string(rule(M.nodeRef)),
      aInterface: interfaceSchema,
      bInterface: interfaceSchema,
    },
    rule(M.link),
  )
  .refine((link) => link.a !== link.b, { error: M.linkSelf });

const connectorBaseSchema = z.object({ id: idSchema, name: nameSchema.optional() }, rule(M.connector));

const x400Schema = z
  .object({
    type: z.literal('x400'),
    a: z.string(rule(M.serverRef)),
    b: z.string(rule(M.serverRef)),
  })
  .refine((connector) => connector.a !== connector.b, { error: M.connectorSelf });

/** A site connector may join a site to itself: that is the finding CONNECTOR_SAME_SITE, not a refusal. */
const siteConnectorSchema = z.object({
  type: z.literal('site'),
  a: z.string(rule(M.siteRef)),
  b: z.string(rule(M.siteRef)),
  bridgeheadA: nullableRef(M.serverOrNull),
  targetsA: serverIdList.optional(),
  bridgeheadB: nullableRef(M.serverOrNull),
  targetsB: serverIdList.optional(),
});

const connectorSchema = z.intersection(
  connectorBaseSchema,
  z.discriminatedUnion('type', [x400Schema, siteConnectorSchema], unknownType(M.connectorType, M.connector)),
);

const noteSchema = z.object(
  {
    id: idSchema,
    about: nullableRef(M.about),
    text: cleanText(z.string(rule(M.noteText)).min(1).max(PLAN_LIMITS.noteLength), true),
    resolved: booleanSchema.optional(),
  },
  rule(M.note),
);

/**
 * A plan document of the current version, before defaults are filled in.
 * Unknown fields are dropped; optional fields may be absent; addresses come
 * out in their canonical form.
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
    notes: limitedArray(noteSchema, 'notes', PLAN_LIMITS.notes).optional(),
  },
  rule(M.notAnObject),
);

export type ParsedPlan = z.output<typeof planSchema>;

/** One offending value: where it is and what is wrong with it. */
export interface PlanIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** `['nodes', 3, 'staticPorts', 'mta']` → `nodes[3].staticPorts.mta`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
