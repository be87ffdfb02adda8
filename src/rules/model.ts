/**
 * The firewall rules of a plan (SPEC §9), before any platform spells them:
 * for each firewall, the flows that cross it (SPEC §4) grouped as an engineer
 * writes them — one rule per source, destination and direction (ingress and
 * egress interface), holding every protocol and port that goes that way;
 * address objects defined once and reused; identical rules written once.
 * The generators (one module per platform) only spell this model.
 */
import { compareStrings } from '../engine/compare';
import { formatPorts } from '../engine/matrix';
import type { Analysis, FirewallCrossing, Flow, FlowProtocol, PortRange } from '../engine/types';
import { ANY_ADDRESS } from '../model/address';
import type { Plan, PlanNode } from '../model/types';

/** IP version of an address; null for a placeholder, whose address is not known yet. */
export type AddressFamily = 4 | 6;

/**
 * A named address: one per distinct address a rule names, or one placeholder
 * per endpoint that has no address (ADDRESS_MISSING), to be filled in.
 */
export interface AddressObject {
  /** `a:<address>` for a known address, `p:<node id>` for a placeholder. */
  key: string;
  /** The name it is known by: the first of its nodes by name, then id. */
  label: string;
  /** The canonical address (`10.1.0.10`, `10.1.0.0/16`, `2001:db8::/32`); null for a placeholder. */
  address: string | null;
  family: AddressFamily | null;
  /** The nodes it stands for, by name then id. */
  nodes: { id: string; name: string }[];
}

/** One end of a rule: the platform's any, or an address object. */
export type RuleEnd = { kind: 'any' } | { kind: 'object'; object: AddressObject };

/** One protocol and port (or range) a rule permits, with why. */
export interface RuleService {
  protocol: FlowProtocol;
  ports: PortRange;
  /** The flows' service labels ("MTA (RPC)"), distinct, in flow order. */
  services: string[];
  /** The flows' reasons with their KB articles, distinct, in flow order. */
  reasons: string[];
  /**
   * Each reason's number: the index in `Analysis.flows` of the first flow
   * that gives it, so equal texts have one number, and the rules of one
   * firewall alone number it as the whole list does. A flow's reason is in
   * the rules of every firewall it crosses: a generator keeps what it writes
   * for a reason in a list by number rather than in a map by text.
   */
  reasonNumbers: number[];
}

/** A set of (protocol, port) a rule permits, shared by every rule that permits exactly that set. */
export interface ServiceGroup {
  /** The entries' `TCP 135`, `TCP 1024-65535`, … joined: equal sets share a key. */
  key: string;
  /** A readable name to build an identifier from: `tcp_135_6001_6003`. */
  label: string;
  entries: { protocol: FlowProtocol; ports: PortRange }[];
}

/** One rule: from a source to a destination, entering on `ingress` and leaving by `egress`. */
export interface FirewallRule {
  source: RuleEnd;
  destination: RuleEnd;
  ingress: string;
  egress: string;
  /** Sorted by port (a single port before a range that starts at it), then protocol (TCP first). */
  services: RuleService[];
  /** The services' ports for each protocol, in the services' order: what every format lists per protocol. */
  ports: Readonly<Record<FlowProtocol, readonly PortRange[]>>;
  /** Set when the rule permits more than one (protocol, port). */
  group: ServiceGroup | null;
  /** `EXAMS01 to EXBRU01`, its ends' {@link endLabel}s around `to`: what a stable rule name is made from. */
  label: string;
  /** One line: the services and the KB articles of every reason. */
  summary: string;
  /** The IP version both ends agree on; null when neither end has a known address. */
  family: AddressFamily | null;
  /** The ends have known addresses of different IP versions: no single rule can permit this. */
  mixedFamilies: boolean;
  /** The ends that are placeholders: the rule works only once their addresses are filled in. */
  placeholders: readonly AddressObject[];
  /** Indexes into `Analysis.flows` of the flows this rule permits. */
  flowIndexes: number[];
}

/** The rules of one firewall. */
export interface FirewallRules {
  firewall: { id: string; name: string };
  /** The address objects its rules name, by label then key. */
  objects: AddressObject[];
  /** The service groups its rules use, by label then key. */
  serviceGroups: ServiceGroup[];
  rules: FirewallRule[];
  /** Rows of the port matrix for this firewall (SPEC §6): what the rules replace. */
  matrixRows: number;
  /** Distinct (source, destination, direction, protocol, port) lines the rules hold. */
  ruleLines: number;
}

