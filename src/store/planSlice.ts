import type { StateCreator } from 'zustand';
import type { PlanView } from '../io/planLibrary';
import { createEmptyPlan } from '../model/defaults';
import type { ConnectorType, NodeType, Plan, PlanNode, Position, Site, Size } from '../model/types';
import { addNote, type NotePatch, type TakeOverResult, takeOverNotes, updateNote } from './noteEdits';
import {
  addConnector,
  addLink,
  addNode,
  addSite,
  addSiteConnectorBetween,
  type ConnectorPatch,
  deleteElements,
  type EditResult,
  type LinkPatch,
  moveNodes,
  type NodeMove,
  updateConnector,
  updateLink,
  updateNode,
  updateSite,
} from './planEdits';
import type { PlannerState } from './store';
import { describeEdit, undoGrouping } from './undoGroups';

/** How an opened plan is first shown: at its saved viewport, or fitted into view. */
export type OpeningView = PlanView | 'fit';

export interface PlanSlice {
  plan: Plan;
  /**
   * How the plan last opened (from the plan list, a share link, the first
   * visit) should be shown, with the plan it was meant for, until the canvas
   * takes it.
   */
  openedView: { plan: Plan; view: OpeningView } | null;
  /** Replaces the whole plan (import, template); one undo step. */
  setPlan: (plan: Plan) => void;
  /** Replaces the whole plan with an opened one, to be shown at `view`. */
  openPlan: (plan: Plan, view: OpeningView) => void;
  /**
   * The view `plan` was opened with, if it was and the canvas has not taken
   * it yet. Taking it clears it: a stored plan comes back at its saved view
   * once, and an Undo back to that plan later keeps the view the person has.
   */
  takeOpenedView: (plan: Plan) => OpeningView | undefined;
  renamePlan: (name: string) => void;
  addNode: (type: NodeType, position: Position) => EditResult;
  addSite: (position: Position, size?: Size) => EditResult;
  addLink: (a: string, b: string) => EditResult;
  /** A connector drawn between two servers of different sites (a Site Connector joins their sites). */
  addConnector: (type: ConnectorType, a: string, b: string) => EditResult;
  /** A Site Connector between two sites, both halves at Exchange's defaults. */
  addSiteConnector: (a: string, b: string) => EditResult;
  updateNode: (id: string, patch: Partial<PlanNode>) => void;
  updateSite: (id: string, patch: Partial<Site>) => void;
  updateLink: (id: string, patch: LinkPatch) => void;
  updateConnector: (id: string, patch: ConnectorPatch) => void;
  /** Moves nodes and sites; one drag is one call, so one undo step. */
  moveNodes: (moves: readonly NodeMove[]) => void;
  /** Deletes by id (and what depends on it); clears the selection of what is gone. */
  deleteElements: (ids: readonly string[]) => void;
  /** A review note about an object (or, with `about` null, the plan); refused with a reason for bad text. */
  addNote: (about: string | null, text: string) => EditResult;
  /** Rewrites, resolves or reopens a note; one undo step each. */
  updateNote: (id: string, patch: NotePatch) => void;
  /** Takes over another version's notes (a reviewer's copy) in one undo step; says what it took. */
  takeOverNotes: (from: Plan) => TakeOverResult;
}

export const createPlanSlice: StateCreator<PlannerState, [], [], PlanSlice> = (set, get) => {
  /** Runs an edit that may be refused; a refusal changes nothing. */
  const attempt = (result: EditResult): EditResult => {
    if (result.ok) set({ plan: result.plan });
    return result;
  };
  /**
   * Runs a field edit of `current` (known to undo as `scope`); an edit that
   * changes nothing is dropped, typing in one field is one undo step.
   */
  const edit = (scope: string, current: object | undefined, patch: object, apply: (plan: Plan) => Plan) => {
    const kind = describeEdit(scope, current, patch);
    if (!kind.changed) return;
    undoGrouping.edit(kind.group, () => set((s) => ({ plan: apply(s.plan) })));
  };
  const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((o) => o.id === id);
  return {
    plan: createEmptyPlan(),
    openedView: null,
    setPlan: (plan) => set({ plan, openedView: null, selection: [], highlight: null }),
    openPlan: (plan, view) => set({ plan, openedView: { plan, view }, selection: [], highlight: null }),
    takeOpenedView: (plan) => {
      const opened = get().openedView;
      // Keyed by the plan object: an opened copy of the previous plan still takes its own view.
      if (opened?.plan !== plan) return undefined;
      set({ openedView: null });
      return opened.view;
    },
    renamePlan: (name) => edit('plan', get().plan, { name }, (plan) => ({ ...plan, name })),
    addNode: (type, position) => attempt(addNode(get().plan, type, position)),
    addSite: (position, size) => attempt(addSite(get().plan, position, size)),
    addLink: (a, b) => attempt(addLink(get().plan, a, b)),
    addConnector: (type, a, b) => attempt(addConnector(get().plan, type, a, b)),
    addSiteConnector: (a, b) => attempt(addSiteConnectorBetween(get().plan, a, b)),
    updateNode: (id, patch) =>
      edit(`node:${id}`, find(get().plan.nodes, id), patch, (plan) => updateNode(plan, id, patch)),
    updateSite: (id, patch) =>
      edit(`site:${id}`, find(get().plan.sites, id), patch, (plan) => updateSite(plan, id, patch)),
    updateLink: (id, patch) =>
      edit(`link:${id}`, find(get().plan.links, id), patch, (plan) => updateLink(plan, id, patch)),
    updateConnector: (id, patch) =>
      edit(`connector:${id}`, find(get().plan.connectors, id), patch, (plan) =>
        updateConnector(plan, id, patch),
      ),
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
    addNote: (about, text) => attempt(addNote(get().plan, about, text)),
    updateNote: (id, patch) =>
      set((s) => {
        const plan = updateNote(s.plan, id, patch);
        return plan === s.plan ? s : { plan };
      }),
    takeOverNotes: (from) => {
      const result = takeOverNotes(get().plan, from);
      if (result.plan !== get().plan) set({ plan: result.plan });
      return result;
    },
  };
};
