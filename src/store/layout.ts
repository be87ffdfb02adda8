import type { Plan, PlanNode, Position, Site, Size } from '../model/types';

/**
 * Positions and sizes are optional in a plan file (SPEC §2: "for drawing
 * only"), so a hand-written plan may have none. `withLayout` fills in what is
 * missing, deterministically and without moving anything that has a place,
 * so the canvas can draw any valid plan and the plan edits (which place
 * nodes by site rectangles) see the same rectangles the person sees.
 */

export const DEFAULT_SITE_SIZE: Size = { width: 520, height: 340 };
/** Drawn size of a node (the canvas draws nodes this wide), used to place and re-site nodes by their centre. */
export const NODE_BOX: Size = { width: 150, height: 56 };
/** Room at the top of a site for its title bar. */
export const SITE_HEADER = 44;
export const SITE_PADDING = 24;
/** Grid cell of an automatically placed node. */
const CELL: Size = { width: NODE_BOX.width + 40, height: NODE_BOX.height + 36 };
const GAP = 80;
/** Space between a site's placed nodes and the grid of those placed for them. */
const GRID_GAP = 20;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function isLaidOut(plan: Plan): boolean {
  return plan.sites.every((s) => s.position && s.size) && plan.nodes.every((n) => n.position);
}

function gridSize(count: number): { cols: number; rows: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { cols, rows: Math.ceil(count / cols) };
}

function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function nodeBox(position: Position): Box {
  return { ...position, ...NODE_BOX };
}

/** The plan with a position for every node and a position and size for every site; the same object when nothing is missing. */
export function withLayout(plan: Plan): Plan {
  if (isLaidOut(plan)) return plan;

  const childrenOf = new Map<string, PlanNode[]>();
  for (const node of plan.nodes) {
    if (!node.site) continue;
    const list = childrenOf.get(node.site) ?? [];
    list.push(node);
    childrenOf.set(node.site, list);
  }

  // 1. Sizes and, where the children tell it, positions of sites.
  const boxes = new Map<string, Partial<Box>>();
  for (const site of plan.sites) {
    const children = childrenOf.get(site.id) ?? [];
    const placed = unionBox(children.flatMap((n) => (n.position ? [nodeBox(n.position)] : [])));
    const unplaced = children.filter((n) => !n.position).length;
    const grid = gridSize(unplaced);
    let position = site.position;
    if (!position && placed) position = { x: placed.x - SITE_PADDING, y: placed.y - SITE_HEADER };
    let size = site.size;
    const gridHeight = unplaced > 0 ? grid.rows * CELL.height : 0;
    if (!size) {
      let width = Math.max(DEFAULT_SITE_SIZE.width, grid.cols * CELL.width + 2 * SITE_PADDING);
      let height = Math.max(DEFAULT_SITE_SIZE.height, SITE_HEADER + gridHeight + SITE_PADDING);
      if (placed && position) {
        width = Math.max(width, placed.x + placed.width + SITE_PADDING - position.x);
        height = Math.max(
          height,
          placed.y + placed.height + GRID_GAP + gridHeight + SITE_PADDING - position.y,
        );
      }
      size = { width, height };
    } else if (unplaced > 0) {
      const top = placed && position ? placed.y + placed.height + GRID_GAP - position.y : SITE_HEADER;
      size = {
        width: Math.max(size.width, grid.cols * CELL.width + 2 * SITE_PADDING),
        height: Math.max(size.height, top + gridHeight + SITE_PADDING),
      };
    }
    boxes.set(site.id, { ...position, ...size });
  }

  // 2. Sites with no place go in a row to the right of everything that has one.
  const fixed: Box[] = [];
  for (const box of boxes.values()) {
    if (box.x !== undefined && box.y !== undefined) fixed.push(box as Box);
  }
  for (const node of plan.nodes) if (node.position && !node.site) fixed.push(nodeBox(node.position));
  const content = unionBox(fixed);
  let nextX = content ? content.x + content.width + GAP : 0;
  const rowY = content ? content.y : 0;
  for (const site of plan.sites) {
    const box = boxes.get(site.id) as Partial<Box> & Size;
    if (box.x === undefined || box.y === undefined) {
      box.x = nextX;
      box.y = rowY;
      nextX += box.width + GAP;
    }
  }

  // 3. Nodes with no place: in a grid inside their site, or below everything.
  const positions = new Map<string, Position>();
  for (const site of plan.sites) {
    const box = boxes.get(site.id) as Box;
    const children = childrenOf.get(site.id) ?? [];
    const placed = unionBox(children.flatMap((n) => (n.position ? [nodeBox(n.position)] : [])));
    const unplaced = children.filter((n) => !n.position);
    const { cols } = gridSize(unplaced.length);
    const top = placed ? placed.y + placed.height + GRID_GAP : box.y + SITE_HEADER;
    unplaced.forEach((node, k) => {
      positions.set(node.id, {
        x: box.x + SITE_PADDING + (k % cols) * CELL.width,
        y: top + Math.floor(k / cols) * CELL.height,
      });
    });
  }
  const loose = plan.nodes.filter((n) => !n.position && !(n.site && boxes.has(n.site)));
  if (loose.length > 0) {
    const all = unionBox([...fixed, ...[...boxes.values()].map((b) => b as Box)]);
    const left = all ? all.x : 0;
    const top = all ? all.y + all.height + GAP : 0;
    const cols = Math.max(4, gridSize(loose.length).cols);
    loose.forEach((node, k) => {
      positions.set(node.id, {
        x: left + (k % cols) * CELL.width,
        y: top + Math.floor(k / cols) * CELL.height,
      });
    });
  }

  const sites: Site[] = plan.sites.map((s) => {
    const box = boxes.get(s.id) as Box;
    const same =
      s.position?.x === box.x &&
      s.position.y === box.y &&
      s.size?.width === box.width &&
      s.size.height === box.height;
    if (same) return s;
    return { ...s, position: { x: box.x, y: box.y }, size: { width: box.width, height: box.height } };
  });
  const nodes: PlanNode[] = plan.nodes.map((n) => {
    const position = positions.get(n.id);
    return position && !n.position ? { ...n, position } : n;
  });
  return { ...plan, sites, nodes };
}
