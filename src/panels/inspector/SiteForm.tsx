import { SITE_KIND } from '../../model/kinds';
import type { Site } from '../../model/types';
import { usePlanner } from '../../store/store';
import { Facts, TextField } from '../fields';
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
      <DeleteButton
        ids={[site.id]}
        hint={drawn === 0 ? undefined : 'Deleting the site deletes what is drawn inside it.'}
      />
    </div>
  );
}
