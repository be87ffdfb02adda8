import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { PlanFlowNode } from '../adapter';
import { KIND_FILL, KIND_TILE, KindIcon } from '../icons';
import { FindingMarker } from './FindingMarker';
import { ChangeBadge, changeClass, NotePinMark } from './ReviewMarks';

const HANDLES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
] as const;

/**
 * Long texts are cut here rather than by CSS: `text-overflow` needs
 * `overflow: hidden`, and a clip per text line on a thousand nodes makes every
 * frame of a drag slow to composite. The full text is in the tooltip.
 */
const NAME_CHARS = 40;
const LINE_CHARS = 36;

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** In the overview a node's box takes its worst finding's colour as a thick border. */
const OVERVIEW_MARK = {
  error: 'border-[5px] border-red-600',
  warning: 'border-[5px] border-amber-500',
  info: 'border-[3px] border-sky-500',
} as const;

const TONE = {
  normal: '',
  emphasis: 'outline-2 outline-offset-2 outline-blue-400/80',
  dim: '',
} as const;

/**
 * One node of the plan (server, client, firewall, network, SMTP host). Every
 * handle is a source: links are undirected, and the canvas runs in loose
 * connection mode so any handle joins any other.
 */
function PlanNodeViewBase({ type, data, selected }: NodeProps<PlanFlowNode>) {
  const firewall = type === 'firewall';
  // A node off the highlighted path is drawn faint by its colours, not by opacity, so its text keeps
  // 4.5:1 (slate-500 on white is 4.8:1) while pale borders and a faded icon set it aside.
  const dim = data.tone === 'dim';
  const border = selected
    ? 'border-blue-500 outline-2 outline-blue-500/30'
    : firewall
      ? dim
        ? 'border-orange-200'
        : 'border-orange-300'
      : dim
        ? 'border-slate-200'
        : 'border-slate-300';
  return (
    <div
      data-tone={data.tone}
      className={`epp-node group relative flex min-h-[56px] w-[150px] items-center gap-2 rounded-lg border bg-white px-2 py-1.5 hover:shadow-sm ${border} ${TONE[data.tone]} ${changeClass(data.change)}`}
    >
      {/* Shown only by the zoomed-out overview's style sheet (OVERVIEW_ZOOM), in place of all else. */}
      <span
        aria-hidden="true"
        className={`epp-overview-fill absolute inset-0 rounded-[7px] ${dim ? 'bg-slate-100' : KIND_FILL[type]} ${
          data.mark && !dim ? OVERVIEW_MARK[data.mark.severity] : ''
        }`}
      />
      {data.change && <ChangeBadge change={data.change} />}
      {data.notes && <NotePinMark pin={data.notes} className="absolute -bottom-2 -right-2" />}
      <span
        className={`flex h-[26px] w-[26px] shrink-0 items-center justify-center rounded-md border ${KIND_TILE[type]} ${dim ? 'opacity-40' : ''}`}
      >
        <KindIcon kind={type} className="h-4 w-4" />
      </span>
      {/* Clipped, with room for accents: a name of stacked combining marks draws inside its own box,
          never over the node's neighbours; <bdi> keeps a right-to-left override inside the name. */}
      <span className="min-w-0 flex-1 overflow-hidden leading-[1.3]">
        <span
          className={`block overflow-hidden text-[12px] font-semibold break-words ${dim ? 'text-slate-500' : 'text-slate-900'} ${data.change === 'removed' ? 'line-through' : ''}`}
          title={data.name}
        >
          <bdi>{shorten(data.name, NAME_CHARS) || '(no name)'}</bdi>
        </span>
        {firewall ? (
          <span
            className={`mt-0.5 inline-block rounded px-1 text-[11px] font-medium tabular-nums ${
              dim
                ? 'bg-white text-slate-500'
                : data.ruleCount
                  ? 'bg-orange-100 text-orange-800'
                  : 'bg-slate-100 text-slate-600'
            }`}
          >
            {data.detail}
          </span>
        ) : (
          <span
            className={`block overflow-hidden text-[11px] break-words ${dim ? 'text-slate-500' : 'text-slate-600'}`}
            title={data.detail}
          >
            <bdi>{shorten(data.detail, LINE_CHARS)}</bdi>
          </span>
        )}
        {data.note !== null && (
          <span className="block overflow-hidden text-[11px] break-words text-slate-600" title={data.note}>
            <bdi>{shorten(data.note, LINE_CHARS)}</bdi>
          </span>
        )}
      </span>
      {data.mark && <FindingMarker mark={data.mark} muted={dim} />}
      {HANDLES.map((h) => (
        <Handle key={h.id} id={h.id} type="source" position={h.position} className="epp-handle" />
      ))}
    </div>
  );
}

export const PlanNodeView = memo(PlanNodeViewBase);
