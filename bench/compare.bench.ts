/**
 * Plan comparison benchmark (SPEC §10): compares a generated organization of
 * about 5,000 nodes with a variation of it (some addresses changed, a few
 * clients removed, a few added) and prints the median time of the comparison
 * alone, and of the comparison with both analyses, over several runs after a
 * warm-up, with the fastest run beside each (and the CPU time of the
 * comparison, which a busy machine inflates less). Figures only, no verdict: the
 * target is under 300 ms for the comparison alone.
 */
import { comparePlans } from '../src/compare/comparePlans';
import { analyzePlan } from '../src/engine/analyze';
import { loadPlan } from '../src/model/load';
import { serializePlan } from '../src/model/serialize';
import type { Plan, PlanNode } from '../src/model/types';
import { generatePlan } from '../src/test/generatePlan';

const NODES = 5000;
const RUNS = 11;
const WARM_UP_RUNS = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The same organization after a round of changes: every 40th endpoint gets
 * another address, every 300th client leaves (with its links), and ten new
 * clients join beside existing ones.
 */
function variation(plan: Plan): Plan {
  const clients = plan.nodes.filter((n) => n.type === 'client');
  const leaving = new Set(clients.filter((_, i) => i % 300 === 7).map((c) => c.id));
  const nodes: PlanNode[] = [];
  plan.nodes.forEach((n, i) => {
    if (leaving.has(n.id)) return;
    if (i % 40 === 3 && 'address' in n && n.type !== 'network')
      nodes.push({ ...n, address: `172.16.${i >> 8}.${i & 255}` });
    else nodes.push(n);
  });
  const links = plan.links.filter((l) => !leaving.has(l.a) && !leaving.has(l.b));
  for (let k = 0; k < 10; k++) {
    const model = clients[(k * 97 + 11) % clients.length] as PlanNode;
    const neighbour = plan.links.find((l) => l.a === model.id || l.b === model.id);
    if (!neighbour || leaving.has(model.id)) continue;
    const id = `new-client-${k}`;
    nodes.push({ ...model, id, name: `New ${model.name}` });
    links.push({
      id: `new-link-${k}`,
      a: id,
      b: neighbour.a === model.id ? neighbour.b : neighbour.a,
      aInterface: null,
      bInterface: null,
    });
  }
  return { ...plan, nodes, links };
}

const before = generatePlan({ nodes: NODES, seed: 1 });
const after = variation(before);
// The variation must be a valid plan, as the command line would read it.
const checked = loadPlan(serializePlan(after));
if (!checked.ok) throw new Error(`the variation is not a valid plan: ${checked.error}`);

const oldAnalysis = analyzePlan(before);
const newAnalysis = analyzePlan(after);
let comparison = comparePlans(
  { plan: before, analysis: oldAnalysis },
  { plan: after, analysis: newAnalysis },
);
for (let i = 1; i < WARM_UP_RUNS; i++)
  comparison = comparePlans({ plan: before, analysis: oldAnalysis }, { plan: after, analysis: newAnalysis });

const alone: number[] = [];
const aloneCpu: number[] = [];
const withAnalyses: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const startCpu = process.cpuUsage();
  let start = performance.now();
  comparison = comparePlans({ plan: before, analysis: oldAnalysis }, { plan: after, analysis: newAnalysis });
  alone.push(performance.now() - start);
  const used = process.cpuUsage(startCpu);
  aloneCpu.push((used.user + used.system) / 1000);
  start = performance.now();
  const a = analyzePlan(before);
  const b = analyzePlan(after);
  comparePlans({ plan: before, analysis: a }, { plan: after, analysis: b });
  withAnalyses.push(performance.now() - start);
}

const changed: Record<string, number> = {};
for (const o of comparison.objects) changed[o.change] = (changed[o.change] ?? 0) + 1;
console.log(
  `compare: ${before.nodes.length} → ${after.nodes.length} nodes; ` +
    `rows removed ${comparison.rows.removed.length}, added ${comparison.rows.added.length}; ` +
    `findings went away ${comparison.findings.wentAway.length}, appeared ${comparison.findings.appeared.length}; ` +
    `objects ${Object.entries(changed)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
);
console.log(
  `comparison alone:           median ${median(alone).toFixed(1)} ms, min ${Math.min(...alone).toFixed(1)} ms, median cpu ${median(aloneCpu).toFixed(1)} ms`,
);
console.log(
  `with both analyses:         median ${median(withAnalyses).toFixed(1)} ms, min ${Math.min(...withAnalyses).toFixed(1)} ms`,
);
