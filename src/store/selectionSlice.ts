import type { StateCreator } from 'zustand';
import type { PlannerState } from './store';

/**
 * What the canvas should emphasise besides the selection: a flow's path (a
 * matrix row), the paths of the flows one firewall rule permits, a finding's
 * subjects, or a change of compare mode.
 */
export type Highlight =
  | { kind: 'flow'; flowId: string; firewallId: string | null }
  | { kind: 'rule'; flowIds: readonly string[]; firewallId: string }
  | { kind: 'finding'; index: number }
  /** A change of compare mode: the ids it touches (ghost ids for what only the compared plan has). */
  | { kind: 'change'; ids: string[] }
  | null;

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface SelectionSlice {
  /** Ids of the selected sites, nodes, links and connectors. */
  selection: string[];
  highlight: Highlight;
  /** Ids the canvas should bring into view (set by the findings and matrix panels), with a counter so the same request can repeat. */
  focusRequest: { ids: string[]; seq: number } | null;
  /** A message for the person, shown in an alert (errors) or a status line (info) until dismissed or replaced. */
  notice: Notice | null;
  notify: (notice: Notice | null) => void;
  select: (ids: string[]) => void;
  setHighlight: (highlight: Highlight) => void;
  focus: (ids: string[]) => void;
}

export const createSelectionSlice: StateCreator<PlannerState, [], [], SelectionSlice> = (set) => ({
  selection: [],
  highlight: null,
  focusRequest: null,
  notice: null,
  notify: (notice) => set({ notice }),
  select: (ids) =>
    set((state) =>
      state.selection.length === ids.length && state.selection.every((id, i) => id === ids[i])
        ? state
        : { selection: ids },
    ),
  setHighlight: (highlight) => set({ highlight }),
  focus: (ids) => set((state) => ({ focusRequest: { ids, seq: (state.focusRequest?.seq ?? 0) + 1 } })),
});
