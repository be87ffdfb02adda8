/**
 * Change requests in each format (src/rules/changes.ts): which rules close and
 * open, and — the point of them — that loading the change on a firewall that
 * runs the older rules leaves it with exactly the newer rules. iptables is
 * checked by the real tool in a network namespace of its own (load the old
 * file, then the change with --noflush, and compare with the new file
 * loaded); nftables by `nft -c -f`; Capirca by `aclgen`; ASA, IOS and SRX by
 * applying the change to the old configuration as the device does (`no`
 * removes the line, `delete` the subtree, anything else is added) and reading
 * the permits back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import type { Plan } from '../model/types';
import { ruleChanges } from './changes';
import { changeRequestFiles, ruleFormat, ruleSetOf } from './formats';
import type { GeneratedFile, RuleSet } from './platform';
import { readAsa, readIos, readSrx } from './readBack';
import { examplePlans, hostilePlan } from './testPlans';

const CI = process.env.CI === 'true';

function found(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}
/** A network namespace of its own, so iptables rules can be loaded without touching the machine's. */
const NETNS = spawnSync('unshare', ['-n', 'true']).status === 0;
const IPTABLES = (found('iptables-restore') && found('iptables-save') && NETNS) || CI;
const NFT = found('nft') || CI;
const ACLGEN = found('aclgen') || CI;
if (!IPTABLES || !NFT || !ACLGEN) {
  console.warn(
    '\n*** changes.test.ts: nft, iptables-restore in a network namespace or aclgen missing: SKIPPING their checks ***\n',
  );
}

