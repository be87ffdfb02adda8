import { CONNECTOR_LABEL, EDGE_KINDS } from '../../model/kinds';
import type { Connector, ConnectorType } from '../../model/types';
import { CONNECTOR_TYPES } from '../../model/types';
import { usePlanner } from '../../store/store';
import { type Choice, Facts, SelectField, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';

const CONNECTOR_CHOICES: readonly Choice<ConnectorType>[] = CONNECTOR_TYPES.map((type) => ({
  value: type,
  text: CONNECTOR_LABEL[type],
}));

export function ConnectorForm({ connector }: { connector: Connector }) {
  const updateConnector = usePlanner((s) => s.updateConnector);
  const a = usePlanner((s) => s.plan.nodes.find((n) => n.id === connector.a));
  const b = usePlanner((s) => s.plan.nodes.find((n) => n.id === connector.b));
  const nameOf = (n: typeof a, id: string) => (n ? n.name || n.id : id);
  const portOf = (n: typeof a) => (n?.type === 'server' ? n.rfc1006Port : null);
  const x400 = connector.type === 'x400';
  const portA = portOf(a);
  const portB = portOf(b);
  const mismatch = x400 && portA !== null && portB !== null && portA !== portB;
  return (
    <div className="space-y-3">
      <FormHeader
        kind={EDGE_KINDS.connector.heading}
        name={connector.name || `${nameOf(a, connector.a)} — ${nameOf(b, connector.b)}`}
      />
      <TextField
        label="Name"
        value={connector.name ?? ''}
        placeholder="optional"
        onChange={(name) => updateConnector(connector.id, { name })}
      />
      <SelectField
        label="Connector type"
        value={connector.type}
        choices={CONNECTOR_CHOICES}
        onChange={(type) => updateConnector(connector.id, { type })}
        help={
          x400
            ? 'The MTAs talk RFC1006 over TCP: port 102 by default, no TCP 135 (KB 176466, scenario 6b).'
            : 'The MTAs talk RPC: TCP 135 plus each MTA port (KB 176466, scenario 6a).'
        }
      />
      <Facts
        rows={[
          [
            'Server A',
            x400 && portA !== null
              ? `${nameOf(a, connector.a)} · RFC1006 port ${portA}`
              : nameOf(a, connector.a),
          ],
          [
            'Server B',
            x400 && portB !== null
              ? `${nameOf(b, connector.b)} · RFC1006 port ${portB}`
              : nameOf(b, connector.b),
          ],
        ]}
      />
      {mismatch ? (
        <p className="rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800">
          The RFC1006 ports differ: every MTA on an X.400 connector must use the same port (KB 161931).
        </p>
      ) : null}
      <DeleteButton ids={[connector.id]} />
    </div>
  );
}
