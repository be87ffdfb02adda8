import { Handle, type NodeProps, NodeResizer, type OnResizeEnd, Position } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { usePlanner } from '../../store/store';
import { SITE_HANDLE_ID, type SiteFlowNode } from '../adapter';
import { KindIcon } from '../icons';
import { ChangeBadge, changeClass, NotePinMark } from './ReviewMarks';

const MIN_SIZE = { width: 220, height: 140 };

/**
 * An Exchange site: a container the nodes inside it are drawn in. Resizing
 * is committed to the plan once, when the person lets go.
 */
function SiteNodeBase({ id, data, selected }: NodeProps<SiteFlowNode>) {
  const onResizeEnd = useCallback<OnResizeEnd>(
    (_event, box) => {
      usePlanner.getState().updateSite(id, {
        position: { x: Math.round(box.x), y: Math.round(box.y) },
        size: { width: Math.round(box.width), height: Math.round(box.height) },
      });
    },
    [id],
  );
  // Off the highlighted path a site is set aside by a paler frame, its title text kept at 4.5:1.
  const dim = data.tone === 'dim';
  return (
    <>
      <NodeResizer
        isVisible={selected}
        minWidth={MIN_SIZE.width}
        minHeight={MIN_SIZE.height}
        onResizeEnd={onResizeEnd}
        color="#3b82f6"
        handleClassName="epp-resize-handle"
      />
      {/* Where a Site Connector is attached; nobody draws from it (links join nodes, not sites). */}
      <Handle
        id={SITE_HANDLE_ID}
        type="source"
        position={Position.Top}
        isConnectable={false}
        className="pointer-events-none !h-px !w-px !min-h-0 !min-w-0 !border-0 !bg-transparent"
      />
      <div
        data-tone={data.tone}
        className={`relative h-full w-full rounded-xl border ${dim ? 'bg-slate-50/40' : 'bg-blue-50/40'} ${
          selected ? 'border-blue-500' : dim ? 'border-slate-200' : 'border-slate-300'
        } ${changeClass(data.change)}`}
      >
        {data.change && <ChangeBadge change={data.change} />}
        <div
          data-site-title
          className="flex items-center gap-1.5 rounded-t-xl border-b border-slate-200/80 bg-white/70 px-3 py-1.5"
        >
          <KindIcon kind="site" className={`h-3.5 w-3.5 text-slate-500 ${dim ? 'opacity-40' : ''}`} />
          <span
            className={`truncate text-[12px] leading-[1.3] font-semibold ${dim ? 'text-slate-500' : 'text-slate-700'}`}
            title={data.name}
          >
            <bdi>{data.name || '(no name)'}</bdi>
          </span>
          {data.notes && <NotePinMark pin={data.notes} />}
          <span className="ml-auto shrink-0 text-[11px] text-slate-500">
            Site · {data.serverCount === 1 ? '1 server' : `${data.serverCount} servers`}
          </span>
        </div>
      </div>
    </>
  );
}

export const SiteNode = memo(SiteNodeBase);
