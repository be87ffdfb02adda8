import { BaseEdge, EdgeLabelRenderer, type EdgeProps, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge } from '../adapter';
import { CHANGE_STYLE, NotePinMark } from '../nodes/ReviewMarks';
import { straightEnds } from './geometry';
import { internalRect } from './internalRect';
import { PortBadges } from './PortBadges';

function strokeOf(data: LinkEdge['data'], selected: boolean | undefined): React.CSSProperties {
  const error = data?.mark?.severity === 'error';
  const stroke = selected ? '#2563eb' : error ? '#dc2626' : data?.tone === 'emphasis' ? '#3b82f6' : '#94a3b8';
  const width = selected || data?.tone === 'emphasis' ? 2.5 : data?.badges ? 1.75 : 1.5;
  const change = data?.change ? CHANGE_STYLE[data.change] : null;
  return {
    '--epp-stroke': change && !selected ? change.colour : stroke,
    '--epp-stroke-width': `${change ? Math.max(width, 3) : width}px`,
    strokeDasharray: change?.dash || undefined,
    opacity: data?.tone === 'dim' ? 0.2 : 1,
  } as React.CSSProperties;
}

/** A network link, straight from border to border; on a firewall edge, the ports that cross it. */
function LinkEdgeViewBase({ id, source, target, data, selected }: EdgeProps<LinkEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const { source: s, target: t } = straightEnds(internalRect(from), internalRect(to));
  const path = `M ${s.x},${s.y} L ${t.x},${t.y}`;
  const badges = data?.badges;
  const mid = { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className="epp-edge"
        style={strokeOf(data, selected)}
        interactionWidth={16}
      />
      {(data?.change || data?.notes) && (
        <EdgeLabelRenderer>
          <div
            className={`epp-label nodrag nopan flex items-center gap-1 ${data?.tone === 'dim' ? 'opacity-25' : ''}`}
            style={{ left: s.x + (t.x - s.x) * 0.25, top: s.y + (t.y - s.y) * 0.25 }}
          >
            {data?.change && <EdgeChangeMark change={data.change} />}
            {data?.notes && <NotePinMark pin={data.notes} />}
          </div>
        </EdgeLabelRenderer>
      )}
      {badges && badges.length > 0 && (
        <EdgeLabelRenderer>
          <div className="epp-badges epp-label nodrag nopan" style={{ left: mid.x, top: mid.y }}>
            <PortBadges
              badges={badges}
              active={data?.activePort ?? null}
              muted={data?.tone === 'dim'}
              vertical={Math.abs(t.x - s.x) >= Math.abs(t.y - s.y)}
            />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LinkEdgeView = memo(LinkEdgeViewBase);

/** The symbol of a changed edge, on the line (its accessible name says it in words). */
export function EdgeChangeMark({ change }: { change: NonNullable<LinkEdge['data']>['change'] & string }) {
  const style = CHANGE_STYLE[change];
  return (
    <span
      aria-hidden="true"
      title={style.word}
      className={`flex h-[18px] min-w-[18px] items-center justify-center rounded-full border-2 border-white px-1 text-[11px] font-bold leading-none shadow-sm ${style.badge}`}
    >
      {style.symbol}
    </span>
  );
}
