import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NODE_TYPES as PLAN_NODE_TYPES } from '../model/types';
import { ConnectorEdgeView } from './edges/ConnectorEdgeView';
import { LinkEdgeView } from './edges/LinkEdgeView';
import { PlanNodeView } from './nodes/PlanNodeView';
import { SiteNode } from './nodes/SiteNode';

/**
 * Module constants, so React Flow never sees new node or edge types (its
 * performance guide). Every node type is drawn by PlanNodeView; a site by SiteNode.
 */
export const NODE_TYPES: NodeTypes = {
  site: SiteNode,
  ...Object.fromEntries(PLAN_NODE_TYPES.map((type) => [type, PlanNodeView])),
};

export const EDGE_TYPES: EdgeTypes = {
  link: LinkEdgeView,
  connector: ConnectorEdgeView,
};
