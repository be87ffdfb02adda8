/**
 * Share-link benchmark: for every example plan in public/examples and for
 * generated organizations of about 100, 300 and 1,000 nodes, prints the plan
 * file size, the compact form, the compressed payload, the whole URL with a
 * typical origin, the ratio of file to URL, what lz-string would give for the
 * same compact form, and the median time to encode and to decode. Then marks
 * the two budgets of the share-link issue as met or not (exit status 1 when
 * one is not): the combined example's URL at most 2,000 characters, a
 * generated 300-node plan's at most 5,000.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import LZString from 'lz-string';
import { compactPlan } from '../src/io/compactPlan';
import { decodeShareFragment, encodeShareFragment, shareUrl } from '../src/io/shareLink';
import { loadPlan } from '../src/model/load';
import { serializePlan } from '../src/model/serialize';
import { PLAN_FORMAT, type Plan } from '../src/model/types';
import { generatePlan } from '../src/test/generatePlan';

const ORIGIN = 'https://planner.example.org/';
const RUNS = 15;
const BUDGETS = [
  { label: 'combined example', row: 'combined.json', limit: 2000 },
  { label: 'generated 300-node plan', row: 'generated 300', limit: 5000 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timed(action: () => void): number {
  action();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  return median(times);
}

const examplesDir = new URL('../public/examples/', import.meta.url);
const plans: [string, Plan][] = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file): [string, Plan][] => {
    const text = readFileSync(new URL(file, examplesDir), 'utf8');
    // The folder also holds its index; only plan documents are measured.
    if ((JSON.parse(text) as { format?: unknown }).format !== PLAN_FORMAT) return [];
    const result = loadPlan(text);
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    return [[file, result.plan]];
  });
for (const nodes of [100, 300, 1000]) plans.push([`generated ${nodes}`, generatePlan({ nodes, seed: 1 })]);

const header = [
  'plan',
  'nodes',
  'file bytes',
  'compact chars',
  'payload chars',
  'URL chars',
  'file/URL',
  'lz-string URL',
  'encode ms',
  'decode ms',
];
const rows: string[][] = [];
const urlLengths = new Map<string, number>();
let roundTripsFailed = 0;

for (const [name, plan] of plans) {
  const file = serializePlan(plan);
  const compact = JSON.stringify(compactPlan(plan));
  const fragment = encodeShareFragment(plan);
  const url = shareUrl(plan, ORIGIN);
  const payload = fragment.slice(fragment.indexOf('.') + 1);
  const lzUrl = `${ORIGIN}#plan=1.${LZString.compressToEncodedURIComponent(compact)}`;
  const decoded = decodeShareFragment(fragment);
  if (!decoded.ok || !isDeepStrictEqual(decoded.plan, plan)) {
    roundTripsFailed++;
    console.error(`${name}: the link does not give back the plan`);
  }
  urlLengths.set(name, url.length);
  rows.push([
    name,
    String(plan.nodes.length),
    String(new TextEncoder().encode(file).length),
    String(compact.length),
    String(payload.length),
    String(url.length),
    (file.length / url.length).toFixed(1),
    String(lzUrl.length),
    timed(() => encodeShareFragment(plan)).toFixed(2),
    timed(() => decodeShareFragment(fragment)).toFixed(2),
  ]);
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
console.log(`Share links with the origin ${ORIGIN}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log('');

let missed = roundTripsFailed;
for (const { label, row, limit } of BUDGETS) {
  const length = urlLengths.get(row);
  const met = length !== undefined && length <= limit;
  if (!met) missed++;
  console.log(
    `${met ? 'MET    ' : 'NOT MET'}  ${label}: URL ${length ?? 'missing'} characters, budget ${limit.toLocaleString('en')}`,
  );
}
if (missed > 0) process.exitCode = 1;
