import { DIRECTION_CHOICES, NODE_KINDS } from '../../model/kinds';
import type { SmtpHostNode } from '../../model/types';
import { usePlanner } from '../../store/store';
import { AddressField, SelectField, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';

export function SmtpHostForm({ node }: { node: SmtpHostNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.smtpHost.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => updateNode(node.id, { name })} />
      <AddressField
        value={node.address}
        onChange={(address) => updateNode(node.id, { address })}
        help="The hosts' address or block, or any for the Internet. Firewall rules name it."
      />
      <SelectField
        label="Direction"
        field="direction"
        value={node.direction}
        choices={DIRECTION_CHOICES}
        onChange={(direction) => updateNode(node.id, { direction })}
        help="They reach TCP 25 on every server that runs the Internet Mail Service, and those servers reach them on 25 (KB 176466)."
      />
      <DeleteButton ids={[node.id]} />
    </div>
  );
}
