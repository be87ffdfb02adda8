import { isolate } from '../io/bidi';
import type { DrawableKind } from '../model/kinds';
import type { Plan, Position, Size } from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX, withLayout } from '../store/layout';
import { type EditResult, siteAt } from '../store/planEdits';
import { usePlanner } from '../store/store';
import type { Rect } from './edges/geometry';
import { placeBox, planObstacles, siteBodies } from './placement';

/**
 * Where a new item goes: the free spot nearest `centre` (preferring spots
 * wholly in `visible`), clear of every node, site title and whatever else
 * the canvas draws (`drawn`: edge labels, port badges); a new site clear of
 * every site and node; a server inside a site when the plan has one. Returns
 * the top-left corner.
 */
export function placementFor(
  plan: Plan,
  kind: DrawableKind,
  centre: Position,
  {
    visible,
    drawn = [],
    sizeOf,
  }: { visible?: Rect; drawn?: readonly Rect[]; sizeOf?: (id: string) => Size | undefined } = {},
): Position {
  const size = kind === 'site' ? DEFAULT_SITE_SIZE : NODE_BOX;
  const obstacles = [...planObstacles(plan, kind, sizeOf), ...drawn];
  const bodies = siteBodies(plan);
  const options = {
    ...(visible ? { visible } : {}),
    ...(kind === 'server' && bodies.length > 0 ? { within: bodies } : {}),
    ...(kind === 'site' ? {} : { noStraddle: bodies }),
  };
  const wanted = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  return (
    placeBox(size, centre, obstacles, options) ??
    // A server with no room in any site still goes as near as it can (its site then takes it in).
    placeBox(size, centre, obstacles, { ...(visible ? { visible } : {}) }) ??
    wanted
  );
}

function inside(rect: Rect, box: Rect): boolean {
  return (
    box.x >= rect.x &&
    box.y >= rect.y &&
    box.x + box.width <= rect.x + rect.width &&
    box.y + box.height <= rect.y + rect.height
  );
}

/** What a palette button knows of the canvas: the part in view, and what is drawn there besides nodes and sites. */
export interface InView {
  visible: Rect;
  drawn?: readonly Rect[];
  sizeOf?: (id: string) => Size | undefined;
}

/**
 * Adds an item centred on a point of the canvas (a palette button adds it in
 * the middle of the view, a drop where it falls), selects it, and says so
 * when the planner had to choose a site for a server. A palette button
 * passes what is in view (`inView`): the item goes to the nearest free spot
 * there (see `placementFor`), and one placed outside it is brought into view.
 */
export function addItemAt(kind: DrawableKind, centre: Position, inView?: InView): EditResult {
  const store = usePlanner.getState();
  const before = withLayout(store.plan);
  const visible = inView?.visible;
  let result: EditResult;
  if (kind === 'site' && !inView) {
    // A site dropped by hand goes where it was dropped.
    const corner = { x: centre.x - DEFAULT_SITE_SIZE.width / 2, y: centre.y - DEFAULT_SITE_SIZE.height / 2 };
    result = store.addSite({ x: Math.round(corner.x), y: Math.round(corner.y) });
  } else if (kind === 'site') {
    result = store.addSite(placementFor(before, kind, centre, inView));
  } else {
    result = store.addNode(kind, placementFor(before, kind, centre, inView ?? {}));
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
  const addedSite = result.plan.sites.find((s) => s.id === result.id);
  const placed = added?.position
    ? { ...added.position, ...NODE_BOX }
    : addedSite?.position && { ...addedSite.position, ...(addedSite.size ?? DEFAULT_SITE_SIZE) };
  if (visible && placed && !inside(visible, placed)) store.focus([result.id]);
  return result;
}
