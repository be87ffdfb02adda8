import { create } from 'zustand';

export type ResultsTab = 'findings' | 'matrix' | 'rules' | 'notes' | 'changes';

/**
 * View state shared by the panels only (which results tab shows, which
 * firewall the matrix shows, which firewall and format the rules view shows). Not part of the plan: never undone, never saved.
 */
export interface PanelState {
  tab: ResultsTab;
  /** The firewall the port matrix is filtered to; null for all firewalls. */
  matrixFirewall: string | null;
  /** The firewall the rules view shows; null for the first firewall. */
  rulesFirewall: string | null;
  /** The rule format the rules view shows, and the Export menu's firewall rules entry writes. */
  rulesFormat: string;
  setTab: (tab: ResultsTab) => void;
  setRulesFirewall: (id: string | null) => void;
  setRulesFormat: (id: string) => void;
  setMatrixFirewall: (id: string | null) => void;
  /** Opens the port matrix filtered to one firewall. */
  showFirewallInMatrix: (id: string) => void;
  /** Asks the Notes tab to open its form for a new note (a counter, so the same request can repeat). */
  noteRequest: number;
  /** Opens the Notes tab with the form for a new note about the selection (or the plan) focused. */
  requestNote: () => void;
  /** Whether the "Compare with…" dialog is open. */
  compareDialog: boolean;
  openCompareDialog: () => void;
  closeCompareDialog: () => void;
}

export const usePanelState = create<PanelState>()((set) => ({
  tab: 'findings',
  matrixFirewall: null,
  rulesFirewall: null,
  rulesFormat: 'nftables',
  setTab: (tab) => set({ tab }),
  setRulesFirewall: (rulesFirewall) => set({ rulesFirewall }),
  setRulesFormat: (rulesFormat) => set({ rulesFormat }),
  setMatrixFirewall: (matrixFirewall) => set({ matrixFirewall }),
  showFirewallInMatrix: (id) => set({ tab: 'matrix', matrixFirewall: id }),
  noteRequest: 0,
  requestNote: () => set((s) => ({ tab: 'notes', noteRequest: s.noteRequest + 1 })),
  compareDialog: false,
  openCompareDialog: () => set({ compareDialog: true }),
  closeCompareDialog: () => set({ compareDialog: false }),
}));
