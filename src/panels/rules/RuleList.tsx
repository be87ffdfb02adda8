import { useShallow } from 'zustand/react/shallow';
import type { Analysis } from '../../engine/types';
import type { FirewallRule, FirewallRules } from '../../rules/model';
import { usePlanner } from '../../store/store';
import { focusInspectorField } from './focusField';
import { nodesWithoutAddress, ruleDetail } from './ruleView';

function flowIdsOf(rule: FirewallRule, analysis: Analysis): string[] {
  return rule.flowIndexes.flatMap((i) => {
    const flow = analysis.flows[i];
    return flow ? [flow.id] : [];
  });
}

/**
 * The rules of one firewall as a list: choosing one emphasises the paths of
 * the flows it permits on the canvas, as a port matrix row does for its flow.
 */
export function RuleList({ fw, analysis }: { fw: FirewallRules; analysis: Analysis }) {
  const chosen = usePlanner(
    useShallow((s) =>
      s.highlight?.kind === 'rule' && s.highlight.firewallId === fw.firewall.id
        ? s.highlight.flowIds.join('\u0000')
        : null,
    ),
  );
  const setHighlight = usePlanner((s) => s.setHighlight);
  const focus = usePlanner((s) => s.focus);

  const choose = (rule: FirewallRule) => {
    const flowIds = flowIdsOf(rule, analysis);
    setHighlight({ kind: 'rule', flowIds, firewallId: fw.firewall.id });
    const ends = new Set<string>();
    for (const i of rule.flowIndexes) {
      const flow = analysis.flows[i];
      if (flow) ends.add(flow.source).add(flow.destination);
    }
    focus([...ends]);
  };

  if (fw.rules.length === 0)
    return <p className="px-2 py-2 text-xs text-slate-600">No flow crosses {fw.firewall.name}: no rules.</p>;
  return (
    <ul aria-label={`Rules of ${fw.firewall.name}`} className="divide-y divide-slate-100">
      {fw.rules.map((rule, index) => {
        const selected = chosen !== null && chosen === flowIdsOf(rule, analysis).join('\u0000');
        return (
          // Rules are in a stable order for a given plan; the index tells apart two rules with one label.
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the model's, stable per plan
          <li key={`${index}:${rule.label}`}>
            <button
              type="button"
              aria-pressed={selected}
              onClick={() => choose(rule)}
              className={`block w-full px-2 py-1 text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500 ${
                selected ? 'bg-blue-50' : 'hover:bg-slate-50'
              }`}
            >
              <span className="block text-xs font-medium text-slate-900">
                {rule.label}
                {rule.placeholders.length > 0 ? (
                  <span className="ml-1.5 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-900">
                    address missing
                  </span>
                ) : null}
                {rule.mixedFamilies ? (
                  <span className="ml-1.5 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-800">
                    IPv4 and IPv6
                  </span>
                ) : null}
              </span>
              <span className="block truncate text-[11px] text-slate-600">{ruleDetail(rule)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The nodes the rules name without an address (placeholders, ADDRESS_MISSING):
 * each a button that selects the node and puts the keyboard in its address field.
 */
export function MissingAddresses({ fw }: { fw: FirewallRules }) {
  const select = usePlanner((s) => s.select);
  const focus = usePlanner((s) => s.focus);
  const nodes = nodesWithoutAddress(fw);
  if (nodes.length === 0) return null;
  return (
    <section
      aria-labelledby="rules-missing-heading"
      className="border-b border-amber-200 bg-amber-50 px-2 py-1.5"
    >
      <h3 id="rules-missing-heading" className="text-xs font-semibold text-amber-900">
        Addresses to fill in
      </h3>
      <p className="text-[11px] leading-snug text-amber-900">
        Their rules hold a placeholder until the node has an address.
      </p>
      <ul className="mt-1 flex flex-wrap gap-1">
        {nodes.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              className="rounded border border-amber-300 bg-white px-1.5 py-0.5 text-xs text-amber-950 hover:bg-amber-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
              onClick={() => {
                select([node.id]);
                focus([node.id]);
                focusInspectorField('Address');
              }}
            >
              Fill in the address of {node.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
