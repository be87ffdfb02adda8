import { CONNECTOR_LABEL, EDGE_KINDS } from '../../model/kinds';
import type { Connector, SiteConnector, X400Connector } from '../../model/types';
import { usePlanner } from '../../store/store';
import { Facts, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';
import { SiteConnectorHalf } from './SiteConnectorHalf';

export function ConnectorForm({ connector }: { connector: Connector }) {
  return connector.type === 'x400' ? (
    <X400ConnectorForm connector={connector} />
  ) : (
    <SiteConnectorForm connector={connector} />
  );
}

function ConnectorName({ connector }: { connector: Connector }) {
  const updateConnector = usePlanner((s) => s.updateConnector);
  return (
    <TextField
      label="Name"
      value={connector.name ?? ''}
      placeholder="optional"
      onChange={(name) => updateConnector(connector.id, { name })}
    />
  );
}

function X400ConnectorForm({ connector }: { connector: X400Connector }) {
  const a = usePlanner((s) => s.plan.nodes.find((n) => n.id === connector.a));
  const b = usePlanner((s) => s.plan.nodes.find((n) => n.id === connector.b));
  const nameOf = (n: typeof a, id: string) => (n ? n.name || n.id : id);
  const portOf = (n: typeof a) => (n?.type === 'server' ? n.rfc1006Port : null);
  const portA = portOf(a);
  const portB = portOf(b);
  const mismatch = portA !== null && portB !== null && portA !== portB;
  return (
    <div className="space-y-3">
      <FormHeader
        kind={CONNECTOR_LABEL.x400}
        name={connector.name || `${nameOf(a, connector.a)} — ${nameOf(b, connector.b)}`}
      />
      <ConnectorName connector={connector} />
      <p className="text-[11px] leading-snug text-slate-500">
        The MTAs talk RFC1006 over TCP: port 102 by default, no TCP 135 (KB 176466, scenario 6b).
      </p>
      <Facts
        rows={[
          [
            'Server A',
            portA !== null ? `${nameOf(a, connector.a)} · RFC1006 port ${portA}` : nameOf(a, connector.a),
          ],
          [
            'Server B',
            portB !== null ? `${nameOf(b, connector.b)} · RFC1006 port ${portB}` : nameOf(b, connector.b),
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

/**
 * A Site Connector joins two sites, and each site configures its own half,
 * as Exchange's property pages do: the messaging bridgehead of the local
 * site (any server, or one) and the target servers of the remote site (all,
 * or a list) (KB 176466, scenario 6a).
 */
function SiteConnectorForm({ connector }: { connector: SiteConnector }) {
  const siteA = usePlanner((s) => s.plan.sites.find((x) => x.id === connector.a));
  const siteB = usePlanner((s) => s.plan.sites.find((x) => x.id === connector.b));
  const nameA = siteA ? siteA.name || siteA.id : connector.a;
  const nameB = siteB ? siteB.name || siteB.id : connector.b;
  return (
    <div className="space-y-3">
      <FormHeader kind={EDGE_KINDS.connector.heading} name={connector.name || `${nameA} — ${nameB}`} />
      <ConnectorName connector={connector} />
      <p className="text-[11px] leading-snug text-slate-500">
        {CONNECTOR_LABEL.site}: the MTAs talk RPC, TCP 135 and each MTA’s port, both ways — the called MTA
        binds back to the caller (KB 176466 scenario 6a, KB 159298).
      </p>
      <SiteConnectorHalf connector={connector} half="A" />
      <SiteConnectorHalf connector={connector} half="B" />
      <DeleteButton ids={[connector.id]} />
    </div>
  );
}
