import type { DrawableKind } from '../model/kinds';
import type { Plan, Position, Size } from '../model/types';
import { NODE_BOX, SITE_HEADER, SITE_PADDING } from '../store/layout';
import type { Rect } from './edges/geometry';

/** Clear space kept between an added item and whatever is already drawn. */
export const PLACEMENT_MARGIN = 16;
/** Distance between the spots tried, in canvas units. */
const STEP = 20;
/** How far from the wanted spot the search goes (in steps) before it gives up. */
const MAX_RINGS = 120;
/** Cell of the grid that indexes obstacles by where they are, in canvas units. */
const INDEX_CELL = 256;

export function intersects(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * What a new item of `kind` must not cover, from the plan alone: every node,
 * and a site's title bar (a node may go inside a site, below its title; a
 * new site may not overlap another site at all). `sizeOf` gives a node's
 * drawn size when the canvas has measured it.
 */
export function planObstacles(
  plan: Plan,
  kind: DrawableKind,
  sizeOf: (id: string) => Size | undefined = () => undefined,
): Rect[] {
  const nodes = plan.nodes.flatMap((n) =>
    n.position ? [{ ...n.position, ...(sizeOf(n.id) ?? NODE_BOX) }] : [],
  );
  const sites = plan.sites.flatMap((s) => {
    if (!s.position || !s.size) return [];
    return [
      kind === 'site'
        ? { ...s.position, ...s.size }
        : { ...s.position, width: s.size.width, height: SITE_HEADER },
    ];
  });
  return [...sites, ...nodes];
}

/** The inside of each site, where a server may go without being moved by its site. */
export function siteBodies(plan: Plan): Rect[] {
  return plan.sites.flatMap((s) => {
    if (!s.position || !s.size) return [];
    return [
      {
        x: s.position.x + SITE_PADDING / 2,
        y: s.position.y + SITE_HEADER,
        width: s.size.width - SITE_PADDING,
        height: s.size.height - SITE_HEADER - SITE_PADDING / 2,
      },
    ];
  });
}

let offsets: { dx: number; dy: number }[] | undefined;

/** The offsets tried, nearest first (computed once). */
function searchOrder(): readonly { dx: number; dy: number }[] {
  if (!offsets) {
    const all: { dx: number; dy: number; d: number }[] = [];
    for (let i = -MAX_RINGS; i <= MAX_RINGS; i++) {
      for (let j = -MAX_RINGS; j <= MAX_RINGS; j++)
        all.push({ dx: i * STEP, dy: j * STEP, d: Math.hypot(i, j) });
    }
    all.sort((a, b) => a.d - b.d);
    offsets = all.map(({ dx, dy }) => ({ dx, dy }));
  }
  return offsets;
}

export interface PlacementOptions {
  /** The part of the canvas in view: a spot inside it is preferred to a nearer one outside. */
  visible?: Rect;
  /** When given, the item must lie wholly inside one of these (a server inside a site). */
  within?: readonly Rect[];
  /** Areas the item must lie wholly inside or wholly outside of (a node in a site, not across its border). */
  noStraddle?: readonly Rect[];
  margin?: number;
}

/** Rectangles by the cells of a coarse grid they touch, so that a spot is checked only against its neighbours (a plan of thousands of nodes stays quick). */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();

  constructor(rects: readonly Rect[]) {
    for (const rect of rects) for (const key of this.keys(rect, 0)) this.add(key, rect);
  }

  private add(key: string, rect: Rect) {
    const list = this.cells.get(key);
    if (list) list.push(rect);
    else this.cells.set(key, [rect]);
  }

  private *keys(rect: Rect, margin: number): Generator<string> {
    const x0 = Math.floor((rect.x - margin) / INDEX_CELL);
    const x1 = Math.floor((rect.x + rect.width + margin) / INDEX_CELL);
    const y0 = Math.floor((rect.y - margin) / INDEX_CELL);
    const y1 = Math.floor((rect.y + rect.height + margin) / INDEX_CELL);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) yield `${i},${j}`;
  }

  /** Every rectangle that may lie within `margin` of `box` (and a few that do not). */
  near(box: Rect, margin: number): Rect[] {
    const found = new Set<Rect>();
    for (const key of this.keys(box, margin)) for (const rect of this.cells.get(key) ?? []) found.add(rect);
    return [...found];
  }
}

/**
 * The top-left corner for a box of `size` whose centre is as near `centre`
 * as possible without touching any obstacle: first among the spots wholly in
 * view, then anywhere. Spots are tried in order of distance, on a grid of
 * STEP units. Returns the wanted spot itself when it is free, and `null` when
 * nothing within reach is.
 */
export function placeBox(
  size: Size,
  centre: Position,
  obstacles: readonly Rect[],
  { visible, within, noStraddle = [], margin = PLACEMENT_MARGIN }: PlacementOptions = {},
): Position | null {
  const at = (dx: number, dy: number): Rect => ({
    x: Math.round(centre.x - size.width / 2 + dx),
    y: Math.round(centre.y - size.height / 2 + dy),
    ...size,
  });
  const blocking = new RectIndex(obstacles);
  const areas = new RectIndex(noStraddle);
  const homes = within && new RectIndex(within);
  const free = (box: Rect) =>
    (!homes || homes.near(box, 0).some((w) => contains(w, box))) &&
    areas.near(box, margin).every((area) => contains(area, box) || !intersects(box, area, margin)) &&
    !blocking.near(box, margin).some((o) => intersects(box, o, margin));
  const passes = visible ? [(box: Rect) => contains(visible, box), () => true] : [() => true];
  for (const allowed of passes) {
    for (const { dx, dy } of searchOrder()) {
      const box = at(dx, dy);
      if (allowed(box) && free(box)) return { x: box.x, y: box.y };
    }
  }
  return null;
}