function nodeName(node: PlanNode | undefined, id: string): string {
  return node?.name ? node.name : id;
}

function familyOf(address: string): AddressFamily {
  return address.includes(':') ? 6 : 4;
}

/** The KB articles a set of reasons cites (every `KB <digits>`), in first-seen order. */
export function kbArticles(reasons: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of reasons) for (const kb of kbOf(r)) seen.add(kb);
  return [...seen];
}

/** The `KB <digits>` a reason cites, in order. */
function kbOf(reason: string): string[] {
  const list: string[] = [];
  for (let at = reason.indexOf('KB '); at !== -1; ) {
    let end = at + 3;
    while (end < reason.length && reason.charCodeAt(end) >= 48 && reason.charCodeAt(end) <= 57) end++;
    if (end > at + 3) {
      list.push(reason.slice(at, end));
      at = reason.indexOf('KB ', end);
    } else at = reason.indexOf('KB ', at + 1);
  }
  return list;
}

function serviceKey(protocol: FlowProtocol, ports: PortRange): string {
  return `${protocol} ${formatPorts(ports)}`;
}

function groupLabel(entries: readonly { protocol: FlowProtocol; ports: PortRange }[]): string {
  const parts: string[] = [];
  for (const protocol of ['TCP', 'UDP'] as const) {
    const ports = entries.filter((e) => e.protocol === protocol).map((e) => formatPorts(e.ports));
    if (ports.length > 0) parts.push([protocol.toLowerCase(), ...ports].join('_'));
  }
  return parts.join('_');
}

/** Objects are shared by the whole plan, so a firewall's objects are the same objects another firewall names. */
class ObjectTable {
  private readonly objects = new Map<string, AddressObject>();
  private readonly unsorted = new Set<AddressObject>();
  /** Each node's end, made once: a node is one end of many flows. */
  private readonly ends = new Map<string, RuleEnd>();
  /** Each object's number, from 1 in the order made; `any` is 0. */
  private readonly numbers = new Map<AddressObject, number>();
  constructor(private readonly nodes: Map<string, PlanNode>) {}

  /** How many numbers {@link number} gives: every object's and `any`'s. */
  get size(): number {
    return this.numbers.size + 1;
  }

  /** An end as a number: equal numbers, equal ends (as `endKey` says), so a rule's key can be made of numbers. */
  number(end: RuleEnd): number {
    return end.kind === 'any' ? 0 : (this.numbers.get(end.object) as number);
  }

  end(nodeId: string): RuleEnd {
    let end = this.ends.get(nodeId);
    if (!end) {
      end = this.makeEnd(nodeId);
      this.ends.set(nodeId, end);
    }
    return end;
  }

  private makeEnd(nodeId: string): RuleEnd {
    const node = this.nodes.get(nodeId);
    const address = node && 'address' in node ? node.address : null;
    if (address === ANY_ADDRESS) return { kind: 'any' };
    const key = address === null ? `p:${nodeId}` : `a:${address}`;
    let object = this.objects.get(key);
    const entry = { id: nodeId, name: nodeName(node, nodeId) };
    if (!object) {
      object = {
        key,
        label: entry.name,
        address,
        family: address === null ? null : familyOf(address),
        nodes: [entry],
      };
      this.objects.set(key, object);
      this.numbers.set(object, this.numbers.size + 1);
    } else {
      // A node is met once (its end is kept), so it joins an object's nodes once.
      object.nodes.push(entry);
      this.unsorted.add(object);
    }
    return { kind: 'object', object };
  }

  /** Puts each object's nodes in name order; its label is the first. */
  finish(): void {
    for (const object of this.unsorted) {
      object.nodes.sort((x, y) => compareStrings(x.name, y.name) || compareStrings(x.id, y.id));
      object.label = (object.nodes[0] as { name: string }).name;
    }
    this.unsorted.clear();
  }
}

function endKey(end: RuleEnd): string {
  return end.kind === 'any' ? 'any' : end.object.key;
}

/** What an end is called in a rule's label: `any`, or its object's label. */
export function endLabel(end: RuleEnd): string {
  return end.kind === 'any' ? 'any' : end.object.label;
}

