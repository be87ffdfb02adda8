import type { StateCreator } from 'zustand';
import type { ConnectorType, NodeType, Plan, PlanNode, Position, Site, Size } from '../model/types';
import {
  addConnector,
  addLink,
  addNode,
  addSite,
  deleteElements,
  type EditResult,
  moveNodes,
  type NodeMove,
  updateConnector,
  updateLink,
  updateNode,
  updateSite,
} from './planEdits';
import type { PlannerState } from './store';

export const EMPTY_PLAN: Plan = {
  format: 'exchange-port-plan',
  version: 1,
  name: '',
  sites: [],
  nodes: [],
  links: [],
  connectors: [],
};

export interface PlanSlice {
  plan: Plan;
  /** Replaces the whole plan (import, template, share link, plan list); one undo step. */
  setPlan: (plan: Plan) => void;
  renamePlan: (name: string) => void;
  addNode: (type: NodeType, position: Position) => EditResult;
  addSite: (position: Position, size?: Size) => EditResult;
  addLink: (a: string, b: string) => EditResult;
  addConnector: (type: ConnectorType, a: string, b: string) => EditResult;
  updateNode: (id: string, patch: Partial<PlanNode>) => void;
  updateSite: (id: string, patch: Partial<Site>) => void;
  updateLink: (id: string, patch: { name?: string }) => void;
  updateConnector: (id: string, patch: { type?: ConnectorType; name?: string }) => void;
  /** Moves nodes and sites; one drag is one call, so one undo step. */
  moveNodes: (moves: readonly NodeMove[]) => void;
  /** Deletes by id (and what depends on it); clears the selection of what is gone. */
  deleteElements: (ids: readonly string[]) => void;
}

export const createPlanSlice: StateCreator<PlannerState, [], [], PlanSlice> = (set, get) => {
  /** Runs an edit that may be refused; a refusal changes nothing. */
  const attempt = (result: EditResult): EditResult => {
    if (result.ok) set({ plan: result.plan });
    return result;
  };
  return {
    plan: EMPTY_PLAN,
    setPlan: (plan) => set({ plan, selection: [], highlight: null }),
    renamePlan: (name) => set((s) => ({ plan: { ...s.plan, name } })),
    addNode: (type, position) => attempt(addNode(get().plan, type, position)),
    addSite: (position, size) => attempt(addSite(get().plan, position, size)),
    addLink: (a, b) => attempt(addLink(get().plan, a, b)),
    addConnector: (type, a, b) => attempt(addConnector(get().plan, type, a, b)),
    updateNode: (id, patch) => set((s) => ({ plan: updateNode(s.plan, id, patch) })),
    updateSite: (id, patch) => set((s) => ({ plan: updateSite(s.plan, id, patch) })),
    updateLink: (id, patch) => set((s) => ({ plan: updateLink(s.plan, id, patch) })),
    updateConnector: (id, patch) => set((s) => ({ plan: updateConnector(s.plan, id, patch) })),
    moveNodes: (moves) => set((s) => ({ plan: moveNodes(s.plan, moves) })),
    deleteElements: (ids) =>
      set((s) => {
        const plan = deleteElements(s.plan, ids);
        if (plan === s.plan) return s;
        const alive = new Set(
          [...plan.sites, ...plan.nodes, ...plan.links, ...plan.connectors].map((o) => o.id),
        );
        return { plan, selection: s.selection.filter((id) => alive.has(id)), highlight: null };
      }),
  };
};
