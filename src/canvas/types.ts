import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { ConnectorEdgeView } from './edges/ConnectorEdgeView';
import { LinkEdgeView } from './edges/LinkEdgeView';
import { PlanNodeView } from './nodes/PlanNodeView';
import { SiteNode } from './nodes/SiteNode';

/** Module constants, so React Flow never sees new node or edge types (its performance guide). */
export const NODE_TYPES: NodeTypes = {
  site: SiteNode,
  server: PlanNodeView,
  client: PlanNodeView,
  firewall: PlanNodeView,
  network: PlanNodeView,
  smtpHost: PlanNodeView,
};

export const EDGE_TYPES: EdgeTypes = {
  link: LinkEdgeView,
  connector: ConnectorEdgeView,
};
