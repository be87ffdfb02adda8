import type { InternalNode } from '@xyflow/react';
import { NODE_BOX } from '../../store/layout';
import type { Rect } from './geometry';

/** A node's drawn rectangle in flow coordinates (its measured size once known). */
export function internalRect(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return {
    x,
    y,
    width: node.measured.width ?? node.width ?? NODE_BOX.width,
    height: node.measured.height ?? node.height ?? NODE_BOX.height,
  };
}