interface Draft {
  source: RuleEnd;
  destination: RuleEnd;
  ingress: string;
  egress: string;
  /** In the rule's order (addInOrder): a rule holds a few, so they are found by a scan rather than a map per rule. */
  services: RuleService[];
  flowIndexes: number[];
  /** The draft of the same two ends in another direction (see `firewallRules`). */
  other: Draft | null;
}

/** The draft of a chain (one pair of ends) that goes the crossing's way. */
function inDirection(first: Draft | undefined, crossing: FirewallCrossing): Draft | undefined {
  for (let d = first; d !== undefined; d = d.other ?? undefined) {
    if (d.ingress === crossing.ingress && d.egress === crossing.egress) return d;
  }
  return undefined;
}

function compareRules(x: FirewallRule, y: FirewallRule): number {
  return (
    compareStrings(x.label, y.label) ||
    compareStrings(x.ingress, y.ingress) ||
    compareStrings(x.egress, y.egress) ||
    compareStrings(endKey(x.source), endKey(y.source)) ||
    compareStrings(endKey(x.destination), endKey(y.destination))
  );
}

const NO_PORTS: readonly PortRange[] = Object.freeze([]);
const NO_PLACEHOLDERS: readonly AddressObject[] = Object.freeze([]);

/** What the rules of one plan share while they are made. */
interface RuleContext {
  /** The firewall's service groups, by key. */
  groups: Map<string, ServiceGroup>;
  /** The KB articles of a reason by its number: a flow's reason is in the rule of every firewall the flow crosses, so it is read once. */
  cited: readonly (readonly string[] | undefined)[];
}

/**
 * A rule's service for a flow, from its first flow. Its lists, like a draft's,
 * begin with their first entry: an array begun empty takes room for sixteen
 * at its first push, and a plan's rules are kept while they are shown. The
 * ports are the flow's own (a rule set, like its analysis, is never changed).
 */
function newService(flow: Flow, reason: number): RuleService {
  return {
    protocol: flow.protocol,
    ports: flow.ports,
    services: [flow.service],
    reasons: [flow.reason],
    reasonNumbers: [reason],
  };
}

/** The draft's service of the flow's protocol and ports, if it has one yet. */
function serviceOf(draft: Draft, flow: Flow): RuleService | undefined {
  const { protocol, ports } = flow;
  for (const s of draft.services) {
    if (s.protocol === protocol && s.ports.from === ports.from && s.ports.to === ports.to) return s;
  }
  return undefined;
}

/**
 * Adds a service to a rule's, which are kept in the order the rule lists them
 * (compareServices): a rule holds a few, and sorting each rule's when done
 * allocated more than the services themselves.
 */
function addInOrder(services: RuleService[], service: RuleService): void {
  services.push(service);
  for (
    let k = services.length - 1;
    k > 0 && compareServices(services[k - 1] as RuleService, service) > 0;
    k--
  ) {
    services[k] = services[k - 1] as RuleService;
    services[k - 1] = service;
  }
}

