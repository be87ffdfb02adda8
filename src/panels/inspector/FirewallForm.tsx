import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS } from '../../model/kinds';
import type { FirewallNode, Link } from '../../model/types';
import type { FirewallRule } from '../../rules/model';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { BUTTON, CheckboxField, InterfaceField, Section, TextField } from '../fields';
import { usePanelState } from '../panelState';
import { firewallRulesFor, ruleEndText, rulePorts } from '../rules/ruleView';
import { DeleteButton, FormHeader } from './formParts';
import { focusWhenShown } from './revealField';

function flowCountText(n: number, what: string): string {
  return n === 1 ? `1 flow ${what}` : `${n} flows ${what}`;
}

/** The firewall's end of a link: which interface field it names. */
export function firewallEnd(link: Link, firewall: string): 'aInterface' | 'bInterface' {
  return link.a === firewall ? 'aInterface' : 'bInterface';
}

export function FirewallForm({ node }: { node: FirewallNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const updateLink = usePlanner((s) => s.updateLink);
  const links = usePlanner(useShallow((s) => s.plan.links.filter((l) => l.a === node.id || l.b === node.id)));
  const names = usePlanner(useShallow((s) => s.plan.nodes.map((n) => n.name || n.id)));
  const ids = usePlanner(useShallow((s) => s.plan.nodes.map((n) => n.id)));
  const nameOf = (id: string) => names[ids.indexOf(id)] ?? id;
  const showFirewallInMatrix = usePanelState((s) => s.showFirewallInMatrix);
  const analysis = useAnalysis();
  const crossing = analysis.flowsByFirewall.get(node.id) ?? [];
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.firewall.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => updateNode(node.id, { name })} />
      <CheckboxField
        label="Translates addresses (NAT)"
        field="nat"
        checked={node.nat}
        onChange={(nat) => updateNode(node.id, { nat })}
        help="Address translation breaks RPC: the endpoint mapper hands out addresses the other side cannot reach (KB 238954, KB 154596)."
      />
      {links.length > 0 ? (
        <Section title="Interfaces">
          <p className="text-[11px] leading-snug text-slate-500">
            The interface or zone on each link, as its firewall rules name it (outside, dmz…); unnamed, a rule
            names the node at the other end.
          </p>
          {links.map((link) => {
            const end = firewallEnd(link, node.id);
            const other = end === 'aInterface' ? link.b : link.a;
            return (
              <InterfaceField
                key={link.id}
                label={`Toward ${nameOf(other)}`}
                value={link[end]}
                onChange={(value) => updateLink(link.id, { [end]: value })}
              />
            );
          })}
        </Section>
      ) : null}
      <FirewallRuleList firewall={node} crossing={crossing.length} />
      {crossing.length > 0 ? (
        <button type="button" className={BUTTON} onClick={() => showFirewallInMatrix(node.id)}>
          Show its rows in the port matrix
        </button>
      ) : null}
      <DeleteButton ids={[node.id]} />
    </div>
  );
}

/**
 * The rules the firewall needs (SPEC §9, as the Firewall rules tab lists
 * them): from which source to which destination, which protocols and ports.
 * Choosing one opens it in the Firewall rules tab and shows its paths.
 */
function FirewallRuleList({ firewall, crossing }: { firewall: FirewallNode; crossing: number }) {
  const plan = usePlanner((s) => s.plan);
  const analysis = useAnalysis();
  const setHighlight = usePlanner((s) => s.setHighlight);
  const focus = usePlanner((s) => s.focus);
  const setRulesFirewall = usePanelState((s) => s.setRulesFirewall);
  const setTab = usePanelState((s) => s.setTab);
  const fw = useMemo(() => firewallRulesFor(plan, analysis, firewall.id), [plan, analysis, firewall.id]);
  const rules = fw?.rules ?? [];
  const name = fw?.firewall.name ?? (firewall.name || firewall.id);

  const jump = (rule: FirewallRule) => {
    const flowIds = rule.flowIndexes.flatMap((i) => analysis.flows[i]?.id ?? []);
    const ends = new Set<string>();
    for (const i of rule.flowIndexes) {
      const flow = analysis.flows[i];
      if (flow) ends.add(flow.source).add(flow.destination);
    }
    setRulesFirewall(firewall.id);
    setTab('rules');
    setHighlight({ kind: 'rule', flowIds, firewallId: firewall.id });
    focus([...ends]);
    focusWhenShown(() => {
      const list = [...document.querySelectorAll('ul[aria-label]')].find(
        (ul) => ul.getAttribute('aria-label') === `Rules of ${name}`,
      );
      return list?.querySelector<HTMLElement>('button[aria-pressed="true"]') ?? null;
    });
  };

  return (
    <div>
      <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        Rules · {rules.length === 1 ? '1 rule' : `${rules.length} rules`},{' '}
        {flowCountText(crossing, 'cross it')}
      </h4>
      {rules.length === 0 ? (
        <p className="text-xs text-slate-500">No flow crosses this firewall: it needs no rules.</p>
      ) : (
        <ul aria-label={`Rules ${name} needs`} className="max-h-64 space-y-0.5 overflow-y-auto text-xs">
          {rules.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rules model's order is stable per plan
            <li key={`${index}:${rule.label}`}>
              <button
                type="button"
                title="Show this rule in Firewall rules"
                onClick={() => jump(rule)}
                className="block w-full rounded px-1 py-0.5 text-left hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
              >
                <span className="block break-words text-slate-800">
                  {ruleEndText(rule.source)} <span aria-hidden="true">→</span>
                  <span className="sr-only"> to </span> {ruleEndText(rule.destination)}
                </span>
                <span className="block break-words font-mono text-[11px] text-slate-600">
                  {rulePorts(rule)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
