import { useMemo } from 'react';
import { analyzePlan } from '../engine/analyze';
import type { Analysis } from '../engine/types';
import type { Plan } from '../model/types';
import { usePlanner } from './store';

let lastPlan: Plan | null = null;
let lastAnalysis: Analysis | null = null;

/**
 * The engine's answer for a plan, computed once per plan change however many
 * components ask (the plan is immutable, so its identity is the cache key).
 */
export function analysisOf(plan: Plan): Analysis {
  if (plan === lastPlan && lastAnalysis) return lastAnalysis;
  const analysis = analyzePlan(plan);
  lastPlan = plan;
  lastAnalysis = analysis;
  return analysis;
}

/** The current plan's analysis, re-run only when the plan changes. */
export function useAnalysis(): Analysis {
  const plan = usePlanner((s) => s.plan);
  return useMemo(() => analysisOf(plan), [plan]);
}
