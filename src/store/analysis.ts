/**
 * The engine's answer for the current plan. A small plan is analysed at once,
 * on the page's thread, so an edit's findings and matrix show in the same
 * render (undo, highlight and the tests rely on it). A large plan is analysed
 * in a Web Worker: the page stays responsive and says "Analysing…" until the
 * answer comes, meanwhile showing the last answer if the edit kept every
 * object (so nothing it names is gone), else no flow and no finding. The
 * engine is bounded (SPEC §4), so a worker's job always ends.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { analyzePlan } from '../engine/analyze';
import { compareStrings } from '../engine/compare';
import type { Analysis } from '../engine/types';
import type { Plan } from '../model/types';
import type { AnalysisDone, AnalysisJob } from './analysis.worker';
import { unpackAnalysis } from './analysisTransfer';
import { usePlanner } from './store';

/**
 * Above this many nodes and links a plan is analysed in the worker. The
 * engine takes some 20 ms for a plan of this size; every example and the
 * plans people draw by hand are well below it.
 */
export const WORKER_PLAN_SIZE = 1500;

/** True when the plan is analysed off the page's thread (see WORKER_PLAN_SIZE). */
export function analysedInWorker(plan: Plan): boolean {
  return plan.nodes.length + plan.links.length > WORKER_PLAN_SIZE && typeof Worker !== 'undefined';
}

let lastPlan: Plan | null = null;
let lastAnalysis: Analysis | null = null;

function remember(plan: Plan, analysis: Analysis): Analysis {
  lastPlan = plan;
  lastAnalysis = analysis;
  return analysis;
}

// --- The worker: one job at a time; of the plans that wait for it only the newest is sent. ---

let worker: Worker | null = null;
let running: { job: number; plan: Plan } | null = null;
let waiting: Plan | null = null;
let jobs = 0;
const listeners = new Set<() => void>();
/** Changes whenever an answer arrives, so that React asks again. */
let answers = 0;

function announce(): void {
  answers++;
  for (const listener of listeners) listener();
}

function startWorker(): Worker {
  const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<AnalysisDone>) => {
    const done = running;
    running = null;
    if (done && done.job === event.data.job) remember(done.plan, unpackAnalysis(event.data.analysis));
    sendNext();
    // The page draws the answer in a task of its own: unpacking a large answer and drawing it in one
    // task would hold the page for both.
    setTimeout(announce, 0);
  };
  w.onerror = (event) => {
    // A worker that cannot run (blocked by policy, failed to load) must not leave the plan unanalysed.
    event.preventDefault();
    const failed = running;
    running = null;
    worker?.terminate();
    worker = null;
    workerBroken = true;
    if (failed) remember(failed.plan, analyzePlan(failed.plan));
    waiting = null;
    announce();
  };
  return w;
}

let workerBroken = false;

function sendNext(): void {
  if (running || !waiting) return;
  const plan = waiting;
  waiting = null;
  if (plan === lastPlan) return;
  worker ??= startWorker();
  running = { job: ++jobs, plan };
  const job: AnalysisJob = { job: running.job, plan };
  worker.postMessage(job);
}

/** Asks the worker for `plan`'s analysis unless it is known, running or already asked for. */
function request(plan: Plan): void {
  if (plan === lastPlan || running?.plan === plan) return;
  if (workerBroken) {
    remember(plan, analyzePlan(plan));
    announce();
    return;
  }
  waiting = plan;
  sendNext();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const answerCount = () => answers;

/** What is shown while a large plan is analysed: no flows and no findings, every firewall and link with none. */
function pendingAnalysis(plan: Plan): Analysis {
  const firewalls = plan.nodes.filter((n) => n.type === 'firewall').map((n) => n.id);
  return {
    flows: [],
    findings: [],
    flowsByFirewall: new Map(firewalls.sort(compareStrings).map((id) => [id, []])),
    flowsByLink: new Map(
      plan.links
        .map((l) => l.id)
        .sort(compareStrings)
        .map((id) => [id, []]),
    ),
  };
}

/** True when two plans hold the same nodes, links and connectors by id, in the same order. */
function sameObjects(a: Plan, b: Plan): boolean {
  const same = <T extends { id: string }>(x: readonly T[], y: readonly T[]) =>
    x === y || (x.length === y.length && x.every((item, i) => item.id === y[i]?.id));
  return (
    same(a.nodes, b.nodes) &&
    same(a.links, b.links) &&
    same(a.connectors, b.connectors) &&
    same(a.sites, b.sites)
  );
}

/**
 * The engine's answer for a plan, computed once per plan change however many
 * components ask (the plan is immutable, so its identity is the cache key).
 * Synchronous: a large plan the worker has not answered yet is analysed here.
 */
export function analysisOf(plan: Plan): Analysis {
  if (plan === lastPlan && lastAnalysis) return lastAnalysis;
  return remember(plan, analyzePlan(plan));
}

/** The current plan's analysis and whether it is still being computed (a large plan, in the worker). */
export function useAnalysisState(): { analysis: Analysis; pending: boolean } {
  const plan = usePlanner((s) => s.plan);
  const answered = useSyncExternalStore(subscribe, answerCount);
  const inWorker = analysedInWorker(plan);
  useEffect(() => {
    if (inWorker) request(plan);
  }, [plan, inWorker]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `answered` changes when the worker answers.
  return useMemo(() => {
    if (!inWorker) return { analysis: analysisOf(plan), pending: false };
    if (plan === lastPlan && lastAnalysis) return { analysis: lastAnalysis, pending: false };
    // An edit that keeps every id (a name, a setting) shows the last answer until the new one comes:
    // its flows and findings name only objects that still exist, and the canvas is not redrawn twice.
    if (lastPlan && lastAnalysis && sameObjects(lastPlan, plan))
      return { analysis: lastAnalysis, pending: true };
    return { analysis: pendingAnalysis(plan), pending: true };
  }, [plan, inWorker, answered]);
}

/** The current plan's analysis, re-run only when the plan changes; empty while a large plan is analysed. */
export function useAnalysis(): Analysis {
  return useAnalysisState().analysis;
}

/** True while the current plan's analysis is being computed in the worker. */
export function useAnalysisPending(): boolean {
  return useAnalysisState().pending;
}
