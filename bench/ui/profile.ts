import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Functions of the planner and of React Flow worth timing whole (with what they call), by name. */
const NAMED = [
  'readPlanFile',
  'loadPlan',
  'analyzePlan',
  'withLayout',
  'canvasFacts',
  'emphasisOf',
  'useCanvasView',
  'PlanCanvas',
  'PlanNodeView',
  'SiteNode',
  'LinkEdgeView',
  'ConnectorEdgeView',
  'FindingsList',
  'PortMatrixTable',
  'Inspector',
  'ResultsPanel',
  'Toolbar',
  'adoptUserNodes',
  'updateNodeInternals',
  'getHandleBounds',
  'NodeWrapper',
  'EdgeWrapper',
  'HandleComponent',
  'fitViewport',
  'getBoundingClientRect',
  'save',
  'setItem',
  'serializePlan',
  'RulesView',
  'RulesText',
  'RuleList',
  'ruleSetOf',
  'firewallRules',
  'platformNames',
  'nftablesFiles',
];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Top-level renderer tasks worth naming: script, style, layout, paint, garbage collection. */
const TASKS = new Set([
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'MajorGC',
  'MinorGC',
]);

function top(entries: Map<string, number>, total: number, count: number): string[] {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, ms]) =>
        `    ${ms.toFixed(1).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
}

/**
 * Runs `action` under a Chrome trace and sums the renderer main thread's
 * tasks by name (events may nest: a FunctionCall holds the GC inside it).
 */
export async function traceTasks(page: Page, title: string, action: () => Promise<void>): Promise<string[]> {
  const browser = page.context().browser();
  if (!browser) return [];
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  const started = Date.now();
  await action();
  const wall = Date.now() - started;
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  // The page's renderer main thread: of the threads named so, the one that did the most.
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, Map<string, number>>();
  for (const e of trace.traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (!mains.has(thread) || e.ph !== 'X' || !e.dur || !TASKS.has(e.name)) continue;
    const byName = byThread.get(thread) ?? new Map<string, number>();
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    byThread.set(thread, byName);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const byName = [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? new Map<string, number>();
  return [`  ${title}: renderer main thread by task, over ${wall} ms:`, ...top(byName, wall, 12)];
}

/**
 * Starts the V8 sampling profiler; the function it returns stops it and
 * gives the JavaScript self time by function (names need an unminified build).
 */
export async function startCpuProfile(page: Page, title: string): Promise<() => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    await cdp.detach();
    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame] as const));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const frame = frames.get(id);
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      total += ms;
      if (!frame) return;
      const file = frame.url.split('/').pop() ?? '';
      const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`;
      self.set(name.trim(), (self.get(name.trim()) ?? 0) + ms);
    });
    // Inclusive time of the named functions: a sample counts once for each named function on its stack.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const names = new Set(NAMED);
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const fn = frames.get(at)?.functionName ?? '';
        if (names.has(fn) && !seen.has(fn)) {
          seen.add(fn);
          inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
        }
      }
    });
    return [
      `  ${title}: JavaScript self time by function, ${total.toFixed(0)} ms sampled:`,
      ...top(self, total, 12),
      `  ${title}: time inside named functions (with all they call):`,
      ...top(inclusive, total, 16),
    ];
  };
}
