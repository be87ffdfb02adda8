/**
 * The findings that appeared or went away between two versions of a plan
 * (SPEC §10), by identity rather than by message, so that a rename alone
 * neither raises nor clears a finding.
 */
import { compareStrings } from '../engine/compare';
import type { StaticRpcService } from '../engine/findingCatalog';
import { makeFinding } from '../engine/findingCatalog';
import type { Finding } from '../engine/types';
import type { PlanNode } from '../model/types';
import type { AnalysedPlan, ChangedFinding, FindingChangeKind } from './types';

const SEPARATOR = '\u0000';

/** The RPC services a DYNAMIC_RPC_PORTS finding can be about (SPEC §5). */
const DYNAMIC_RPC_SERVICES: readonly StaticRpcService[] = ['directory', 'store', 'mta', 'systemAttendant'];

const FULL_RANGE = { from: 1024, to: 65535 };

interface IdentifiedFinding {
  readonly key: string;
  readonly finding: Finding;
  readonly rpc?: StaticRpcService;
}

/**
 * The RPC service of a DYNAMIC_RPC_PORTS finding. A finding carries only its
 * message and subjects (firewall, server), so the service is found by building
 * the catalog's message for each service and keeping the one that matches:
 * exact, and in step with the catalog whatever its wording.
 */
function dynamicRpcService(
  finding: Finding,
  nodes: ReadonlyMap<string, PlanNode>,
): StaticRpcService | undefined {
  const [firewallId, serverId] = finding.subjects;
  const firewall = nodes.get(firewallId ?? '');
  const server = nodes.get(serverId ?? '');
  if (!firewall || server?.type !== 'server') return undefined;
  // Named as the engine names nodes: by name, or by id when the name is empty.
  const nameOf = (node: PlanNode) => node.name || node.id;
  for (const rpc of DYNAMIC_RPC_SERVICES) {
    const candidate = makeFinding(
      'DYNAMIC_RPC_PORTS',
      {
        firewall: nameOf(firewall),
        server: nameOf(server),
        rpc,
        exchange: server.exchange,
        servicePack: server.servicePack,
        range: server.rpcPorts ?? FULL_RANGE,
        narrowed: server.rpcPorts !== null,
      },
      finding.subjects,
    );
    if (candidate.message === finding.message) return rpc;
  }
  return undefined;
}

/**
 * A finding's identity (SPEC §10): its code and the sorted ids of its
 * subjects, and for DYNAMIC_RPC_PORTS its RPC service. Should the service not
 * be recognised, the message stands in for it, so two such findings are still
 * told apart.
 */
export function findingIdentity(finding: Finding, rpc?: StaticRpcService): string {
  const subjects = [...finding.subjects].sort(compareStrings);
  const parts = [finding.code, ...subjects];
  if (finding.code === 'DYNAMIC_RPC_PORTS') parts.push(rpc ?? `?${finding.message}`);
  return parts.join(SEPARATOR);
}

/** The identity without the RPC service: code and sorted subject ids. */
function subjectKey(finding: Finding): string {
  return [finding.code, ...[...finding.subjects].sort(compareStrings)].join(SEPARATOR);
}

/**
 * Each finding of an analysed plan with its identity, in the analysis's
 * order. `resolve` says which DYNAMIC_RPC_PORTS findings (by code and
 * subjects) need their RPC service worked out; by default all do.
 */
export function identifiedFindings(
  { plan, analysis }: AnalysedPlan,
  resolve: (subjectKey: string) => boolean = () => true,
): IdentifiedFinding[] {
  let nodes: Map<string, PlanNode> | undefined;
  return analysis.findings.map((finding) => {
    if (finding.code !== 'DYNAMIC_RPC_PORTS') return { key: findingIdentity(finding), finding };
    const key = subjectKey(finding);
    if (!resolve(key)) return { key, finding };
    nodes ??= new Map(plan.nodes.map((n) => [n.id, n] as const));
    const rpc = dynamicRpcService(finding, nodes);
    return rpc === undefined
      ? { key: findingIdentity(finding), finding }
      : { key: findingIdentity(finding, rpc), finding, rpc };
  });
}

