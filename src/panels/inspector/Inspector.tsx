import type { ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { UNTITLED_PLAN_NAME } from '../../model/defaults';
import { connectorTitle, NODE_KINDS, SITE_KIND } from '../../model/kinds';
import { NODE_TYPES, type NodeOfType, type NodeType, type PlanNode } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { Facts, TextField } from '../fields';
import { countBySeverity } from '../findingGroups';
import { ClientForm } from './ClientForm';
import { ConnectorForm } from './ConnectorForm';
import { DnsForm } from './DnsForm';
import { FirewallForm } from './FirewallForm';
import { DeleteButton } from './formParts';
import { LinkForm } from './LinkForm';
import { NetworkForm } from './NetworkForm';
import { NewsHostForm } from './NewsHostForm';
import { NotesAbout } from './NotesAbout';
import { OwaForm } from './OwaForm';
import { ServerForm } from './ServerForm';
import { SiteForm } from './SiteForm';
import { SmtpHostForm } from './SmtpHostForm';

/** The form of each node type; a new node type adds its form here. */
const NODE_FORMS: { [T in NodeType]: ComponentType<{ node: NodeOfType<T> }> } = {
  server: ServerForm,
  client: ClientForm,
  firewall: FirewallForm,
  network: NetworkForm,
  smtpHost: SmtpHostForm,
  owa: OwaForm,
  dns: DnsForm,
  newsHost: NewsHostForm,
};

/**
 * The inspector: with nothing selected, the plan itself; with one thing
 * selected, every field SPEC §2 gives it; with several, how many and Delete.
 */
export function Inspector() {
  const selection = usePlanner(useShallow((s) => s.selection));
  return (
    <section
      aria-labelledby="inspector-heading"
      className="flex h-full min-h-0 flex-col bg-white text-[13px]"
    >
      <h2
        id="inspector-heading"
        className="border-b border-slate-200 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500"
      >
        Inspector
      </h2>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-3">
        {selection.length === 0 ? (
          <PlanSummary />
        ) : selection.length === 1 && selection[0] !== undefined ? (
          <div className="space-y-3">
            <ElementForm key={selection[0]} id={selection[0]} />
            <NotesAbout about={selection[0]} />
          </div>
        ) : (
          <MultiSelection ids={selection} />
        )}
      </div>
    </section>
  );
}

function ElementForm({ id }: { id: string }) {
  const node = usePlanner((s) => s.plan.nodes.find((n) => n.id === id));
  const site = usePlanner((s) => s.plan.sites.find((x) => x.id === id));
  const link = usePlanner((s) => s.plan.links.find((l) => l.id === id));
  const connector = usePlanner((s) => s.plan.connectors.find((c) => c.id === id));
  if (node) {
    // The table pairs each type with its form, so the node fits the form it picks.
    const Form = NODE_FORMS[node.type] as ComponentType<{ node: PlanNode }>;
    return <Form node={node} />;
  }
  if (site) return <SiteForm site={site} />;
  if (link) return <LinkForm link={link} />;
  if (connector) return <ConnectorForm connector={connector} />;
  return <p className="text-xs text-slate-500">The selected item is no longer in the plan.</p>;
}

function MultiSelection({ ids }: { ids: readonly string[] }) {
  const names = usePlanner(
    useShallow((s) => {
      const wanted = new Set(ids);
      const named: string[] = [];
      for (const list of [s.plan.sites, s.plan.nodes, s.plan.links]) {
        for (const item of list) if (wanted.has(item.id)) named.push(item.name || item.id);
      }
      // An unnamed connector is known by what it joins, not by its id.
      const nameOf = (id: string) => {
        const item = s.plan.nodes.find((n) => n.id === id) ?? s.plan.sites.find((x) => x.id === id);
        return item ? item.name || item.id : id;
      };
      for (const k of s.plan.connectors) if (wanted.has(k.id)) named.push(connectorTitle(k, nameOf));
      return named;
    }),
  );
  const shown = names.slice(0, 12);
  return (
    <div className="space-y-3">
      <p className="text-sm font-semibold text-slate-900">{ids.length} items selected</p>
      <ul className="space-y-0.5 text-xs text-slate-700">
        {shown.map((name, i) => (
          // Names need not be unique; the position keeps keys apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list rebuilt as a whole
          <li key={i} className="truncate">
            {name}
          </li>
        ))}
        {names.length > shown.length ? (
          <li className="text-slate-600">and {names.length - shown.length} more</li>
        ) : null}
      </ul>
      <DeleteButton ids={ids} hint="Deleting a node also deletes its links and connectors." />
    </div>
  );
}

function PlanSummary() {
  const name = usePlanner((s) => s.plan.name);
  const renamePlan = usePlanner((s) => s.renamePlan);
  const plan = usePlanner((s) => s.plan);
  const analysis = useAnalysis();
  const counts = countBySeverity(analysis.findings);
  const empty = plan.nodes.length === 0 && plan.sites.length === 0;
  const rows: [string, string][] = [
    [SITE_KIND.plural, String(plan.sites.length)],
    ...NODE_TYPES.map((type): [string, string] => [
      NODE_KINDS[type].plural,
      String(plan.nodes.filter((n) => n.type === type).length),
    ]),
    ['Links', String(plan.links.length)],
    ['Connectors', String(plan.connectors.length)],
    ['Flows', String(analysis.flows.length)],
    [
      'Findings',
      `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`,
    ],
  ];
  return (
    <div className="space-y-3">
      <p className="text-[11px] font-semibold uppercase tracking-wide text-blue-700">Plan</p>
      <TextField label="Name" value={name} placeholder={UNTITLED_PLAN_NAME} onChange={renamePlan} />
      <Facts rows={rows} />
      <NotesAbout about={null} />
      <div className="rounded border border-slate-200 bg-slate-50 px-2 py-2 text-xs leading-relaxed text-slate-600">
        {empty ? (
          <>
            <p className="font-medium text-slate-800">Start a plan</p>
            <p>
              Drag an Exchange server from the palette onto the canvas, add clients, firewalls and networks,
              then link them. Or open a worked example from <span className="font-medium">Templates</span>.
            </p>
          </>
        ) : (
          <p>Select a site, node, link or connector on the canvas to edit it here.</p>
        )}
      </div>
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