const root = mkdtempSync(join(tmpdir(), 'rule-changes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

function writeTree(files: readonly GeneratedFile[]): string {
  const dir = join(root, String(dirs++));
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  return dir;
}

function sh(script: string, cwd?: string): string {
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', cwd });
  if (result.status !== 0)
    throw new Error(`${script} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const set = (plan: Plan): RuleSet => ruleSetOf(plan, analyzePlan(plan));

function example(name: string): Plan {
  const found = examplePlans().find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return found.plan;
}

function withNode(
  plan: Plan,
  name: string,
  change: (node: Plan['nodes'][number]) => Plan['nodes'][number],
): Plan {
  if (!plan.nodes.some((n) => n.name === name)) throw new Error(`no node ${name}`);
  return { ...plan, nodes: plan.nodes.map((n) => (n.name === name ? change(n) : n)) };
}

/** The plan without a node and what joins it. */
function withoutNode(plan: Plan, name: string): Plan {
  const node = plan.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node ${name}`);
  return {
    ...plan,
    nodes: plan.nodes.filter((n) => n !== node),
    links: plan.links.filter((l) => l.a !== node.id && l.b !== node.id),
    connectors: plan.connectors.filter((c) => c.a !== node.id && c.b !== node.id),
    notes: plan.notes.filter((n) => n.about !== node.id),
  };
}

const combined = example('combined.json');
const moved = withNode(combined, 'EXAMS01', (n) => ({ ...n, address: '10.1.0.12' }));

interface Case {
  name: string;
  before: Plan;
  after: Plan;
}

const cases: Case[] = [
  { name: 'a server moves to another address', before: combined, after: moved },
  {
    name: 'a server moves and another is renamed',
    before: combined,
    after: withNode(moved, 'EXDMZ01', (n) => ({ ...n, name: 'EXDMZ99' })),
  },
  { name: 'a client goes', before: combined, after: withoutNode(combined, 'Partner address book lookups') },
  { name: 'a client comes', before: withoutNode(combined, 'Partner address book lookups'), after: combined },
  { name: 'a firewall goes', before: combined, after: withoutNode(combined, 'FW-WAN') },
  { name: 'a firewall comes', before: withoutNode(combined, 'FW-WAN'), after: combined },
  { name: 'every node gets an address', before: hostilePlan(false), after: hostilePlan(true, 4) },
  { name: 'from IPv4 to IPv6', before: hostilePlan(true, 4), after: hostilePlan(true, 6) },
  { name: 'IPv6 addresses go', before: hostilePlan(true, 6), after: hostilePlan(false) },
];

describe('which rules close and open', () => {
  it('none when nothing changed, or only names', () => {
    expect(ruleChanges(set(combined), set(combined))).toEqual([]);
    const renamed = withNode(
      withNode(combined, 'EXAMS01', (n) => ({ ...n, name: 'EXAMS99' })),
      'FW-EDGE',
      (n) => ({ ...n, name: 'FW-OUTSIDE' }),
    );
    expect(ruleChanges(set(combined), set(renamed))).toEqual([]);
    for (const id of ['nftables', 'iptables', 'asa', 'ios', 'srx', 'capirca']) {
      const format = ruleFormat(id);
      if (!format) throw new Error(id);
      expect(changeRequestFiles(format, set(combined), set(renamed))).toEqual([]);
    }
  });

  it('a moved server closes each rule that names its old address and opens it again with the new', () => {
    const changes = ruleChanges(set(combined), set(moved));
    expect(changes.map((c) => c.firewall.name)).toEqual(['FW-INTERNAL', 'FW-WAN']);
    for (const c of changes) {
      expect(c.closed.length).toBe(c.opened.length);
      for (const r of c.closed)
        expect(
          [r.source, r.destination].some((e) => e.kind === 'object' && e.object.address === '10.1.0.11'),
        ).toBe(true);
      for (const r of c.opened)
        expect(
          [r.source, r.destination].some((e) => e.kind === 'object' && e.object.address === '10.1.0.12'),
        ).toBe(true);
    }
  });

  it('a firewall that goes closes all its rules; one that comes opens all of them', () => {
    const gone = ruleChanges(set(combined), set(withoutNode(combined, 'FW-WAN'))).find(
      (c) => c.firewall.name === 'FW-WAN',
    );
    expect(gone?.after).toBeNull();
    expect(gone?.opened).toEqual([]);
    expect(gone?.closed.length).toBe(gone?.before?.rules.length);
    const nft = ruleFormat('nftables');
    if (!nft) throw new Error('nftables');
    const file = changeRequestFiles(nft, set(combined), set(withoutNode(combined, 'FW-WAN'))).find((f) =>
      f.path.startsWith('FW-WAN'),
    );
    expect(file?.content).toContain('delete table inet exchange_FW-WAN'.replace('-', '_'));
  });

  it('the change says what it closes and opens, with the addresses', () => {
    const asa = ruleFormat('asa');
    if (!asa) throw new Error('asa');
    const [file] = changeRequestFiles(asa, set(combined), set(moved));
    expect(file?.path).toBe('FW-INTERNAL.change.asa.txt');
    expect(file?.content).toContain(
      '! close: OWA01 (10.1.0.20) to EXAMS01 (10.1.0.11), in dmz, out lana: TCP 135, TCP 6001, TCP 6002',
    );
    expect(file?.content).toContain(
      '! open: OWA01 (10.1.0.20) to EXAMS01 (10.1.0.12), in dmz, out lana: TCP 135, TCP 6001, TCP 6002',
    );
    expect(file?.content).toContain(
      'no access-list dmz_access_in extended permit object-group tcp_135_6001_6002 object OWA01 object EXAMS01',
    );
  });
});

/** The lines of a configuration with `drop` removed: its first line, and the indented lines under it. */
function removeBlock(lines: string[], head: string): string[] {
  const at = lines.indexOf(head);
  if (at === -1) throw new Error(`"${head}" is not in the configuration`);
  let end = at + 1;
  while (end < lines.length && (lines[end] as string).startsWith(' ')) end++;
  return [...lines.slice(0, at), ...lines.slice(end)];
}

/** An ASA configuration after pasting the change: `no X` removes X (an object with its lines), the rest is added. */
function applyAsa(config: string, change: string): string {
  let lines = config.split('\n');
  for (const l of change.split('\n')) {
    if (l.startsWith('!') || l === '') continue;
    if (l.startsWith('no object network ') || l.startsWith('no object-group service '))
      lines = removeBlock(lines, l.slice(3));
    else if (l.startsWith('no ')) {
      const at = lines.indexOf(l.slice(3));
      if (at === -1) throw new Error(`"${l.slice(3)}" is not in the configuration`);
      lines.splice(at, 1);
    } else lines.push(l);
  }
  return lines.join('\n');
}

/** IOS access lists after pasting the change: inside `ip access-list …`, ` no E` removes entry E, ` E` adds it. */
function applyIos(config: string, change: string): string {
  const lists = new Map<string, string[]>();
  let list: string[] | null = null;
  const read = (text: string, patch: boolean) => {
    for (const l of text.split('\n')) {
      if (/^(ip|ipv6) access-list /.test(l)) {
        list = lists.get(l) ?? [];
        lists.set(l, list);
      } else if (list && patch && l.startsWith(' no ')) {
        const at = list.indexOf(` ${l.slice(4)}`);
        if (at === -1) throw new Error(`"${l.slice(4)}" is not in the access list`);
        list.splice(at, 1);
      } else if (list && l.startsWith(' ')) list.push(l);
      else if (!l.startsWith('!')) list = null; // a comment line stays in the access list's mode
    }
  };
  read(config, false);
  read(change, true);
  return [...lists].flatMap(([head, entries]) => [head, ...entries]).join('\n');
}

/** SRX `set` commands after loading the change: `delete X` removes every `set X …`, `set` adds. */
function applySrx(config: string, change: string): string {
  let lines = config.split('\n').filter((l) => l.startsWith('set '));
  for (const l of change.split('\n')) {
    if (l.startsWith('delete ')) {
      const path = `set ${l.slice(7)}`;
      lines = lines.filter((x) => x !== path && !x.startsWith(`${path} `));
    } else if (l.startsWith('set ')) lines.push(l);
  }
  return lines.join('\n');
}

/** Permit lines a device runs: placeholders wait for an address and are not loaded. */
const loaded = (lines: Set<string>) => [...lines].filter((l) => !l.includes('?')).sort();

describe.each(cases)('$name', ({ before, after }) => {
  const b = set(before);
  const a = set(after);
  const changes = ruleChanges(b, a);

  it('finds rules that change', () => {
    expect(changes.length).toBeGreaterThan(0);
  });

  for (const [id, read, apply] of [
    ['asa', readAsa, applyAsa],
    ['ios', readIos, applyIos],
    ['srx', readSrx, applySrx],
  ] as const) {
    it(`${id}: the old configuration with the change applied permits what the new one does`, () => {
      const format = ruleFormat(id);
      if (!format) throw new Error(id);
      const oldFiles = format.files(b);
      const newFiles = format.files(a);
      const files = changeRequestFiles(format, b, a);
      expect(files.length).toBe(changes.length);
      for (const file of files) {
        const fileStem = file.path.replace(`.change.${id}.txt`, '');
        const old = oldFiles.find((f) => f.path === `${fileStem}.${id}.txt`)?.content ?? '';
        const now = newFiles.find((f) => f.path === `${fileStem}.${id}.txt`)?.content ?? '';
        expect(loaded(read(apply(old, file.content)))).toEqual(loaded(read(now)));
      }
    });
  }

  it.runIf(NFT)('nft -c -f accepts every nftables change', () => {
    const format = ruleFormat('nftables');
    if (!format) throw new Error('nftables');
    const dir = writeTree(changeRequestFiles(format, b, a));
    for (const f of readdirSync(dir)) sh(`nft -c -f '${join(dir, f)}'`);
  });

  it.runIf(IPTABLES)(
    'iptables: the old rules, then the change with --noflush, are the new rules (a network namespace of its own)',
    () => {
      const format = ruleFormat('iptables');
      if (!format) throw new Error('iptables');
      const oldDir = writeTree(format.files(b));
      const newDir = writeTree(format.files(a));
      const changeDir = writeTree(changeRequestFiles(format, b, a));
      for (const change of readdirSync(changeDir)) {
        const [stem, family] = change.split('.change.v') as [string, string];
        const [restore, save] =
          family === '6' ? ['ip6tables-restore', 'ip6tables-save'] : ['iptables-restore', 'iptables-save'];
        const rules = (script: string) =>
          sh(`unshare -n sh -c "${script} && ${save} -t filter"`)
            .split('\n')
            .filter((l) => l.startsWith('-A FORWARD'))
            // A kept rule keeps the comment it was loaded with, even where the new file names it otherwise.
            .map((l) => l.replace(/ -m comment --comment (?:"(?:[^"\\]|\\.)*"|\S+)/, ''))
            .sort();
        const oldFile = join(oldDir, `${stem}.rules.v${family}`);
        const newFile = join(newDir, `${stem}.rules.v${family}`);
        const start = readdirSync(oldDir).includes(`${stem}.rules.v${family}`)
          ? `${restore} '${oldFile}' && `
          : '';
        const applied = rules(`${start}${restore} --noflush '${join(changeDir, change)}'`);
        const expected = readdirSync(newDir).includes(`${stem}.rules.v${family}`)
          ? rules(`${restore} '${newFile}'`)
          : rules(`${restore} '${oldFile}'`).filter((l) => l.includes('conntrack'));
        expect(applied).toEqual(expected);
      }
    },
  );

  it.runIf(ACLGEN)('aclgen compiles the Capirca policies of the change', () => {
    const format = ruleFormat('capirca');
    if (!format) throw new Error('capirca');
    const files = changeRequestFiles(format, b, a).filter((f) => f.path !== 'CHANGES.txt');
    if (files.length === 0) return;
    const dir = writeTree(files);
    mkdirSync(join(dir, 'out'));
    sh(
      'aclgen --base_directory=policies --definitions_directory=def --output_directory=out --logtostderr',
      dir,
    );
    expect(readdirSync(join(dir, 'out')).length).toBeGreaterThan(0);
  });
});
