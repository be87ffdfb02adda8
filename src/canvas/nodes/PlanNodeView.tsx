import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { PlanFlowNode } from '../adapter';
import { KIND_TILE, KindIcon } from '../icons';
import { FindingMarker } from './FindingMarker';

const HANDLES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
] as const;

const TONE = {
  normal: '',
  emphasis: 'ring-2 ring-blue-400/70',
  dim: 'opacity-30',
} as const;

/**
 * One node of the plan (server, client, firewall, network, SMTP host). Every
 * handle is a source: links are undirected, and the canvas runs in loose
 * connection mode so any handle joins any other.
 */
function PlanNodeViewBase({ type, data, selected }: NodeProps<PlanFlowNode>) {
  const firewall = type === 'firewall';
  const border = selected
    ? 'border-blue-500 ring-2 ring-blue-500/30'
    : firewall
      ? 'border-orange-300'
      : 'border-slate-300';
  return (
    <div
      className={`epp-node group relative flex w-[150px] items-start gap-2 rounded-lg border bg-white px-2 py-1.5 shadow-sm transition-opacity ${border} ${TONE[data.tone]}`}
    >
      <span
        className={`mt-0.5 flex h-[26px] w-[26px] shrink-0 items-center justify-center rounded-md ring-1 ${KIND_TILE[type]}`}
      >
        <KindIcon kind={type} className="h-4 w-4" />
      </span>
      <span className="min-w-0 flex-1 leading-tight">
        <span className="block truncate text-[12px] font-semibold text-slate-900" title={data.name}>
          {data.name || '(no name)'}
        </span>
        {firewall ? (
          <span
            className={`mt-0.5 inline-block rounded px-1 text-[11px] font-medium tabular-nums ${
              data.portCount ? 'bg-orange-100 text-orange-800' : 'bg-slate-100 text-slate-500'
            }`}
          >
            {data.detail}
          </span>
        ) : (
          <span className="block truncate text-[11px] text-slate-600" title={data.detail}>
            {data.detail}
          </span>
        )}
        {data.note !== null && (
          <span className="block truncate text-[11px] text-slate-400" title={data.note}>
            {data.note}
          </span>
        )}
      </span>
      {data.mark && <FindingMarker mark={data.mark} />}
      {HANDLES.map((h) => (
        <Handle key={h.id} id={h.id} type="source" position={h.position} className="epp-handle" />
      ))}
    </div>
  );
}

export const PlanNodeView = memo(PlanNodeViewBase);
