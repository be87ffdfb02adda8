/**
 * Edges are drawn between node borders, not fixed handles ("floating"
 * edges), so a link reads as an adjacency whichever way the nodes are laid out.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

export function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Where the ray from the rectangle's centre toward `toward` leaves the rectangle. */
export function borderPoint(rect: Rect, toward: Point): Point {
  const c = centre(rect);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : rect.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : rect.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** The two border points of a straight edge between two rectangles. */
export function straightEnds(a: Rect, b: Rect): { source: Point; target: Point } {
  return { source: borderPoint(a, centre(b)), target: borderPoint(b, centre(a)) };
}

/**
 * A gentle arc between two rectangles, bowed to one side so that a connector
 * stays visible beside a network link between the same servers. Returns the
 * SVG path and the arc's middle point for the label.
 */
export function arc(a: Rect, b: Rect): { path: string; middle: Point } {
  const ca = centre(a);
  const cb = centre(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(70, length * 0.18);
  const mid = { x: (ca.x + cb.x) / 2, y: (ca.y + cb.y) / 2 };
  const control = { x: mid.x - (dy / length) * bend, y: mid.y + (dx / length) * bend };
  const source = borderPoint(a, control);
  const target = borderPoint(b, control);
  const middle = {
    x: 0.25 * source.x + 0.5 * control.x + 0.25 * target.x,
    y: 0.25 * source.y + 0.5 * control.y + 0.25 * target.y,
  };
  return {
    path: `M ${source.x},${source.y} Q ${control.x},${control.y} ${target.x},${target.y}`,
    middle,
  };
}
