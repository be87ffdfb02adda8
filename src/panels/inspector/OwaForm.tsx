import { NODE_KINDS, OWA_VERSION_CHOICES } from '../../model/kinds';
import type { OwaNode } from '../../model/types';
import { usePlanner } from '../../store/store';
import { AddressField, SelectField, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';
import { CheckList, useNodesOf } from './pickers';
import { owaServerShortfall } from './versionSupport';

const SERVER_TYPES = ['server'] as const;

/**
 * An Outlook Web Access server (IIS): the Exchange servers it opens
 * mailboxes and public folders on, the first of which it asks for the
 * directory (KB 259240).
 */
export function OwaForm({ node: owa }: { node: OwaNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const servers = useNodesOf(SERVER_TYPES);
  const update = (patch: Partial<OwaNode>) => updateNode(owa.id, patch);
  const nameOf = (id: string) => {
    const s = servers.find((x) => x.id === id);
    return s ? s.name || s.id : id;
  };
  const [directory] = owa.servers;
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.owa.heading} name={owa.name} />
      <TextField label="Name" value={owa.name} onChange={(name) => update({ name })} />
      <AddressField value={owa.address} onChange={(address) => update({ address })} />
      <SelectField
        label="Outlook Web Access version"
        value={owa.exchange}
        choices={OWA_VERSION_CHOICES}
        onChange={(exchange) => update({ exchange })}
        help="Outlook Web Access came with Exchange 5.0."
      />
      <CheckList
        legend="Exchange servers it opens"
        field="servers"
        options={servers.map((s) => ({
          id: s.id,
          text: `${s.name || s.id} (Exchange ${s.exchange})`,
          shortfall: owaServerShortfall(s),
        }))}
        chosen={owa.servers}
        onChange={(ids) => update({ servers: ids })}
        empty="The plan has no Exchange server yet: add one from the palette."
      />
      {owa.servers.length > 1 && directory !== undefined ? (
        <SelectField
          label="Directory server"
          value={directory}
          choices={owa.servers.map((id) => ({ value: id, text: nameOf(id) }))}
          onChange={(id) => update({ servers: [id, ...owa.servers.filter((s) => s !== id)] })}
          help="The server it asks for the directory (RPC to its DS); it opens mailboxes on every server above."
        />
      ) : (
        <p className="text-[11px] leading-snug text-slate-500">
          {directory === undefined
            ? 'Choose the servers whose mailboxes it opens; the first is its directory server.'
            : `${nameOf(directory)} is also its directory server.`}{' '}
          Each server replies to it over RPC on 1024–65535 (KB 259240).
        </p>
      )}
      <DeleteButton ids={[owa.id]} />
    </div>
  );
}
