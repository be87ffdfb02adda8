import { NODE_KINDS } from '../../model/kinds';
import type { NetworkNode } from '../../model/types';
import { usePlanner } from '../../store/store';
import { AddressField, Facts, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';

function useSiteName(id: string | undefined): string | null {
  return usePlanner((s) => {
    if (!id) return null;
    const site = s.plan.sites.find((x) => x.id === id);
    return site ? site.name || site.id : null;
  });
}

export function NetworkForm({ node }: { node: NetworkNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const site = useSiteName(node.site);
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.network.heading} name={node.name} />
      <TextField
        label="Name"
        value={node.name}
        onChange={(name) => updateNode(node.id, { name })}
        help="A LAN, WAN, router or switch: traffic passes through it unfiltered."
      />
      <AddressField
        value={node.address}
        onChange={(address) => updateNode(node.id, { address })}
        help="Its block, such as 10.1.0.0/16: the address range behind it."
      />
      <Facts rows={[['Drawn in site', site ?? '—']]} />
      <DeleteButton ids={[node.id]} />
    </div>
  );
}
