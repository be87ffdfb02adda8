import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SITE_KIND } from '../../model/kinds';
import type { Site } from '../../model/types';
import { usePlanner } from '../../store/store';
import { BUTTON, type Choice, Facts, Section, SelectField, TextField } from '../fields';
import { DeleteButton, FormHeader } from './formParts';

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
      <SiteConnectors site={site} />
      <DeleteButton
        ids={[site.id]}
        hint={
          drawn === 0
            ? 'Deleting the site also deletes its site connectors.'
            : 'Deleting the site deletes what is drawn inside it and its site connectors.'
        }
      />
    </div>
  );
}

/** The site's Site Connectors, each a button that selects it, and a way to add one to another site. */
function SiteConnectors({ site }: { site: Site }) {
  const connectors = usePlanner(
    useShallow((s) =>
      s.plan.connectors.filter((c) => c.type === 'site' && (c.a === site.id || c.b === site.id)),
    ),
  );
  const sites = usePlanner(useShallow((s) => s.plan.sites));
  const addSiteConnector = usePlanner((s) => s.addSiteConnector);
  const select = usePlanner((s) => s.select);
  const notify = usePlanner((s) => s.notify);
  const nameOf = (id: string) => {
    const found = sites.find((x) => x.id === id);
    return found ? found.name || found.id : id;
  };
  const joined = new Set(connectors.map((c) => (c.a === site.id ? c.b : c.a)));
  const open = sites.filter((x) => x.id !== site.id && !joined.has(x.id));
  const [target, setTarget] = useState('');
  const chosen = open.some((x) => x.id === target) ? target : (open[0]?.id ?? '');
  const choices: Choice<string>[] = open.map((x) => ({ value: x.id, text: x.name || x.id }));
  return (
    <Section title="Site connectors">
      {connectors.length === 0 ? (
        <p className="text-[11px] text-slate-500">None yet.</p>
      ) : (
        <ul className="space-y-1">
          {connectors.map((c) => (
            <li key={c.id}>
              <button type="button" className={BUTTON} onClick={() => select([c.id])}>
                Site connector to {nameOf(c.a === site.id ? c.b : c.a)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 ? (
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <SelectField label="Connect to site" value={chosen} choices={choices} onChange={setTarget} />
          </div>
          <button
            type="button"
            className={BUTTON}
            onClick={() => {
              const result = addSiteConnector(site.id, chosen);
              if (result.ok) select([result.id]);
              else notify({ kind: 'error', text: result.error });
            }}
          >
            Add site connector
          </button>
        </div>
      ) : null}
      <p className="text-[11px] leading-snug text-slate-500">
        A new site connector starts as Exchange’s does: any server sends, to all servers of the other site.
      </p>
    </Section>
  );
}
