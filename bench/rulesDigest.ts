/**
 * Firewall rules digest: a hash of every file every format writes for the
 * example plans (as shipped, and with IPv4 and with IPv6 addresses), the
 * hostile-name plans, generated plans of 100 to 5,000 nodes, one firewall
 * alone, and change requests between versions. Work on the generators that
 * must not change their output (a speed-up) runs it before and after and
 * compares: `npx tsx bench/rulesDigest.ts before.txt`, change, then
 * `npx tsx bench/rulesDigest.ts after.txt && cmp before.txt after.txt`.
 * Writes one line per file (what, path, hash) and prints the digest of all.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { analyzePlan } from '../src/engine/analyze';
import type { Plan } from '../src/model/types';
import { changeRequestFiles, RULE_FORMATS, ruleSetOf } from '../src/rules/formats';
import type { GeneratedFile } from '../src/rules/platform';
import { examplePlans, hostilePlan, withAddresses } from '../src/rules/testPlans';
import { generatePlan } from '../src/test/generatePlan';

const lines: string[] = [];
const all = createHash('sha256');
function add(what: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const line = `${what} ${f.path} ${createHash('sha256').update(f.content).digest('hex').slice(0, 16)}`;
    all.update(`${line}\n`);
    lines.push(line);
  }
}

const plans: { name: string; plan: Plan }[] = [];
for (const { name, plan } of examplePlans()) {
  plans.push(
    { name, plan },
    { name: `${name}+v4`, plan: withAddresses(plan) },
    { name: `${name}+v6`, plan: withAddresses(plan, 6) },
  );
}
plans.push(
  { name: 'hostile', plan: hostilePlan() },
  { name: 'hostile-no-addresses', plan: hostilePlan(false) },
  { name: 'hostile-v6', plan: hostilePlan(true, 6) },
);
for (const nodes of [100, 1000, 5000])
  plans.push({ name: `generated-${nodes}`, plan: generatePlan({ nodes, seed: 1 }) });
plans.push({ name: 'generated-300-seed-7', plan: generatePlan({ nodes: 300, seed: 7 }) });
for (const { name, plan } of plans) {
  const set = ruleSetOf(plan, analyzePlan(plan));
  for (const format of RULE_FORMATS) add(`${name} ${format.id}`, format.files(set));
  const first = set.firewalls[0];
  if (!first) continue;
  for (const format of RULE_FORMATS)
    add(`${name} first-only ${format.id}`, format.files(set, new Set([first.firewall.id])));
}

// Change requests: the examples gaining addresses, generated plans losing and regaining links.
const versions: [name: string, before: Plan, after: Plan][] = [];
for (const { name, plan } of examplePlans()) versions.push([name, plan, withAddresses(plan)]);
for (const nodes of [300, 1000]) {
  const plan = generatePlan({ nodes, seed: 3 });
  versions.push([
    `generated-${nodes}-fewer-links`,
    plan,
    { ...plan, links: plan.links.filter((_, i) => i % 17 !== 5) },
  ]);
  versions.push([
    `generated-${nodes}-more-links`,
    { ...plan, links: plan.links.filter((_, i) => i % 13 !== 2) },
    plan,
  ]);
}
for (const [name, a, b] of versions) {
  const before = ruleSetOf(a, analyzePlan(a));
  const after = ruleSetOf(b, analyzePlan(b));
  for (const format of RULE_FORMATS)
    add(`change ${name} ${format.id}`, changeRequestFiles(format, before, after));
}

const out = process.argv[2];
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} files, digest ${all.digest('hex')}`);
