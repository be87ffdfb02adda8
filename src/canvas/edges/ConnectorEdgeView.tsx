import { BaseEdge, EdgeLabelRenderer, type EdgeProps, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { ConnectorEdge } from '../adapter';
import { CHANGE_STYLE, NotePinMark } from '../nodes/ReviewMarks';
import { arc } from './geometry';
import { internalRect } from './internalRect';
import { EdgeChangeMark } from './LinkEdgeView';

/** A messaging connector between two servers of different sites: a dashed violet arc with its kind and port. */
function ConnectorEdgeViewBase({ id, source, target, data, selected }: EdgeProps<ConnectorEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to || !data) return null;
  const { path, middle } = arc(internalRect(from), internalRect(to));
  const error = data.mark?.severity === 'error';
  const change = data.change ? CHANGE_STYLE[data.change] : null;
  const colour = selected ? '#2563eb' : change ? change.colour : error ? '#dc2626' : '#7c3aed';
  const dim = data.tone === 'dim';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={16}
        className="epp-edge"
        style={
          {
            '--epp-stroke': colour,
            '--epp-stroke-width': selected || data.tone === 'emphasis' ? '2.75px' : '2px',
            strokeDasharray: change?.dash || '7 5',
            opacity: dim ? 0.2 : 1,
          } as React.CSSProperties
        }
      />
      <EdgeLabelRenderer>
        <div
          className="epp-label nodrag nopan flex items-center gap-1"
          style={{ left: middle.x, top: middle.y }}
        >
          {data.change && <EdgeChangeMark change={data.change} />}
          {data.notes && <NotePinMark pin={data.notes} />}
          <div
            className={`shrink-0 overflow-hidden rounded-full border px-2 py-0.5 text-[10.5px] font-medium whitespace-nowrap ${
              error
                ? dim
                  ? 'border-red-200 bg-white text-slate-500'
                  : 'border-red-300 bg-red-50 text-red-700'
                : selected
                  ? 'border-blue-400 bg-blue-50 text-blue-800'
                  : dim
                    ? 'border-violet-200 bg-white text-slate-500'
                    : 'border-violet-300 bg-violet-50 text-violet-800'
            }`}
          >
            <bdi>{data.label}</bdi>
            {data.ports && <span className="ml-1 font-mono tabular-nums">· {data.ports}</span>}
          </div>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const ConnectorEdgeView = memo(ConnectorEdgeViewBase);
