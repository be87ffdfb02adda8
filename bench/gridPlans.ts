/**
 * Writes the two firewall-mesh plans of the analysis-limit figures
 * (src/test/gridPlan.ts) to bench/out/: `grid20.json` (20 × 20 firewalls,
 * 500 MAPI clients, 600,000 crossings, analysed in full) and `grid49.json`
 * (49 × 49, 2,500 clients, 18 million crossings, past the limit), then times
 * each stage of the `matrix` command on them in this process: validating the
 * file, the analysis, and the matrix rows and CSV text, made in pieces as the
 * command writes them (and dropped here). CPU time by `process.cpuUsage`, so
 * figures taken under load stay comparable.
 *
 * `npx tsx bench/gridPlans.ts [--write-only] [--sizes 20,49]`; then
 * `/usr/bin/time -v npm run --silent matrix -- bench/out/grid20.json > /dev/null`
 * for the whole command.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { analysisLimited, analyzePlan } from '../src/engine/analyze';
import { PORT_MATRIX_CSV } from '../src/io/exports';
import { loadPlan } from '../src/model/load';
import { gridPlan } from '../src/test/gridPlan';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const GRIDS: Record<number, number> = { 20: 500, 49: 2500 };
const sizesAt = process.argv.indexOf('--sizes');
const SIZES = (sizesAt >= 0 ? (process.argv[sizesAt + 1] ?? '') : '20,49').split(',').map(Number);
const WRITE_ONLY = process.argv.includes('--write-only');

/** Runs `work`, printing its wall and CPU milliseconds. */
function timed<T>(label: string, work: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  const ms = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `  ${label.padEnd(11)} ${ms(performance.now() - wall).padStart(7)} ms wall ${ms((used.user + used.system) / 1000).padStart(7)} ms CPU`,
  );
  return result;
}

await mkdir(OUT, { recursive: true });
for (const n of SIZES) {
  const file = `${OUT}grid${n}.json`;
  await writeFile(file, JSON.stringify(gridPlan(n, GRIDS[n] ?? n * n)));
  console.log(`grid ${n}×${n}: ${file}`);
  if (WRITE_ONLY) continue;
  const text = await readFile(file, 'utf8');
  const loaded = timed('validate', () => loadPlan(text));
  if (!loaded.ok) throw new Error(loaded.error);
  const plan = loaded.plan;
  const analysis = timed('analysis', () => analyzePlan(plan));
  if (analysisLimited(analysis)) {
    console.log(`  ANALYSIS_LIMIT: ${analysis.findings.length} finding, no matrix`);
    continue;
  }
  let characters = 0;
  let pieces = 0;
  timed('matrix CSV', () => {
    for (const piece of PORT_MATRIX_CSV.chunks?.({ plan, analysis }) ?? []) {
      characters += piece.length;
      pieces++;
    }
  });
  console.log(`  ${characters.toLocaleString('en-US')} characters in ${pieces} pieces`);
}
