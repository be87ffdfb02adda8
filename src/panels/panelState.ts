import { create } from 'zustand';

export type ResultsTab = 'findings' | 'matrix' | 'rules';

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
}));
