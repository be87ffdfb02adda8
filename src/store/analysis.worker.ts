/**
 * Analyses plans off the page's thread: a large plan takes the engine
 * hundreds of milliseconds, and the page must stay responsive meanwhile
 * (SPEC §4). One message in (a job number and a plan), one out (the number
 * and the analysis, Maps and all, by structured clone).
 */
import { analyzePlan } from '../engine/analyze';
import type { Analysis } from '../engine/types';
import type { Plan } from '../model/types';

export interface AnalysisJob {
  job: number;
  plan: Plan;
}

export interface AnalysisDone {
  job: number;
  analysis: Analysis;
}

self.onmessage = (event: MessageEvent<AnalysisJob>) => {
  const { job, plan } = event.data;
  const done: AnalysisDone = { job, analysis: analyzePlan(plan) };
  self.postMessage(done);
};
