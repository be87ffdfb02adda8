import { NEWS_FEED_CHOICES, NODE_KINDS } from '../../model/kinds';
import type { NewsHostNode } from '../../model/types';
import { usePlanner } from '../../store/store';
import { AddressField, SelectField, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';
import { NodeSelectField } from './pickers';
import { optionText, protocolShortfall } from './versionSupport';

const SERVER_TYPES = ['server'] as const;

/** Another NNTP host exchanging newsfeeds with one of our servers' Internet News Service (KB 174199). */
export function NewsHostForm({ node }: { node: NewsHostNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const server = usePlanner((s) => {
    const found = node.server === null ? undefined : s.plan.nodes.find((n) => n.id === node.server);
    return found?.type === 'server' ? found : null;
  });
  const update = (patch: Partial<NewsHostNode>) => updateNode(node.id, patch);
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.newsHost.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => update({ name })} />
      <AddressField value={node.address} onChange={(address) => update({ address })} />
      <NodeSelectField
        label="Exchange server"
        field="server"
        types={SERVER_TYPES}
        value={node.server}
        onChange={(id) => update({ server: id })}
        optionLabel={(s) =>
          optionText(`${s.name || s.id} (Exchange ${s.exchange})`, protocolShortfall('nntp', s))
        }
        note={protocolShortfall('nntp', server)}
        help="The server whose Internet News Service feeds with it; newsfeeds came with Exchange 5.0."
      />
      <SelectField
        label="Newsfeed"
        value={node.feed}
        choices={NEWS_FEED_CHOICES}
        onChange={(feed) => update({ feed })}
        help="Both directions use NNTP on TCP 119, opened by the side that sends (KB 174199)."
      />
      <DeleteButton ids={[node.id]} />
    </div>
  );
}
