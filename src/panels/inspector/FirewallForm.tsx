import { useMemo } from 'react';
import { NODE_KINDS } from '../../model/kinds';
import type { FirewallNode } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { BUTTON, TextField } from '../fields';
import { usePanelState } from '../panelState';
import { portLines } from './flowSummary';
import { DeleteButton, FormHeader } from './formParts';
import { PortLinesList } from './PortLinesList';

function flowCountText(n: number, what: string): string {
  return n === 1 ? `1 flow ${what}` : `${n} flows ${what}`;
}

export function FirewallForm({ node }: { node: FirewallNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const showFirewallInMatrix = usePanelState((s) => s.showFirewallInMatrix);
  const analysis = useAnalysis();
  const crossing = analysis.flowsByFirewall.get(node.id) ?? [];
  const lines = useMemo(() => portLines(analysis.flows, crossing), [analysis, crossing]);
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.firewall.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => updateNode(node.id, { name })} />
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