/** `list` with `item` added; a list of one made when there is none. */
function append<T>(list: T[] | null, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

function compareServices(x: RuleService, y: RuleService): number {
  return x.ports.from - y.ports.from || x.ports.to - y.ports.to || compareStrings(x.protocol, y.protocol);
}

/** The IP version of an end's address; null for `any` and for a placeholder. */
function endFamily(end: RuleEnd): AddressFamily | null {
  return end.kind === 'any' ? null : end.object.family;
}

function finishRule(draft: Draft, { groups, cited }: RuleContext): FirewallRule {
  const services = draft.services;
  let group: ServiceGroup | null = null;
  if (services.length > 1) {
    const entries = services.map((s) => ({ protocol: s.protocol, ports: s.ports }));
    const key = entries.map((e) => serviceKey(e.protocol, e.ports)).join(',');
    group = groups.get(key) ?? { key, label: groupLabel(entries), entries };
    groups.set(key, group);
  }
  const sourceFamily = endFamily(draft.source);
  const destinationFamily = endFamily(draft.destination);
  const mixedFamilies =
    sourceFamily !== null && destinationFamily !== null && sourceFamily !== destinationFamily;
  let placeholders = NO_PLACEHOLDERS;
  for (const end of [draft.source, draft.destination]) {
    if (end.kind === 'object' && end.object.family === null) placeholders = [...placeholders, end.object];
  }
  // The summary is in a line of every format: written as one flat string from one list of pieces,
  // `MTA (RPC), Directory TCP 135; … (KB 1, KB 2)`, rather than from joins of joins.
  const summary: string[] = [];
  // kbArticles of the services' reasons (a handful), each reason's articles read once for the plan.
  const kb: string[] = [];
  // Each protocol's list is made at its first port, as a service's lists are (newService).
  let tcp: PortRange[] | null = null;
  let udp: PortRange[] | null = null;
  for (const s of services) {
    if (summary.length > 0) summary.push('; ');
    for (let k = 0; k < s.services.length; k++) summary.push(k > 0 ? ', ' : '', s.services[k] as string);
    summary.push(' ', s.protocol, ' ', formatPorts(s.ports));
    for (const n of s.reasonNumbers) for (const a of cited[n] as string[]) if (!kb.includes(a)) kb.push(a);
    if (s.protocol === 'TCP') tcp = append(tcp, s.ports);
    else udp = append(udp, s.ports);
  }
  for (let k = 0; k < kb.length; k++) summary.push(k > 0 ? ', ' : ' (', kb[k] as string);
  if (kb.length > 0) summary.push(')');
  return {
    source: draft.source,
    destination: draft.destination,
    ingress: draft.ingress,
    egress: draft.egress,
    services,
    ports: { TCP: tcp ?? NO_PORTS, UDP: udp ?? NO_PORTS },
    group,
    label: `${endLabel(draft.source)} to ${endLabel(draft.destination)}`,
    summary: summary.join(''),
    family: mixedFamilies ? null : (sourceFamily ?? destinationFamily),
    mixedFamilies,
    placeholders,
    // Ascending already: a firewall's flows come in index order (Analysis.flowsByFirewall).
    flowIndexes: draft.flowIndexes,
  };
}

/**
 * A flow's crossings of one firewall, in the flow's order. Across every
 * firewall, each route's crossings are sorted by firewall once (flows of one
 * route share their crossings): on a mesh a flow crosses hundreds of
 * firewalls, and picking one firewall's crossings out of each flow's for each
 * firewall was quadratic (29 s for the 20 × 20 grid's rules).
 */
function crossingsAtFirewall(all: boolean): (flow: Flow, firewall: string) => readonly FirewallCrossing[] {
  if (!all) return (flow, firewall) => flow.crossings.filter((c) => c.firewall === firewall);
  const byRoute = new Map<readonly FirewallCrossing[], Map<string, FirewallCrossing[]>>();
  return (flow, firewall) => {
    const crossings = flow.crossings;
    let byFirewall = byRoute.get(crossings);
    if (!byFirewall) {
      byFirewall = new Map();
      for (const c of crossings) {
        const list = byFirewall.get(c.firewall);
        if (list) list.push(c);
        else byFirewall.set(c.firewall, [c]);
      }
      byRoute.set(crossings, byFirewall);
    }
    return byFirewall.get(firewall) ?? [];
  };
}

/**
 * The rules of every firewall of the plan, in firewall name order (then id):
 * what each firewall team loads (SPEC §9). Pure: the same plan gives the same
 * rules in the same order. With `only`, the rules of those firewalls alone,
 * each exactly as in the whole list (the inspector shows one firewall's).
 */
export function firewallRules(plan: Plan, analysis: Analysis, only?: ReadonlySet<string>): FirewallRules[] {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n] as const));
  const objects = new ObjectTable(nodes);
  // Every endpoint first, so an object's label (its first node) is final before any rule is named after it.
  const sources = analysis.flows.map((flow) => objects.end(flow.source));
  const destinations = analysis.flows.map((flow) => objects.end(flow.destination));
  objects.finish();
  // Each flow's pair of ends as one number (source, then destination): a rule's key without a string to make and hash.
  const ends = objects.size;
  const pairs = analysis.flows.map(
    (_, i) => objects.number(sources[i] as RuleEnd) * ends + objects.number(destinations[i] as RuleEnd),
  );
  // A reason's number is the first flow that gives it, over every flow, whichever firewalls are written.
  const firstWith = new Map<string, number>();
  const reasonNumbers = analysis.flows.map((flow, i) => {
    const first = firstWith.get(flow.reason);
    if (first !== undefined) return first;
    firstWith.set(flow.reason, i);
    return i;
  });
  const cited: (readonly string[] | undefined)[] = new Array(analysis.flows.length);
  const firewalls = [...analysis.flowsByFirewall.keys()]
    .filter((id) => only === undefined || only.has(id))
    .map((id) => ({ id, name: nodeName(nodes.get(id), id) }))
    .sort((x, y) => compareStrings(x.name, y.name) || compareStrings(x.id, y.id));
  const crossingsAt = crossingsAtFirewall(firewalls.length > 1);
  return firewalls.map((firewall) => {
    const indexes = analysis.flowsByFirewall.get(firewall.id) ?? [];
    // A rule is one pair of ends in one direction. Drafts are found by their pair; the
    // directions a pair crosses this firewall in (one, or a few) are chained from it.
    const byPair = new Map<number, Draft>();
    const drafts: Draft[] = [];
    for (const i of indexes) {
      const flow = analysis.flows[i] as Flow;
      const pair = pairs[i] as number;
      const reason = reasonNumbers[i] as number;
      if (cited[reason] === undefined) cited[reason] = kbOf(flow.reason);
      for (const crossing of crossingsAt(flow, firewall.id)) {
        const first = byPair.get(pair);
        const draft = inDirection(first, crossing);
        if (!draft) {
          const made: Draft = {
            source: sources[i] as RuleEnd,
            destination: destinations[i] as RuleEnd,
            ingress: crossing.ingress,
            egress: crossing.egress,
            services: [newService(flow, reason)],
            flowIndexes: [i],
            other: first ?? null,
          };
          byPair.set(pair, made);
          drafts.push(made);
          continue;
        }
        // Flow indexes come in ascending order, so a repeat is always the last one.
        if (draft.flowIndexes[draft.flowIndexes.length - 1] !== i) draft.flowIndexes.push(i);
        const service = serviceOf(draft, flow);
        if (!service) {
          addInOrder(draft.services, newService(flow, reason));
          continue;
        }
        if (!service.services.includes(flow.service)) service.services.push(flow.service);
        if (!service.reasonNumbers.includes(reason)) {
          service.reasonNumbers.push(reason);
          service.reasons.push(flow.reason);
        }
      }
    }
    const context: RuleContext = { groups: new Map(), cited };
    const rules = drafts.map((d) => finishRule(d, context)).sort(compareRules);
    const used = new Map<string, AddressObject>();
    for (const rule of rules) {
      if (rule.source.kind === 'object') used.set(rule.source.object.key, rule.source.object);
      if (rule.destination.kind === 'object') used.set(rule.destination.object.key, rule.destination.object);
    }
    return {
      firewall,
      objects: [...used.values()].sort(
        (x, y) => compareStrings(x.label, y.label) || compareStrings(x.key, y.key),
      ),
      serviceGroups: [...context.groups.values()].sort(
        (x, y) => compareStrings(x.label, y.label) || compareStrings(x.key, y.key),
      ),
      rules,
      matrixRows: indexes.length,
      ruleLines: rules.reduce((n, r) => n + r.services.length, 0),
    };
  });
}

