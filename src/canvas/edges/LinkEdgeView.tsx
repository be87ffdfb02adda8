import { BaseEdge, EdgeLabelRenderer, type EdgeProps, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge } from '../adapter';
import { straightEnds } from './geometry';
import { internalRect } from './internalRect';
import { PortBadges } from './PortBadges';

function strokeOf(data: LinkEdge['data'], selected: boolean | undefined): React.CSSProperties {
  const error = data?.mark?.severity === 'error';
  const stroke = selected ? '#2563eb' : error ? '#dc2626' : data?.tone === 'emphasis' ? '#3b82f6' : '#94a3b8';
  const width = selected || data?.tone === 'emphasis' ? 2.5 : data?.badges ? 1.75 : 1.5;
  return {
    '--epp-stroke': stroke,
    '--epp-stroke-width': `${width}px`,
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
      {badges && badges.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className={`epp-badges epp-label nodrag nopan ${data?.tone === 'dim' ? 'opacity-25' : ''}`}
            style={{ left: mid.x, top: mid.y }}
          >
            <PortBadges
              badges={badges}
              active={data?.activePort ?? null}
              vertical={Math.abs(t.x - s.x) >= Math.abs(t.y - s.y)}
            />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LinkEdgeView = memo(LinkEdgeViewBase);
