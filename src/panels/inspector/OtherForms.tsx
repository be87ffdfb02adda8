import { useMemo } from 'react';
import { CONNECTOR_LABEL, DIRECTION_CHOICES, EDGE_KINDS, NODE_KINDS, SITE_KIND } from '../../model/kinds';
import type {
  Connector,
  ConnectorType,
  FirewallNode,
  Link,
  NetworkNode,
  Site,
  SmtpHostNode,
} from '../../model/types';
import { CONNECTOR_TYPES } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { BUTTON, type Choice, Facts, SelectField, TextField } from '../fields';
import { portLines } from '../flowSummary';
import { PortLinesList } from '../PortLinesList';
import { usePanelState } from '../panelState';
import { DeleteButton, FormHeader, useNodeName } from './formParts';

const CONNECTOR_CHOICES: readonly Choice<ConnectorType>[] = CONNECTOR_TYPES.map((type) => ({
  value: type,
  text: CONNECTOR_LABEL[type],
}));

function useSiteName(id: string | undefined): string | null {
  return usePlanner((s) => {
    if (!id) return null;
    const site = s.plan.sites.find((x) => x.id === id);
    return site ? site.name || site.id : null;
  });
}

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
      <Facts rows={[['Drawn in site', site ?? '—']]} />
      <DeleteButton ids={[node.id]} />
    </div>
  );
}

export function SmtpHostForm({ node }: { node: SmtpHostNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.smtpHost.heading} name={node.name} />
      <TextField label="Name" value={node.name} onChange={(name) => updateNode(node.id, { name })} />
      <SelectField
        label="Direction"
        value={node.direction}
        choices={DIRECTION_CHOICES}
        onChange={(direction) => updateNode(node.id, { direction })}
        help="They reach TCP 25 on every server that runs the Internet Mail Service, and those servers reach them on 25 (KB 176466)."
      />
      <DeleteButton ids={[node.id]} />
    </div>
  );
}

export function SiteForm({ site }: { site: Site }) {
  const updateSite = usePlanner((s) => s.updateSite);
  const servers = usePlanner(
    (s) => s.plan.nodes.filter((n) => n.site === site.id && n.type === 'server').length,
  );
  const drawn = usePlanner((s) => s.plan.nodes.filter((n) => n.site === site.id).length);
  return (
    <div className="space-y-3">
      <FormHeader kind={SITE_KIND.heading} name={site.name} />
      <TextField
        label="Name"
        value={site.name}
        onChange={(name) => updateSite(site.id, { name })}
        help="A site is a logical grouping of servers, not a place (KB 176466, scenario 5)."
      />
      <Facts
        rows={[
          ['Servers', String(servers)],
          ['Nodes drawn inside', String(drawn)],
        ]}
      />
      <DeleteButton
        ids={[site.id]}
        hint={drawn === 0 ? undefined : 'Deleting the site deletes what is drawn inside it.'}
      />
    </div>
  );
}

export function LinkForm({ link }: { link: Link }) {
  const updateLink = usePlanner((s) => s.updateLink);
  const a = useNodeName(link.a) ?? link.a;
  const b = useNodeName(link.b) ?? link.b;
  const touchesFirewall = usePlanner((s) =>
    s.plan.nodes.some((n) => n.type === 'firewall' && (n.id === link.a || n.id === link.b)),
  );
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
