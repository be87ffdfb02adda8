/**
 * The keys under which a finding concerns flows (SPEC §5): an error finding
 * lists the keys of what it breaks, and every flow with one of those keys is
 * drawn as broken.
 */
import type { StaticRpcService } from './portInForce';
import type { Finding, Flow, Relationship } from './types';

export interface DraftFinding {
  finding: Finding;
  /** Keys of what the finding breaks (see `flowConcerns`); empty when it breaks no flow. */
  concerns: string[];
}

const X400_SERVICE = 'X.400 (RFC1006)';
const LDAP_SERVICE = 'LDAP';

function relationshipKey(r: Relationship): string {
  switch (r.kind) {
    case 'client':
      return `client:${r.client}`;
    case 'owa':
      return `owa:${r.owa}>${r.server}`;
    case 'intrasite':
      return `intrasite:${r.from}>${r.to}`;
    case 'siteConnector':
    case 'x400Connector':
      return `connector:${r.connector}`;
    case 'smtpHost':
      return `smtp:${r.host}>${r.server}`;
    case 'smartHost':
      return `smart:${r.server}`;
    case 'dns':
      return `dns:${r.server}`;
    case 'newsHost':
      return `news:${r.host}`;
  }
}

export function pairKey(x: string, y: string): string {
  return x < y ? `pair:${x}|${y}` : `pair:${y}|${x}`;
}

export function rpcPairKey(x: string, y: string): string {
  return `rpc${pairKey(x, y)}`;
}

export function destinationKey(server: string, what: StaticRpcService | 'x400' | 'ldap'): string {
  return `dest:${server}:${what}`;
}

export function mtaReplyKey(server: string): string {
  return `mtareply:${server}`;
}

/** The keys under which findings may concern this flow. */
export function flowConcerns(
  flow: Pick<Flow, 'source' | 'destination' | 'service' | 'rpc' | 'relationship'>,
  /** When given, only keys of these kinds (the text before the first `:`) other than `rel`. */
  only?: ReadonlySet<string>,
): string[] {
  const keys: string[] = [];
  if (!only) {
    const rel = `rel:${relationshipKey(flow.relationship)}`;
    keys.push(rel, `${rel}:${flow.service}`);
  }
  const want = (kind: string) => !only || only.has(kind);
  if (want('pair')) keys.push(pairKey(flow.source, flow.destination));
  const rpc = flow.rpc;
  if (rpc && want('rpcpair')) keys.push(rpcPairKey(flow.source, flow.destination));
  if (want('dest')) {
    if (rpc && rpc !== 'endpointMapper' && rpc !== 'reply') keys.push(destinationKey(flow.destination, rpc));
    if (flow.service === X400_SERVICE) keys.push(destinationKey(flow.destination, 'x400'));
    if (flow.service === LDAP_SERVICE) keys.push(destinationKey(flow.destination, 'ldap'));
  }
  if (flow.relationship.kind === 'siteConnector' && want('mtareply')) {
    keys.push(mtaReplyKey(flow.source), mtaReplyKey(flow.destination));
  }
  return keys;
}

/**
 * Whether any of the flow's concern keys (see `flowConcerns`) is in `broken`,
 * without building them all: only the kinds of key `broken` holds are made,
 * and a relationship's own key once per relationship. For large plans.
 */
export function brokenFlowTest(broken: ReadonlySet<string>): (flow: Flow) => boolean {
  if (broken.size === 0) return () => false;
  const kinds = new Set([...broken].map((key) => key.slice(0, key.indexOf(':'))));
  const relKeys = new Map<Relationship, string>();
  return (flow) => {
    if (kinds.has('rel')) {
      let rel = relKeys.get(flow.relationship);
      if (rel === undefined) {
        rel = `rel:${relationshipKey(flow.relationship)}`;
        relKeys.set(flow.relationship, rel);
      }
      if (broken.has(rel) || broken.has(`${rel}:${flow.service}`)) return true;
    }
    return flowConcerns(flow, kinds).some((key) => broken.has(key));
  };
}
