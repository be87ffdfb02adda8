import { useMemo } from 'react';
import { comparePlans } from '../compare/comparePlans';
import type { AnalysedPlan, PlanComparison } from '../compare/types';
import { analyzePlan } from '../engine/analyze';
import type { Analysis } from '../engine/types';
import type { Plan } from '../model/types';
import { analysisOf } from './analysis';
import { usePlanner } from './store';

const comparedAnalyses = new WeakMap<Plan, Analysis>();

/** The analysis of a compared plan, computed once however often the open plan changes. */
export function comparedAnalysisOf(plan: Plan): Analysis {
  let analysis = comparedAnalyses.get(plan);
  if (!analysis) {
    analysis = analyzePlan(plan);
    comparedAnalyses.set(plan, analysis);
  }
  return analysis;
}

export interface ReviewComparison {
  before: AnalysedPlan;
  after: AnalysedPlan;
  comparison: PlanComparison;
}

let last: { before: Plan; after: Plan; result: ReviewComparison } | null = null;

/** The comparison of the compared plan (older) with the open plan (newer), computed once per pair. */
export function reviewComparisonOf(beforePlan: Plan, afterPlan: Plan): ReviewComparison {
  if (last && last.before === beforePlan && last.after === afterPlan) return last.result;
  const before = { plan: beforePlan, analysis: comparedAnalysisOf(beforePlan) };
  const after = { plan: afterPlan, analysis: analysisOf(afterPlan) };
  const result = { before, after, comparison: comparePlans(before, after) };
  last = { before: beforePlan, after: afterPlan, result };
  return result;
}

/** The comparison compare mode shows, or null outside compare mode. */
export function useReviewComparison(): ReviewComparison | null {
  const compared = usePlanner((s) => s.compared?.plan ?? null);
  const plan = usePlanner((s) => s.plan);
  return useMemo(() => (compared ? reviewComparisonOf(compared, plan) : null), [compared, plan]);
}
