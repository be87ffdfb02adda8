import { useMemo } from 'react';
import { EDGE_KINDS } from '../../model/kinds';
import type { Link } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { Facts, InterfaceField, TextField } from '../fields';
import { portLines } from './flowSummary';
import { DeleteButton, FormHeader, useNodeName } from './formParts';
import { PortLinesList } from './PortLinesList';

export function LinkForm({ link }: { link: Link }) {
  const updateLink = usePlanner((s) => s.updateLink);
  const a = useNodeName(link.a) ?? link.a;
  const b = useNodeName(link.b) ?? link.b;
  const firewallA = usePlanner((s) => s.plan.nodes.some((n) => n.type === 'firewall' && n.id === link.a));
  const firewallB = usePlanner((s) => s.plan.nodes.some((n) => n.type === 'firewall' && n.id === link.b));
  const touchesFirewall = firewallA || firewallB;
  const analysis = useAnalysis();
  const using = analysis.flowsByLink.get(link.id) ?? [];
  const lines = useMemo(() => portLines(analysis.flows, using), [analysis, using]);
  return (
    <div className="space-y-3">
      <FormHeader kind={EDGE_KINDS.link.heading} name={link.name || `${a} — ${b}`} />
      <TextField
        label="Name"
        value={link.name ?? ''}
        placeholder="optional"
        onChange={(name) => updateLink(link.id, { name })}
      />
      <Facts
        rows={[
          ['Joins', `${a} and ${b}`],
          ['Flows', String(using.length)],
        ]}
      />
      {firewallA ? (
        <InterfaceField
          label={`Interface of ${a}`}
          value={link.aInterface}
          onChange={(aInterface) => updateLink(link.id, { aInterface })}
          help={`The interface or zone of ${a} toward ${b} (outside, dmz…), as its firewall rules name it.`}
        />
      ) : null}
      {firewallB ? (
        <InterfaceField
          label={`Interface of ${b}`}
          value={link.bInterface}
          onChange={(bInterface) => updateLink(link.id, { bInterface })}
          help={`The interface or zone of ${b} toward ${a} (outside, dmz…), as its firewall rules name it.`}
        />
      ) : null}
      {touchesFirewall ? (
        <div>
          <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
            Ports on this firewall edge
          </h4>
          <PortLinesList lines={lines} label="Ports on this link" empty="No flow uses this link." />
        </div>
      ) : null}
      <DeleteButton ids={[link.id]} />
    </div>
  );
}
