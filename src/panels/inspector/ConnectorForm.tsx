import { STATIC_PORT_REGISTRY } from '../../engine/registry';
import { CONNECTOR_LABEL, connectorName, EDGE_KINDS } from '../../model/kinds';
import type { Connector, ServerNode, SiteConnector, X400Connector } from '../../model/types';
import { usePlanner } from '../../store/store';
import { PortField, Section, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';
import { SiteConnectorHalf } from './SiteConnectorHalf';
import { rfc1006Shortfall } from './versionSupport';

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
  const nameOf = (id: string) => {
    const n = id === connector.a ? a : b;
    return n ? n.name || n.id : id;
  };
  const servers = [a, b].filter((n): n is ServerNode => n?.type === 'server');
  const mismatch = servers.length === 2 && servers[0]?.rfc1006Port !== servers[1]?.rfc1006Port;
  return (
    <div className="space-y-3">
      <FormHeader kind={CONNECTOR_LABEL.x400} name={connectorName(connector, nameOf)} />
      <ConnectorName connector={connector} />
      <p className="text-[11px] leading-snug text-slate-500">
        The MTAs talk RFC1006 over TCP: port 102 by default, no TCP 135 (KB 176466, scenario 6b).
      </p>
      <Section title="RFC1006 port of each end">
        {servers.map((server) => (
          <EndRfc1006Port key={server.id} server={server} />
        ))}
        <p className="text-[11px] leading-snug text-slate-500">
          Each is the server’s own setting (registry value “{STATIC_PORT_REGISTRY.rfc1006.value}”, KB 161931):
          a change here holds for every X.400 connector of that server.
        </p>
      </Section>
      {mismatch ? (
        <p className="rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800">
          The RFC1006 ports differ: every MTA on an X.400 connector must use the same port (KB 161931).
        </p>
      ) : null}
      <DeleteButton ids={[connector.id]} />
    </div>
  );
}

/** One end's RFC1006 port, edited on the connector: it is the server's setting (one undo step per edit). */
function EndRfc1006Port({ server }: { server: ServerNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  return (
    <PortField
      label={`RFC1006 port of ${server.name || server.id}`}
      field={`rfc1006Port:${server.id}`}
      allowEmpty={false}
      value={server.rfc1006Port}
      onChange={(p) => {
        if (p !== null) updateNode(server.id, { rfc1006Port: p });
      }}
      note={rfc1006Shortfall(server)}
    />
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
  const nameOf = (id: string) => {
    const site = id === connector.a ? siteA : siteB;
    return site ? site.name || site.id : id;
  };
  return (
    <div className="space-y-3">
      <FormHeader kind={EDGE_KINDS.connector.heading} name={connectorName(connector, nameOf)} />
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
