import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS } from '../../model/kinds';
import type { FirewallNode, Link } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { BUTTON, CheckboxField, InterfaceField, Section, TextField } from '../fields';
import { usePanelState } from '../panelState';
import { portLines } from './flowSummary';
import { DeleteButton, FormHeader } from './formParts';
import { PortLinesList } from './PortLinesList';

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
  const lines = useMemo(() => portLines(analysis.flows, crossing), [analysis, crossing]);
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.firewall.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => updateNode(node.id, { name })} />
      <CheckboxField
        label="Translates addresses (NAT)"
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
      <div>
        <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          Ports to open · {flowCountText(crossing.length, 'cross it')}
        </h4>
        <PortLinesList lines={lines} label="Ports to open" empty="No flow crosses this firewall." />
      </div>
      {crossing.length > 0 ? (
        <button type="button" className={BUTTON} onClick={() => showFirewallInMatrix(node.id)}>
          Show its rules in the port matrix
        </button>
      ) : null}
      <DeleteButton ids={[node.id]} />
    </div>
  );
}
