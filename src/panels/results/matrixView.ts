import { compareStrings } from '../../engine/compare';
import type { MatrixRow } from '../../engine/types';
import type { Plan } from '../../model/types';

/** Rows drawn at most: past this the table stays fast and the CSV has them all. */
export const MATRIX_RENDER_LIMIT = 500;

export interface FirewallChoice {
  id: string;
  name: string;
}

/** The plan's firewalls by name (code point order, SPEC §6), for the matrix filter. */
export function firewallChoices(plan: Plan): FirewallChoice[] {
  return plan.nodes
    .filter((n) => n.type === 'firewall')
    .map((n) => ({ id: n.id, name: n.name || n.id }))
    .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
}

/** The rows of one firewall, or all rows when `firewallId` is null. */
export function rowsOfFirewall(rows: readonly MatrixRow[], firewallId: string | null): readonly MatrixRow[] {
  return firewallId === null ? rows : rows.filter((r) => r.firewallId === firewallId);
}

/** A dynamic RPC range rather than one port. */
export function isRange(row: Pick<MatrixRow, 'port'>): boolean {
  return row.port.includes('-');
}
