/**
 * Engine benchmark: analyses generated organizations of about 100, 1,000 and
 * 5,000 nodes and prints, for each, the plan's size, the number of flows and
 * findings, the median analysis time (wall clock and CPU) and the fastest run
 * over several runs after a warm-up, and flows per millisecond (by the
 * median). On a busy machine the fastest run shows the engine's own cost
 * best. Figures only, no verdict: the target is under 200 ms for 5,000
 * nodes, growing about linearly with flows.
 */
import { analyzePlan } from '../src/engine/analyze';
import { RULE_FORMATS, ruleSetOf } from '../src/rules/formats';
import { generatePlan } from '../src/test/generatePlan';

const SIZES: [nodes: number, runs: number][] = [
  [100, 60],
  [1000, 25],
  [5000, 11],
];
const WARM_UP_RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const header = [
  'nodes',
  'links',
  'connectors',
  'flows',
  'findings',
  'median ms',
  'min ms',
  'median cpu ms',
  'flows/ms',
];
const rows: string[][] = [];
for (const [size, runs] of SIZES) {
  const plan = generatePlan({ nodes: size, seed: 1 });
  let analysis = analyzePlan(plan);
  for (let i = 1; i < WARM_UP_RUNS; i++) analysis = analyzePlan(plan);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    analysis = analyzePlan(plan);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(wall);
  rows.push([
    String(plan.nodes.length),
    String(plan.links.length),
    String(plan.connectors.length),
    String(analysis.flows.length),
    String(analysis.findings.length),
    ms.toFixed(1),
    Math.min(...wall).toFixed(1),
    median(cpu).toFixed(1),
    (analysis.flows.length / ms).toFixed(0),
  ]);
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

// Firewall rules (SPEC §9): the rules model and every format for every firewall of the largest plan.
// Target: under 500 ms median.
{
  const plan = generatePlan({ nodes: 5000, seed: 1 });
  const analysis = analyzePlan(plan);
  const generateAll = () => {
    const set = ruleSetOf(plan, analysis);
    let files = 0;
    let bytes = 0;
    for (const format of RULE_FORMATS) {
      for (const f of format.files(set)) {
        files++;
        bytes += f.content.length;
      }
    }
    return { set, files, bytes };
  };
  let result = generateAll();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    result = generateAll();
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const rows = result.set.firewalls.reduce((n, f) => n + f.matrixRows, 0);
  const rules = result.set.firewalls.reduce((n, f) => n + f.rules.length, 0);
  console.log('');
  console.log(
    `firewall rules, ${plan.nodes.length} nodes: ${result.set.firewalls.length} firewalls, ${rows} matrix rows -> ${rules} rules; ` +
      `${RULE_FORMATS.length} formats, ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB; ` +
      `median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, median cpu ${median(cpuTimes).toFixed(1)} ms (target under 500 ms)`,
  );
}
