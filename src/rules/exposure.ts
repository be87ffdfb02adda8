/**
 * How exposed a firewall is, in a few words for its node on the canvas: how
 * many rules its team loads (the rules model of SPEC §9, what the Firewall
 * rules tab lists) and the widest port or range they open, which is what a
 * reviewer looks for first ("6 rules · opens 1024-65535").
 */
import { comparePorts } from '../engine/compare';
import { formatPorts } from '../engine/matrix';
import type { FlowProtocol, PortRange } from '../engine/types';
import type { FirewallRuleCount } from './model';

/** Single ports named before "+N more" when no rule opens a range. */
const PORTS_NAMED = 3;

export interface FirewallExposure {
  rules: number;
  /** The widest (protocol, port range) any rule opens; null with no rules. */
  widest: { protocol: FlowProtocol; ports: PortRange } | null;
  /** "No rules", "1 rule · opens 25, 995", "6 rules · opens 1024-65535". */
  text: string;
}

function portText(protocol: FlowProtocol, ports: PortRange): string {
  return protocol === 'TCP' ? formatPorts(ports) : `${protocol} ${formatPorts(ports)}`;
}

/** The exposure of one firewall from its rule count and what its rules open (firewallRuleCounts). */
export function firewallExposure(fw: FirewallRuleCount): FirewallExposure {
  return { rules: fw.rules, ...exposureText(fw.rules, 'rule', fw.opened) };
}

/**
 * "N rules · opens …" (or matrix rows, where a plan is too large to group into
 * rules on every edit): the count, and the widest of the (protocol, port range)
 * pairs opened — or, when none is a range, the lowest few single ports.
 */
export function exposureText(
  count: number,
  unit: 'rule' | 'matrix row',
  opened: Iterable<{ protocol: FlowProtocol; ports: PortRange }>,
): Omit<FirewallExposure, 'rules'> {
  const distinct = new Map<string, { protocol: FlowProtocol; ports: PortRange }>();
  for (const s of opened)
    distinct.set(portText(s.protocol, s.ports), { protocol: s.protocol, ports: s.ports });
  const all = [...distinct.values()].sort(
    (x, y) =>
      comparePorts(x.ports, y.ports) || (x.protocol < y.protocol ? -1 : x.protocol > y.protocol ? 1 : 0),
  );
  const span = (e: { ports: PortRange }) => e.ports.to - e.ports.from;
  // The first of the widest, so equal spans give the lowest port.
  const widest = all.reduce<(typeof all)[number] | null>(
    (w, e) => (w === null || span(e) > span(w) ? e : w),
    null,
  );
  const counted = countText(count, unit);
  if (widest === null) return { widest: null, text: count === 0 ? `No ${unit}s` : counted };
  let opens: string;
  if (span(widest) > 0) opens = portText(widest.protocol, widest.ports);
  else {
    const named = all.slice(0, PORTS_NAMED).map((e) => portText(e.protocol, e.ports));
    const more = all.length - named.length;
    opens = `${named.join(', ')}${more > 0 ? ` +${more}` : ''}`;
  }
  return { widest, text: `${counted} · opens ${opens}` };
}

/**
 * Numbers as `toLocaleString('en-US')` writes them ("2,400"), with one
 * formatter: toLocaleString makes a new one per call, and the canvas writes a
 * count for every firewall of the plan on every edit (a fifth of a second for
 * the 49 × 49 grid's 2,401).
 */
const EN_US = new Intl.NumberFormat('en-US');

function countText(n: number, unit: string): string {
  return n === 1 ? `1 ${unit}` : `${EN_US.format(n)} ${unit}s`;
}
