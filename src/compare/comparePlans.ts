/**
 * Compares two versions of a plan (SPEC §10). Pure: plans and analyses in, a
 * comparison out; no DOM, store or file.
 */
import { compareFindings } from './findings';
import { compareObjects } from './objects';
import { compareRows } from './rows';
import type { AnalysedPlan, PlanComparison } from './types';

/**
 * What changed from `before` to `after`: the port matrix rows removed and
 * added (identity: firewall, source and destination ids, protocol, port,
 * service and both addresses), the findings that went away and appeared
 * (identity: code and sorted subject ids, plus the RPC service of
 * DYNAMIC_RPC_PORTS), and the objects removed, added or changed by id with the
 * rows each took part in. Each analysis must be of its own plan.
 */
export function comparePlans(before: AnalysedPlan, after: AnalysedPlan): PlanComparison {
  const rows = compareRows(before, after);
  return {
    rows,
    findings: compareFindings(before, after),
    objects: compareObjects(before, after, rows),
  };
}

/** True when both plans ask the firewalls for exactly the same rules. */
export function matricesEqual(comparison: PlanComparison): boolean {
  return comparison.rows.removed.length === 0 && comparison.rows.added.length === 0;
}
