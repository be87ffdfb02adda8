import { useShallow } from 'zustand/react/shallow';
import { usePlanner } from '../store/store';
import { CONNECT_CHOICES, connectNodes } from './connectActions';

/**
 * Actions on the selection, shown over the canvas: with two nodes selected,
 * link them (or, for servers of different sites, join them by a connector)
 * without drawing; with anything selected, delete it. The keyboard way to
 * do what dragging does.
 */
export function SelectionActions() {
  const { pair, serversApart, count } = usePlanner(
    useShallow((s) => {
      const count = s.selection.length;
      if (count !== 2) return { pair: null, serversApart: false, count };
      const a = s.plan.nodes.find((n) => n.id === s.selection[0]);
      const b = s.plan.nodes.find((n) => n.id === s.selection[1]);
      if (!a || !b) return { pair: null, serversApart: false, count };
      const serversApart = a.type === 'server' && b.type === 'server' && a.site !== b.site;
      return { pair: `${a.id}\n${b.id}`, serversApart, count };
    }),
  );
  if (count === 0) return null;
  const [a, b] = pair ? pair.split('\n') : [];
  const button =
    'rounded-md px-2 py-1 text-[12px] font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500';
  return (
    <div
      role="toolbar"
      aria-label="Selection"
      className="absolute bottom-3 left-1/2 z-10 flex -translate-x-1/2 items-center gap-0.5 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-md"
    >
      <span className="px-2 text-[11px] text-slate-500">{count} selected</span>
      {a && b && (
        <>
          <span className="h-4 w-px bg-slate-200" />
          {CONNECT_CHOICES.filter((c) => c.kind === 'link' || serversApart).map((c) => (
            <button
              key={c.kind}
              type="button"
              className={button}
              title={c.hint}
              onClick={() => connectNodes(c.kind, a, b)}
            >
              {c.kind === 'link' ? 'Link' : `Add ${c.label}`}
            </button>
          ))}
        </>
      )}
      <span className="h-4 w-px bg-slate-200" />
      <button
        type="button"
        className={`${button} text-red-700 hover:bg-red-50`}
        onClick={() => {
          const s = usePlanner.getState();
          s.deleteElements(s.selection);
        }}
      >
        Delete
      </button>
    </div>
  );
}
