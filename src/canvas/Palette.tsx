import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { DRAWABLE_KINDS, type DrawableKind, KINDS } from '../model/kinds';
import { addItemAt } from './addItem';
import { PALETTE_DRAG_TYPE } from './dragData';
import { KIND_TILE, KindIcon } from './icons';

/** Screen pixels kept clear at the canvas's edges when an item is placed in view. */
const VIEW_INSET = 24;

/**
 * What a person can add to the plan. Each item is dragged onto the canvas
 * or pressed (keyboard, touch) to add it at the free spot nearest the
 * middle of the view.
 */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();

  const addInView = useCallback(
    (kind: DrawableKind) => {
      const { domNode: dom, nodeLookup } = flowStore.getState();
      if (!dom) return;
      const toFlow = (r: { left: number; top: number; right: number; bottom: number }) => {
        const topLeft = screenToFlowPosition({ x: r.left, y: r.top });
        const bottomRight = screenToFlowPosition({ x: r.right, y: r.bottom });
        return { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
      };
      const r = dom.getBoundingClientRect();
      const centre = screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      // Edge labels and port badges are drawn by the canvas, not stored in the plan: they are found where they are drawn.
      const drawn = [...dom.querySelectorAll('.react-flow__edgelabel-renderer > *')].map((label) =>
        toFlow(label.getBoundingClientRect()),
      );
      const inset = VIEW_INSET;
      addItemAt(kind, centre, {
        visible: toFlow({
          left: r.left + inset,
          top: r.top + inset,
          right: r.right - inset,
          bottom: r.bottom - inset,
        }),
        drawn,
        sizeOf: (id) => {
          const measured = nodeLookup.get(id)?.measured;
          return measured?.width && measured.height
            ? { width: measured.width, height: measured.height }
            : undefined;
        },
      });
    },
    [flowStore, screenToFlowPosition],
  );

  return (
    <nav aria-label="Palette" className="flex h-full min-h-0 flex-col overflow-y-auto bg-white text-[12px]">
      <h2 className="px-3 pt-3 pb-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        Add to plan
      </h2>
      <ul className="space-y-0.5 px-2">
        {DRAWABLE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              draggable
              title={`${KINDS[kind].hint}. Drag onto the canvas, or press to add in view.`}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addInView(kind)}
              className="flex w-full cursor-grab items-center gap-2 rounded-md border border-transparent px-1.5 py-1.5 text-left text-[12.5px] font-medium text-slate-800 hover:border-slate-200 hover:bg-slate-50 focus-visible:border-blue-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500/30 active:cursor-grabbing"
            >
              <span
                aria-hidden="true"
                className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-md border ${KIND_TILE[kind]}`}
              >
                <KindIcon kind={kind} className="h-4 w-4" />
              </span>
              {KINDS[kind].label}
            </button>
          </li>
        ))}
      </ul>
      <Legend />
      <Tips />
    </nav>
  );
}

function Legend() {
  return (
    <section aria-labelledby="legend-heading" className="mt-3 border-t border-slate-100 px-3 pt-3">
      <h2
        id="legend-heading"
        className="pb-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase"
      >
        Legend
      </h2>
      <ul className="space-y-1.5 text-[11.5px] text-slate-600">
        <li className="flex items-center gap-2">
          <svg aria-hidden="true" width="26" height="8" className="shrink-0">
            <line x1="1" y1="4" x2="25" y2="4" stroke="#94a3b8" strokeWidth="1.75" />
          </svg>
          Network link
        </li>
        <li className="flex items-center gap-2">
          <svg aria-hidden="true" width="26" height="8" className="shrink-0">
            <line x1="1" y1="4" x2="25" y2="4" stroke="#7c3aed" strokeWidth="2" strokeDasharray="5 3" />
          </svg>
          Site or X.400 connector
        </li>
        <li className="flex flex-wrap items-center gap-1">
          <Badge className="border-slate-300 bg-white text-slate-700">135</Badge>
          <Badge className="border-amber-300 bg-amber-50 text-amber-800">1024-65535</Badge>
          <Badge className="border-red-300 bg-red-50 text-red-700">102</Badge>
        </li>
        <li className="text-[11px] leading-snug text-slate-500">
          Ports on a firewall edge: fixed, dynamic range, broken relation.
        </li>
        <li className="flex items-center gap-1.5">
          <Dot className="bg-red-600" />
          <Dot className="bg-amber-400" />
          <Dot className="bg-sky-500" />
          <span>Findings: error, warning, info</span>
        </li>
      </ul>
    </section>
  );
}

function Tips() {
  return (
    <section aria-labelledby="tips-heading" className="mt-3 border-t border-slate-100 px-3 pt-3 pb-4">
      <h2
        id="tips-heading"
        className="pb-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase"
      >
        How to
      </h2>
      <ul className="space-y-1.5 text-[11.5px] leading-snug text-slate-600">
        <li>Drag from a node's edge dot onto another node to link them.</li>
        <li>Link two servers of different sites to choose a Site or X.400 connector.</li>
        <li>Select a firewall to see the paths through it.</li>
        <li>
          <Kbd>Tab</Kbd> to a node, <Kbd>Enter</Kbd> selects it, <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> adds it to
          the selection (<Kbd>Shift</Kbd>+click with the mouse). <Kbd>Esc</Kbd> clears it.
        </li>
        <li>
          <Kbd>Delete</Kbd> removes the selection, <Kbd>Ctrl</Kbd>+<Kbd>Z</Kbd> undoes.
        </li>
        <li>
          <Kbd>?</Kbd> lists every key.
        </li>
      </ul>
    </section>
  );
}

function Badge({ className, children }: { className: string; children: React.ReactNode }) {
  return (
    <span className={`rounded border px-1 py-px font-mono text-[10px] leading-tight ${className}`}>
      {children}
    </span>
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${className}`} />;
}

function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[10.5px] text-slate-700">
      {children}
    </kbd>
  );
}
