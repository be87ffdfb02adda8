/**
 * Writing a plan file (SPEC §2): the text the app saves, exports and puts in
 * share links, and the command line reads.
 */
import { withDefaults } from './defaults';
import type { Plan } from './types';

/**
 * The plan as pretty JSON (two spaces, a final newline) with a stable key
 * order: format, version, name, sites, nodes, links, connectors, and inside
 * each object the order of SPEC §2, so that saving the same plan twice gives
 * the same bytes and a diff of two saves shows only what changed. Every
 * default is written out. `loadPlan(serializePlan(p))` gives back `p`.
 */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(withDefaults(plan), null, 2)}\n`;
}
