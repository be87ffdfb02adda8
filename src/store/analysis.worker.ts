/**
 * Analyses plans off the page's thread: a large plan takes the engine
 * hundreds of milliseconds, and the page must stay responsive meanwhile
 * (SPEC §4). One message in (a job number and a plan), one out (the number
 * and the analysis, packed so that it reaches the page quickly).
 */
import { analyzePlan } from '../engine/analyze';
import type { Plan } from '../model/types';
import { type PackedAnalysis, packAnalysis } from './analysisTransfer';

export interface AnalysisJob {
  job: number;
  plan: Plan;
}

export interface AnalysisDone {
  job: number;
  analysis: PackedAnalysis;
}

self.onmessage = (event: MessageEvent<AnalysisJob>) => {
  const { job, plan } = event.data;
  const [analysis, buffers] = packAnalysis(analyzePlan(plan));
  const done: AnalysisDone = { job, analysis };
  self.postMessage(done, { transfer: buffers });
};
