import { type InternalNode, type ReactFlowState, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { NODE_BOX } from '../store/layout';
import { type Box, cuePan, SIDES, type Side, sideOf } from './viewEdges';

/** The smallest text a node draws (its detail and note lines), in CSS pixels at zoom 1. */
export const SMALLEST_NODE_TEXT_PX = 11;
/** The smallest text size people can still read on the canvas, in CSS pixels. */
export const LEGIBLE_TEXT_PX = 11;
/** The lowest zoom at which every node's text is legible. */
export const READABLE_ZOOM = LEGIBLE_TEXT_PX / SMALLEST_NODE_TEXT_PX;
/**
 * Below this zoom the canvas is an overview: a node's name is under 5 px and
 * its link dots under 4 px, too small to read or to grab, so each node is
 * drawn as a box in its kind's colour (its border the colour of its worst
 * finding) without text, port badges or link dots. Drawing hundreds of
 * nodes' text and dots that nobody can read kept panning and dragging a
 * whole large plan below 20 frames a second.
 */
export const OVERVIEW_ZOOM = 0.4;
/** Whether a zoom shows the overview (see OVERVIEW_ZOOM). */
export function isOverview(zoom: number): boolean {
  return zoom < OVERVIEW_ZOOM;
}

const ARROW: Record<Side, string> = { left: '←', right: '→', up: '↑', down: '↓' };
const WHERE: Record<Side, string> = {
  left: 'to the left',
  right: 'to the right',
  up: 'above',
  down: 'below',
};
const PLACE: Record<Side, string> = {
  left: 'left-2 top-1/2 -translate-y-1/2 flex-row',
  right: 'right-2 top-1/2 -translate-y-1/2 flex-row-reverse',
  up: 'top-2 left-1/2 -translate-x-1/2 flex-row',
  down: 'bottom-14 left-1/2 -translate-x-1/2 flex-row',
};
/** Canvas units kept between a revealed node and the view's edge. */
const REVEAL_PAD = 32;

interface Hidden {
  count: number;
  sites: string[];
}

function viewOf(s: ReactFlowState): Box {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
}

/** Where a plan node is drawn, in canvas units; `null` for a site (a frame around nodes) or a hidden node. */
function planNodeBox(node: InternalNode): Box | null {
  if (node.type === 'site' || node.hidden) return null;
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? NODE_BOX.width,
    height: node.measured.height ?? NODE_BOX.height,
  };
}

/** The plan's nodes out of view, by side; as text, so that the canvas redraws the cues only when they change. */
function hiddenKey(s: ReactFlowState): string {
  if (s.width === 0 || s.height === 0) return '{}';
  const view = viewOf(s);
  const hidden: Partial<Record<Side, Hidden>> = {};
  for (const node of s.nodeLookup.values()) {
    const box = planNodeBox(node);
    if (!box) continue;
    const out = sideOf(box, view);
    if (!out) continue;
    const entry = hidden[out.side] ?? { count: 0, sites: [] };
    entry.count++;
    const site = node.parentId ? s.nodeLookup.get(node.parentId) : undefined;
    const siteName = site && typeof site.data.name === 'string' ? site.data.name : null;
    if (siteName && !entry.sites.includes(siteName)) entry.sites.push(siteName);
    hidden[out.side] = entry;
  }
  return JSON.stringify(hidden);
}

function cueText(side: Side, hidden: Hidden): string {
  const items = hidden.count === 1 ? '1 more item' : `${hidden.count} more items`;
  const sites = hidden.sites.length > 0 ? ` (in ${hidden.sites.join(', ')})` : '';
  return `${items} ${WHERE[side]}${sites}`;
}

/**
 * Cues at the canvas's edges saying how much of the plan lies beyond each
 * one (a button per side that brings it into view), and a cue when the view
 * is zoomed out so far that node text is too small to read.
 */
export function ViewCues() {
  const key = useStore(hiddenKey);
  const zoom = useStore((s) => s.transform[2]);
  const hasNodes = useStore((s) => s.nodeLookup.size > 0);
  const { getViewport, setViewport, zoomTo } = useReactFlow();
  const flowStore = useStoreApi();
  const hidden = JSON.parse(key) as Partial<Record<Side, Hidden>>;

  // Read when pressed, not when drawn: the view or the nodes may have moved since.
  const reveal = (side: Side) => {
    const state = flowStore.getState();
    const nodes: Box[] = [];
    for (const node of state.nodeLookup.values()) {
      const box = planNodeBox(node);
      if (box) nodes.push(box);
    }
    const pan = cuePan(side, viewOf(state), nodes, REVEAL_PAD);
    if (!pan) return;
    const { x, y, zoom: z } = getViewport();
    void setViewport({ x: x - pan.x * z, y: y - pan.y * z, zoom: z }, { duration: 300 });
  };

  return (
    <>
      {SIDES.map((side) => {
        const entry = hidden[side];
        if (!entry) return null;
        const text = cueText(side, entry);
        return (
          <button
            key={side}
            type="button"
            data-cue={side}
            aria-label={`${text}: show them`}
            title={`${text}. Press to show them.`}
            onClick={() => reveal(side)}
            className={`absolute z-10 flex items-center gap-1 rounded-full border border-blue-300 bg-white/95 px-2.5 py-1 text-[12px] font-medium text-blue-800 shadow-sm hover:bg-blue-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${PLACE[side]}`}
          >
            <span aria-hidden="true" className="text-[14px] leading-none">
              {ARROW[side]}
            </span>
            <span>{entry.count} more</span>
          </button>
        );
      })}
      {hasNodes && zoom < READABLE_ZOOM - 0.005 && (
        <div
          data-cue="zoom"
          className="absolute top-2 left-2 z-10 flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50/95 px-2.5 py-1 text-[12px] text-amber-900 shadow-sm"
        >
          <span>
            {isOverview(zoom)
              ? `Overview at ${Math.round(zoom * 100)} %: boxes by kind, borders by findings; names, ports and link dots from ${Math.round(OVERVIEW_ZOOM * 100)} %.`
              : `Zoomed out to ${Math.round(zoom * 100)} %: names too small to read.`}
          </span>
          <button
            type="button"
            onClick={() => void zoomTo(READABLE_ZOOM, { duration: 300 })}
            className="rounded border border-amber-400 bg-white px-1.5 py-0.5 font-medium hover:bg-amber-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
          >
            Zoom to read
          </button>
        </div>
      )}
    </>
  );
}