/** A firewall's rule count and the (protocol, ports) its rules open, without writing the rules. */
export interface FirewallRuleCount {
  rules: number;
  opened: { protocol: FlowProtocol; ports: PortRange }[];
}

/**
 * For each firewall, how many rules firewallRules writes for it and what they
 * open, by the same grouping (one rule per source, destination and direction)
 * but without naming, sorting or explaining them: the canvas needs this on
 * every edit, and writing every rule of a 1,000-node plan takes about a
 * second. A test holds the counts equal to firewallRules'.
 */
export function firewallRuleCounts(plan: Plan, analysis: Analysis): Map<string, FirewallRuleCount> {
  const objects = new ObjectTable(new Map(plan.nodes.map((n) => [n.id, n] as const)));
  const counts = new Map<string, FirewallRuleCount>();
  for (const [firewall, indexes] of analysis.flowsByFirewall) {
    const rules = new Set<string>();
    const opened = new Map<string, { protocol: FlowProtocol; ports: PortRange }>();
    for (const i of indexes) {
      const flow = analysis.flows[i];
      if (!flow) continue;
      const source = endKey(objects.end(flow.source));
      const destination = endKey(objects.end(flow.destination));
      for (const crossing of flow.crossings) {
        if (crossing.firewall !== firewall) continue;
        rules.add([source, destination, crossing.ingress, crossing.egress].join('\u0000'));
        opened.set(serviceKey(flow.protocol, flow.ports), { protocol: flow.protocol, ports: flow.ports });
      }
    }
    counts.set(firewall, { rules: rules.size, opened: [...opened.values()] });
  }
  return counts;
}
