import type { Plan, Position } from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX, withLayout } from '../store/layout';
import { type EditResult, siteAt } from '../store/planEdits';
import { usePlanner } from '../store/store';
import type { Rect } from './edges/geometry';
import type { PaletteKind } from './icons';

/** Steps a new item off any item already at the spot, so repeated adds do not pile up unseen. */
export function freeSpot(plan: Plan, at: Position): Position {
  const taken = [...plan.sites, ...plan.nodes].flatMap((o) => (o.position ? [o.position] : []));
  let spot = at;
  for (let i = 0; i < 50; i++) {
    if (!taken.some((p) => Math.abs(p.x - spot.x) < 6 && Math.abs(p.y - spot.y) < 6)) return spot;
    spot = { x: spot.x + 24, y: spot.y + 24 };
  }
  return spot;
}

function inside(rect: Rect, p: Position): boolean {
  return p.x >= rect.x && p.y >= rect.y && p.x <= rect.x + rect.width && p.y <= rect.y + rect.height;
}

/**
 * Adds an item centred on a point of the canvas (a palette button adds it in
 * the middle of the view, a drop where it falls), selects it, and says so
 * when the planner had to choose a site for a server. `visible` is the part
 * of the canvas in view: an item placed outside it is brought into view.
 */
export function addItemAt(kind: PaletteKind, centre: Position, visible?: Rect): EditResult {
  const store = usePlanner.getState();
  const before = withLayout(store.plan);
  let result: EditResult;
  if (kind === 'site') {
    const corner = { x: centre.x - DEFAULT_SITE_SIZE.width / 2, y: centre.y - DEFAULT_SITE_SIZE.height / 2 };
    result = store.addSite(freeSpot(before, { x: Math.round(corner.x), y: Math.round(corner.y) }));
  } else {
    const corner = { x: centre.x - NODE_BOX.width / 2, y: centre.y - NODE_BOX.height / 2 };
    result = store.addNode(kind, freeSpot(before, { x: Math.round(corner.x), y: Math.round(corner.y) }));
  }
  if (!result.ok) {
    store.notify({ kind: 'error', text: result.error });
    return result;
  }
  store.select([result.id]);
  const added = result.plan.nodes.find((n) => n.id === result.id);
  if (added?.type === 'server') {
    const site = result.plan.sites.find((s) => s.id === added.site);
    const created = site && !before.sites.some((s) => s.id === site.id);
    if (site && created) {
      store.notify({
        kind: 'info',
        text: `${added.name} is in a new site, ${site.name}: every Exchange server belongs to one site.`,
      });
    } else if (site && siteAt(before, centre)?.id !== site.id) {
      store.notify({
        kind: 'info',
        text: `${added.name} was put in site ${site.name}: every Exchange server belongs to one site.`,
      });
    }
  }
  const placed = added?.position ?? result.plan.sites.find((s) => s.id === result.id)?.position;
  if (visible && placed && !inside(visible, placed)) store.focus([result.id]);
  return result;
}
