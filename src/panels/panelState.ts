import { create } from 'zustand';

export type ResultsTab = 'findings' | 'matrix';

/**
 * View state shared by the panels only (which results tab shows, which
 * firewall the matrix shows). Not part of the plan: never undone, never saved.
 */
export interface PanelState {
  tab: ResultsTab;
  /** The firewall the port matrix is filtered to; null for all firewalls. */
  matrixFirewall: string | null;
  setTab: (tab: ResultsTab) => void;
  setMatrixFirewall: (id: string | null) => void;
  /** Opens the port matrix filtered to one firewall. */
  showFirewallInMatrix: (id: string) => void;
}

export const usePanelState = create<PanelState>()((set) => ({
  tab: 'findings',
  matrixFirewall: null,
  setTab: (tab) => set({ tab }),
  setMatrixFirewall: (matrixFirewall) => set({ matrixFirewall }),
  showFirewallInMatrix: (id) => set({ tab: 'matrix', matrixFirewall: id }),
}));
