import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS } from '../../model/kinds';
import type { DnsNode } from '../../model/types';
import { usePlanner } from '../../store/store';
import { AddressField, Facts, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';

/** A DNS server: the servers whose Internet Mail Service asks it (UDP 53, KB 182821). */
export function DnsForm({ node }: { node: DnsNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const askedBy = usePlanner(
    useShallow((s) =>
      s.plan.nodes.filter((n) => n.type === 'server' && n.dns === node.id).map((n) => n.name || n.id),
    ),
  );
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.dns.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => updateNode(node.id, { name })} />
      <AddressField value={node.address} onChange={(address) => updateNode(node.id, { address })} />
      <Facts rows={[['Asked by', askedBy.length > 0 ? askedBy.join(', ') : '—']]} />
      <p className="text-[11px] leading-snug text-slate-500">
        A server that runs the Internet Mail Service without a smart host looks up mail hosts here over UDP 53
        (KB 182821): choose this DNS server in the server’s form.
      </p>
      <DeleteButton ids={[node.id]} />
    </div>
  );
}
