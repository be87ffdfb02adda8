/** What lies beyond the canvas's edges, and how far an edge cue moves the view to show it. */

export type Side = 'left' | 'right' | 'up' | 'down';

export const SIDES: readonly Side[] = ['left', 'right', 'up', 'down'];

/** A rectangle in canvas units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The side a node out of view lies on: the one it overshoots the view's edge
 * by the most. `null` when the node is wholly in view.
 */
export function sideOf(node: Box, view: Box): { side: Side; by: number } | null {
  const over: Record<Side, number> = {
    left: view.x - node.x,
    right: node.x + node.width - (view.x + view.width),
    up: view.y - node.y,
    down: node.y + node.height - (view.y + view.height),
  };
  let best: { side: Side; by: number } | null = null;
  for (const side of SIDES) {
    const by = over[side];
    if (by > 0 && (!best || by > best.by)) best = { side, by };
  }
  return best;
}

/** A stretch of one axis, from `start` to `end`. */
interface Span {
  start: number;
  end: number;
}

/** The stretch of `box` along the axis a cue of `side` moves on, measured in the direction it moves. */
function alongSpan(box: Box, side: Side): Span {
  switch (side) {
    case 'right':
      return { start: box.x, end: box.x + box.width };
    case 'left':
      return { start: -(box.x + box.width), end: -box.x };
    case 'down':
      return { start: box.y, end: box.y + box.height };
    case 'up':
      return { start: -(box.y + box.height), end: -box.y };
  }
}

/** The stretch of `box` across that axis. */
function acrossSpan(box: Box, side: Side): Span {
  return side === 'left' || side === 'right'
    ? { start: box.y, end: box.y + box.height }
    : { start: box.x, end: box.x + box.width };
}

/**
 * How far a view must move forward along its axis to show `item` wholly,
 * `pad` clear of its far edge (less when the item only just fits). An item
 * longer than the view is shown from its start. Always more than 0 for an
 * item beyond the view's far end.
 */
function forwardShift(item: Span, view: Span, pad: number): number {
  const length = item.end - item.start;
  const room = view.end - view.start;
  if (length > room) {
    const toStart = item.start - view.start;
    return toStart > 0 ? toStart : item.end - view.end;
  }
  const margin = Math.min(pad, (room - length) / 2);
  return item.end - view.end + margin;
}

/**
 * How far a view must move across the cue's axis (either way) to show
 * `item` wholly, `pad` clear of the edge: 0 when it is not cut on that
 * axis, or when it cannot fit.
 */
function acrossShift(item: Span, view: Span, pad: number): number {
  if (item.start >= view.start && item.end <= view.end) return 0;
  const length = item.end - item.start;
  const room = view.end - view.start;
  if (length > room) return 0;
  const margin = Math.min(pad, (room - length) / 2);
  if (item.start < view.start) return item.start - margin - view.start;
  return item.end + margin - view.end;
}

/**
 * How far (canvas units, in x and y) the view moves when the cue of `side`
 * is pressed: just far enough to bring the nearest of the nodes beyond that
 * side wholly into view, `pad` clear of the edges, together with the nodes
 * beyond that side level with it (a column of nodes, for the cue on the
 * right) when they fit. Moving any further would push more of what is in
 * view out at the opposite side; moving by a share of the view (as this once
 * did) could carry a node that was only cut by one edge past the other.
 * When those nodes are cut across the axis too, the view also moves that
 * way, as little as shows them whole (the nearest alone when they do not fit
 * together). `null` when nothing lies beyond that side.
 */
export function cuePan(
  side: Side,
  view: Box,
  nodes: readonly Box[],
  pad: number,
): { x: number; y: number } | null {
  const viewAlong = alongSpan(view, side);
  const viewAcross = acrossSpan(view, side);
  let nearest: { node: Box; span: Span; shift: number } | null = null;
  const beyond: Box[] = [];
  for (const node of nodes) {
    if (sideOf(node, view)?.side !== side) continue;
    beyond.push(node);
    const span = alongSpan(node, side);
    const shift = forwardShift(span, viewAlong, pad);
    if (!nearest || shift < nearest.shift) nearest = { node, span, shift };
  }
  if (!nearest) return null;
  const { span } = nearest;
  const level = beyond.filter((node) => {
    const other = alongSpan(node, side);
    return other.start < span.end && other.end > span.start;
  });
  const along = fitsTogether(
    level.map((node) => alongSpan(node, side)),
    viewAlong,
  );
  const across = fitsTogether(
    level.map((node) => acrossSpan(node, side)),
    viewAcross,
  );
  const shift = along ? forwardShift(along, viewAlong, pad) : nearest.shift;
  const sideways = acrossShift(along && across ? across : acrossSpan(nearest.node, side), viewAcross, pad);
  const sign = side === 'right' || side === 'down' ? 1 : -1;
  return side === 'left' || side === 'right'
    ? { x: sign * shift, y: sideways }
    : { x: sideways, y: sign * shift };
}

/** The stretch that `spans` cover together, when it fits in `view`; else `null`. */
function fitsTogether(spans: readonly Span[], view: Span): Span | null {
  const together = {
    start: Math.min(...spans.map((s) => s.start)),
    end: Math.max(...spans.map((s) => s.end)),
  };
  return together.end - together.start <= view.end - view.start ? together : null;
}