/** The messages of the DYNAMIC_RPC_PORTS findings of one analysis, by code and subjects, sorted. */
function dynamicMessages({ analysis }: AnalysedPlan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of analysis.findings) {
    if (f.code !== 'DYNAMIC_RPC_PORTS') continue;
    const key = subjectKey(f);
    const list = out.get(key);
    if (list) list.push(f.message);
    else out.set(key, [f.message]);
  }
  for (const list of out.values()) list.sort(compareStrings);
  return out;
}

/**
 * The DYNAMIC_RPC_PORTS subjects (firewall, server) whose findings are not
 * word for word the same in both plans. Only these need their RPC service
 * worked out: where the messages are the same, so are the services, and every
 * finding has its counterpart. A large plan has thousands of such findings and
 * few that change.
 */
function unsettledDynamicSubjects(before: AnalysedPlan, after: AnalysedPlan): Set<string> {
  const old = dynamicMessages(before);
  const now = dynamicMessages(after);
  const unsettled = new Set<string>();
  for (const [key, messages] of old) {
    const other = now.get(key);
    if (!other || other.length !== messages.length || other.some((m, i) => m !== messages[i]))
      unsettled.add(key);
  }
  for (const key of now.keys()) if (!old.has(key)) unsettled.add(key);
  return unsettled;
}

function groupByKey(findings: readonly IdentifiedFinding[]): Map<string, IdentifiedFinding[]> {
  const groups = new Map<string, IdentifiedFinding[]>();
  for (const f of findings) {
    const group = groups.get(f.key);
    if (group) group.push(f);
    else groups.set(f.key, [f]);
  }
  return groups;
}

/**
 * The findings of `mine` that `theirs` has no counterpart for. Findings of one
 * identity are counted: when one plan has more of them (one server with two
 * port conflicts), the extra ones differ, those with a message the other plan
 * also has counting as the same first.
 */
function unmatched(
  mine: readonly IdentifiedFinding[],
  theirs: ReadonlyMap<string, IdentifiedFinding[]>,
  change: FindingChangeKind,
): ChangedFinding[] {
  const mineByKey = groupByKey(mine);
  const left = new Set<IdentifiedFinding>();
  for (const [key, group] of mineByKey) {
    const other = theirs.get(key) ?? [];
    if (group.length <= other.length) continue;
    const otherMessages = new Map<string, number>();
    for (const o of other)
      otherMessages.set(o.finding.message, (otherMessages.get(o.finding.message) ?? 0) + 1);
    let pairs = other.length;
    const rest: IdentifiedFinding[] = [];
    for (const f of group) {
      const count = otherMessages.get(f.finding.message) ?? 0;
      if (count > 0 && pairs > 0) {
        otherMessages.set(f.finding.message, count - 1);
        pairs--;
      } else rest.push(f);
    }
    // Findings left over after the same-message pairs pair with the other plan's left-over ones, in order.
    for (const f of rest.slice(pairs)) left.add(f);
  }
  const out: ChangedFinding[] = [];
  for (const f of mine) {
    if (!left.has(f)) continue;
    out.push(
      f.rpc === undefined ? { change, finding: f.finding } : { change, finding: f.finding, rpc: f.rpc },
    );
  }
  return out;
}

/** The findings only the old plan has (went away) and only the new plan has (appeared), each in its analysis's order. */
export function compareFindings(
  before: AnalysedPlan,
  after: AnalysedPlan,
): { wentAway: ChangedFinding[]; appeared: ChangedFinding[] } {
  const unsettled = unsettledDynamicSubjects(before, after);
  const resolve = (key: string) => unsettled.has(key);
  const oldFindings = identifiedFindings(before, resolve);
  const newFindings = identifiedFindings(after, resolve);
  return {
    wentAway: unmatched(oldFindings, groupByKey(newFindings), 'wentAway'),
    appeared: unmatched(newFindings, groupByKey(oldFindings), 'appeared'),
  };
}
