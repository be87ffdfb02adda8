import { isolate } from '../io/bidi';
import type { DrawableKind } from '../model/kinds';
import type { Plan, Position } from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX, withLayout } from '../store/layout';
import { type EditResult, siteAt } from '../store/planEdits';
import { usePlanner } from '../store/store';
import type { Rect } from './edges/geometry';

const MARGIN = 16;

function overlapsNode(plan: Plan, at: Position): boolean {
  return plan.nodes.some((n) => {
    const p = n.position;
    if (!p) return false;
    return Math.abs(p.x - at.x) < NODE_BOX.width + MARGIN && Math.abs(p.y - at.y) < NODE_BOX.height + MARGIN;
  });
}

/**
 * The free spot nearest `at` for a new node's top-left corner, searched ring
 * by ring, so that an added node never lands on top of another and hides it.
 */
export function freeSpot(plan: Plan, at: Position): Position {
  if (!overlapsNode(plan, at)) return at;
  const step = { x: (NODE_BOX.width + MARGIN) / 2, y: (NODE_BOX.height + MARGIN) / 2 };
  for (let ring = 1; ring <= 12; ring++) {
    let best: Position | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const spot = { x: at.x + i * step.x, y: at.y + j * step.y };
        const distance = Math.hypot(i * step.x, j * step.y);
        if (distance < bestDistance && !overlapsNode(plan, spot)) {
          best = spot;
          bestDistance = distance;
        }
      }
    }
    if (best) return { x: Math.round(best.x), y: Math.round(best.y) };
  }
  return at;
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
export function addItemAt(kind: DrawableKind, centre: Position, visible?: Rect): EditResult {
  const store = usePlanner.getState();
  const before = withLayout(store.plan);
  let result: EditResult;
  if (kind === 'site') {
    const corner = { x: centre.x - DEFAULT_SITE_SIZE.width / 2, y: centre.y - DEFAULT_SITE_SIZE.height / 2 };
    result = store.addSite({ x: Math.round(corner.x), y: Math.round(corner.y) });
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
        text: `${isolate(added.name)} is in a new site, ${isolate(site.name)}: every Exchange server belongs to one site.`,
      });
    } else if (site && siteAt(before, centre)?.id !== site.id) {
      store.notify({
        kind: 'info',
        text: `${isolate(added.name)} was put in site ${isolate(site.name)}: every Exchange server belongs to one site.`,
      });
    }
  }
  const placed = added?.position ?? result.plan.sites.find((s) => s.id === result.id)?.position;
  if (visible && placed && !inside(visible, placed)) store.focus([result.id]);
  return result;
}
