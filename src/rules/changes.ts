/**
 * A change request in a firewall's own syntax: from the rules of an older
 * version of a plan (what the firewalls have loaded) to those of a newer one,
 * for each firewall the rules to close and the rules to open, written as the
 * platform's engineer loads them (docs/review.md):
 *
 * - nftables: the firewall's new script, which replaces its table in one
 *   transaction, headed by the rules it closes and opens;
 * - iptables: an `iptables-restore --noflush` file (and ip6tables) that
 *   deletes (`-D`) the old rules and appends (`-A`) the new ones;
 * - Cisco ASA: `no access-list …` lines, then the new objects and
 *   `access-list …` lines; objects nothing uses any more are removed last;
 * - Cisco IOS: inside each named access list, `no permit …` and `no remark …`
 *   entries, then the new entries;
 * - Juniper SRX: `delete security policies … policy NAME`, then the `set`
 *   commands of the new policies and what they name;
 * - Capirca: the new policies of the firewalls that change (a Capirca policy
 *   is edited and compiled again, never patched), with `CHANGES.txt` listing
 *   the rules each closes and opens.
 *
 * A rule is the same in both versions when its source and destination
 * (address, or the node a placeholder waits for), ingress, egress, protocols
 * and ports are: renames change no rule, a changed address closes one and
 * opens another. Every name is the one the full files of that version give
 * (`RuleSet.namesFrom`), so a closed rule is spelled as it was loaded.
 */
import { formatPorts } from '../engine/matrix';
import { CAPIRCA_NAMES, capircaFiles } from './capirca';
import { ASA_NAMES, asaFiles, IOS_NAMES, iosFiles } from './cisco';
import { IPTABLES_NAMES, iptablesFiles } from './iptables';
import type { AddressObject, FirewallRule, FirewallRules, RuleEnd, ServiceGroup } from './model';
import type { TextStyle } from './naming';
import { cleanText } from './naming';
import { NFT_NAMES, nftablesFiles } from './nftables';
import type { GeneratedFile, PlatformNames, RuleSet } from './platform';
import { FILE_STYLE, platformNames } from './platform';
import { SRX_NAMES, srxFiles } from './srx';

/** The rules one firewall closes and opens from the older version to the newer. */
export interface FirewallRuleChange {
  firewall: { id: string; name: string };
  /** Its rules in the older version; null for a firewall the newer version adds. */
  before: FirewallRules | null;
  /** Its rules in the newer version; null for a firewall the newer version removes. */
  after: FirewallRules | null;
  /** Rules of `before` the newer version does not have, in its order. */
  closed: FirewallRule[];
  /** Rules of `after` the older version does not have, in its order. */
  opened: FirewallRule[];
}

function endKey(end: RuleEnd): string {
  return end.kind === 'any' ? 'any' : end.object.key;
}

/** What a rule permits, without any name: the same key in both versions is the same rule. */
export function ruleKey(rule: FirewallRule): string {
  const services = rule.services.map((s) => `${s.protocol} ${formatPorts(s.ports)}`).join(',');
  return [endKey(rule.source), endKey(rule.destination), rule.ingress, rule.egress, services].join('\u0000');
}

/** The firewalls whose rules differ, by the newer version's firewall order, removed firewalls last. */
export function ruleChanges(before: RuleSet, after: RuleSet): FirewallRuleChange[] {
  const old = new Map(before.firewalls.map((fw) => [fw.firewall.id, fw] as const));
  const changes: FirewallRuleChange[] = [];
  const change = (b: FirewallRules | null, a: FirewallRules | null) => {
    const beforeKeys = new Set((b?.rules ?? []).map(ruleKey));
    const afterKeys = new Set((a?.rules ?? []).map(ruleKey));
    const closed = (b?.rules ?? []).filter((r) => !afterKeys.has(ruleKey(r)));
    const opened = (a?.rules ?? []).filter((r) => !beforeKeys.has(ruleKey(r)));
    if (closed.length + opened.length === 0) return;
    const firewall = (a ?? b) as FirewallRules;
    changes.push({ firewall: firewall.firewall, before: b, after: a, closed, opened });
  };
  for (const fw of after.firewalls) change(old.get(fw.firewall.id) ?? null, fw);
  const kept = new Set(after.firewalls.map((fw) => fw.firewall.id));
  for (const fw of before.firewalls) if (!kept.has(fw.firewall.id)) change(fw, null);
  return changes;
}

function usedObjects(rules: readonly FirewallRule[]): Map<string, AddressObject> {
  const used = new Map<string, AddressObject>();
  for (const r of rules)
    for (const end of [r.source, r.destination])
      if (end.kind === 'object') used.set(end.object.key, end.object);
  return used;
}

function usedGroups(rules: readonly FirewallRule[]): Map<string, ServiceGroup> {
  const used = new Map<string, ServiceGroup>();
  for (const r of rules) if (r.group) used.set(r.group.key, r.group);
  return used;
}

/** What a firewall already has loaded, so a change defines only the objects and groups it lacks. */
interface Loaded {
  object(o: AddressObject): boolean;
  group(g: ServiceGroup): boolean;
}

const NOTHING_LOADED: Loaded = { object: () => false, group: () => false };

/**
 * The objects and groups of `before` (the loaded version) that an opened rule
 * can name as they are: the same address (or placeholder) or ports under the
 * same name in both versions. A renamed one is defined again under its new name.
 */
function loadedOf(before: FirewallRules | null, oldNames: PlatformNames, newNames: PlatformNames): Loaded {
  if (!before) return NOTHING_LOADED;
  const objects = new Set(before.objects.map((o) => o.key));
  const groups = new Set(before.serviceGroups.map((g) => g.key));
  return {
    object: (o) => objects.has(o.key) && oldNames.object(o) === newNames.object(o),
    group: (g) => groups.has(g.key) && oldNames.group(g) === newNames.group(g),
  };
}

/**
 * Some rules of one firewall as a rule set of their own, named as the full
 * set names them, defining the objects and groups they name that the
 * firewall has not `loaded`.
 */
function part(
  set: RuleSet,
  fw: FirewallRules,
  rules: FirewallRule[],
  loaded: Loaded = NOTHING_LOADED,
): RuleSet {
  const objectsUsed = usedObjects(rules);
  const groupsUsed = usedGroups(rules);
  const objects = fw.objects.filter((o) => objectsUsed.has(o.key) && !loaded.object(o));
  const groups = fw.serviceGroups.filter((g) => groupsUsed.has(g.key) && !loaded.group(g));
  return {
    planName: set.planName,
    firewalls: [{ ...fw, objects, serviceGroups: groups, rules }],
    namesFrom: set.namesFrom ?? set,
  };
}

/** What an object, group or ingress of `fw` is that `other` (the other version) no longer has. */
function gone<T>(
  fw: FirewallRules,
  other: FirewallRules | null,
  list: (f: FirewallRules) => T[],
  key: (t: T) => string,
) {
  const kept = new Set(other ? list(other).map(key) : []);
  return list(fw).filter((t) => !kept.has(key(t)));
}

const HASH_LINE: TextStyle = { maxBytes: 400 };
const CISCO_LINE: TextStyle = { maxBytes: 400, ascii: true };

/** One line about a rule, for a comment: `EXAMS01 (10.1.0.10) to any, in inside, out wan: TCP 135, TCP 1024-65535`. */
export function ruleLine(rule: FirewallRule): string {
  const services = rule.services.map((s) => `${s.protocol} ${formatPorts(s.ports)}`).join(', ');
  const end = (e: RuleEnd) =>
    e.kind === 'any' ? 'any' : `${e.object.label} (${e.object.address ?? 'no address yet'})`;
  return `${end(rule.source)} to ${end(rule.destination)}, in ${rule.ingress}, out ${rule.egress}: ${services}`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** The head of a change file: what it changes, and the rules it closes and opens, one comment line each. */
function summary(
  c: FirewallRuleChange,
  before: RuleSet,
  after: RuleSet,
  mark: '#' | '!',
  style: TextStyle,
  how: string,
): string[] {
  const text = (t: string) => cleanText(t, style);
  return [
    `${mark} Change request for ${text(c.firewall.name)}: close ${plural(c.closed.length, 'rule')}, open ${plural(c.opened.length, 'rule')}.`,
    `${mark} From the plan "${text(before.planName)}" to the plan "${text(after.planName)}", written by Exchange Port Planner.`,
    `${mark} ${how}`,
    ...c.closed.map((r) => `${mark} close: ${text(ruleLine(r))}`),
    ...c.opened.map((r) => `${mark} open: ${text(ruleLine(r))}`),
  ];
}

/** A firewall's change file: named as the firewall's files are (by its new names, or its old ones when it is gone). */
function changeFile(
  c: FirewallRuleChange,
  names: PlatformNames,
  ext: string,
  lines: readonly string[],
): GeneratedFile {
  const fw = (c.after ?? c.before) as FirewallRules;
  return { path: `${names.file(fw)}.change.${ext}.txt`, content: `${lines.join('\n')}\n` };
}

/** The lines of a generated file after its header of `skip` lines. */
function bodyOf(file: GeneratedFile | undefined, skip: number): string[] {
  if (!file) return [];
  return file.content.replace(/\n$/, '').split('\n').slice(skip);
}

/** Writes the change request of the firewalls that change, in one format. */
export type ChangeWriter = (
  before: RuleSet,
  after: RuleSet,
  changes: readonly FirewallRuleChange[],
) => GeneratedFile[];

export const nftablesChanges: ChangeWriter = (before, after, changes) => {
  const oldNames = platformNames(before, NFT_NAMES, FILE_STYLE);
  const newNames = platformNames(after, NFT_NAMES, FILE_STYLE);
  return changes.map((c) => {
    if (c.after) {
      const script = nftablesFiles(after, new Set([c.firewall.id]))[0] as GeneratedFile;
      const head = summary(
        c,
        before,
        after,
        '#',
        HASH_LINE,
        'nft -f loads it in one transaction: the table is replaced by the new rules, so what closes and opens does so at once.',
      );
      const [shebang, ...rest] = script.content.split('\n');
      return {
        path: `${newNames.file(c.after)}.change.nft`,
        content: [shebang, ...head, ...rest].join('\n'),
      };
    }
    const fw = c.before as FirewallRules;
    const table = `exchange_${oldNames.file(fw).replace(/[^A-Za-z0-9_]/g, '_')}`;
    const head = summary(
      c,
      before,
      after,
      '#',
      HASH_LINE,
      'The plan no longer has this firewall: its table goes.',
    );
    return {
      path: `${oldNames.file(fw)}.change.nft`,
      content: ['#!/usr/sbin/nft -f', ...head, `table inet ${table}`, `delete table inet ${table}`, ''].join(
        '\n',
      ),
    };
  });
};

/** The rule lines of an iptables-restore file: what follows the chain's two conntrack rules, before COMMIT. */
function iptablesBody(file: GeneratedFile | undefined): string[] {
  if (!file) return [];
  const lines = file.content.split('\n');
  const start = lines.indexOf('-A FORWARD -m conntrack --ctstate INVALID -j DROP') + 1;
  const end = lines.lastIndexOf('COMMIT');
  return lines.slice(start, end);
}

export const iptablesChanges: ChangeWriter = (before, after, changes) => {
  const names = (set: RuleSet) => platformNames(set, IPTABLES_NAMES, FILE_STYLE);
  const files: GeneratedFile[] = [];
  for (const c of changes) {
    const stem = c.after ? names(after).file(c.after) : names(before).file(c.before as FirewallRules);
    if (!c.before) {
      // A new firewall: its full files, which set the chain's policy as well.
      const how =
        'A new firewall: load its full rules (iptables-restore FILE), which replace its filter table.';
      for (const f of iptablesFiles(after, new Set([c.firewall.id]))) {
        const head = summary(c, before, after, '#', HASH_LINE, how);
        files.push({
          path: `${stem}.change.v${f.path.endsWith('.v6') ? 6 : 4}`,
          content: `${head.join('\n')}\n${f.content}`,
        });
      }
      continue;
    }
    const closed = iptablesFiles(part(before, c.before, c.closed));
    const opened = c.after ? iptablesFiles(part(after, c.after, c.opened)) : [];
    for (const [i, family] of [
      [0, 4],
      [1, 6],
    ] as const) {
      const close = iptablesBody(closed[i]).map((l) =>
        l.startsWith('-A FORWARD')
          ? `-D${l.slice(2)}`
          : l.replace(/^# TO FILL IN, then remove "# ": -A/, '# never loaded (it waited for an address): -A'),
      );
      const open = iptablesBody(opened[i]);
      if (![...close, ...open].some((l) => l.startsWith('-'))) continue;
      const tool = family === 4 ? 'iptables-restore' : 'ip6tables-restore';
      const head = summary(
        c,
        before,
        after,
        '#',
        HASH_LINE,
        `IPv${family}: load it with ${tool} --noflush FILE; it deletes (-D) the closed rules and appends (-A) the opened ones, and leaves the rest of the FORWARD chain as it is.`,
      );
      const body = [
        ...(close.length ? ['# Close:', ...close] : []),
        ...(open.length ? ['# Open:', ...open] : []),
      ];
      files.push({
        path: `${stem}.change.v${family}`,
        content: `${[...head, '*filter', ...body, 'COMMIT'].join('\n')}\n`,
      });
    }
  }
  return files;
};

export const asaChanges: ChangeWriter = (before, after, changes) => {
  const oldNames = platformNames(before, ASA_NAMES, FILE_STYLE);
  const newNames = platformNames(after, ASA_NAMES, FILE_STYLE);
  return changes.map((c) => {
    const lines = summary(
      c,
      before,
      after,
      '!',
      CISCO_LINE,
      'Paste it in configuration mode: the closed rules go first, then the opened ones.',
    );
    if (c.before) {
      const fw = c.before;
      const goneIngress = gone(
        fw,
        c.after,
        (f) => [...new Set(f.rules.map((r) => r.ingress))],
        (i) => i,
      );
      for (const ingress of goneIngress) {
        const iface = oldNames.iface(ingress);
        lines.push(`no access-group ${iface}_access_in in interface ${iface}`);
      }
      const closed = asaFiles(part(before, fw, c.closed))[0];
      for (const l of bodyOf(closed, 3)) if (l.startsWith('access-list ')) lines.push(`no ${l}`);
      for (const g of gone(
        fw,
        c.after,
        (f) => f.serviceGroups,
        (g) => g.key,
      ))
        lines.push(`no object-group service ${oldNames.group(g)}`);
      for (const o of gone(
        fw,
        c.after,
        (f) => f.objects,
        (o) => o.key,
      ))
        lines.push(`no object network ${oldNames.object(o)}`);
    }
    if (c.after)
      lines.push(
        ...bodyOf(asaFiles(part(after, c.after, c.opened, loadedOf(c.before, oldNames, newNames)))[0], 3),
      );
    return changeFile(c, c.after ? newNames : oldNames, 'asa', lines);
  });
};

export const iosChanges: ChangeWriter = (before, after, changes) => {
  const oldNames = platformNames(before, IOS_NAMES, FILE_STYLE);
  const newNames = platformNames(after, IOS_NAMES, FILE_STYLE);
  return changes.map((c) => {
    const lines = summary(
      c,
      before,
      after,
      '!',
      CISCO_LINE,
      'Paste it in configuration mode: in each access list, the closed entries go first, then the opened ones.',
    );
    if (c.before) {
      for (const l of bodyOf(iosFiles(part(before, c.before, c.closed))[0], 3)) {
        if (l.startsWith('ip access-list ') || l.startsWith('ipv6 access-list ')) lines.push(l);
        else if (l.startsWith(' permit ') || l.startsWith(' remark ')) lines.push(` no${l}`);
      }
    }
    if (c.after) lines.push(...bodyOf(iosFiles(part(after, c.after, c.opened))[0], 3));
    return changeFile(c, c.after ? newNames : oldNames, 'ios', lines);
  });
};

export const srxChanges: ChangeWriter = (before, after, changes) => {
  const oldNames = platformNames(before, SRX_NAMES, FILE_STYLE);
  const newNames = platformNames(after, SRX_NAMES, FILE_STYLE);
  return changes.map((c) => {
    const lines = summary(
      c,
      before,
      after,
      '#',
      HASH_LINE,
      'Load it with load set terminal (or paste it in configuration mode), then commit: the closed policies are deleted first.',
    );
    if (c.before) {
      const fw = c.before;
      for (const r of c.closed) {
        if (r.mixedFamilies) continue;
        lines.push(
          `delete security policies from-zone ${oldNames.iface(r.ingress)} to-zone ${oldNames.iface(r.egress)} policy ${oldNames.rule(r)}`,
        );
      }
      for (const g of gone(
        fw,
        c.after,
        (f) => f.serviceGroups,
        (g) => g.key,
      ))
        lines.push(`delete applications application-set ${oldNames.group(g)}`);
      for (const o of gone(
        fw,
        c.after,
        (f) => f.objects,
        (o) => o.key,
      ))
        lines.push(`delete security address-book global address ${oldNames.object(o)}`);
    }
    if (c.after)
      lines.push(
        ...bodyOf(srxFiles(part(after, c.after, c.opened, loadedOf(c.before, oldNames, newNames)))[0], 3),
      );
    return changeFile(c, c.after ? newNames : oldNames, 'srx', lines);
  });
};

export const capircaChanges: ChangeWriter = (before, after, changes) => {
  const oldNames = platformNames(before, CAPIRCA_NAMES, FILE_STYLE);
  const newNames = platformNames(after, CAPIRCA_NAMES, FILE_STYLE);
  const text = [
    '# Change request: the policies below replace those of the same name; compile them with aclgen and load the output.',
  ];
  for (const c of changes) {
    text.push(
      '',
      ...summary(
        c,
        before,
        after,
        '#',
        HASH_LINE,
        c.after
          ? `Policy: policies/pol/${newNames.file(c.after)}.pol`
          : `The plan no longer has this firewall: delete policies/pol/${oldNames.file(c.before as FirewallRules)}.pol`,
      ),
    );
  }
  const changed = new Set(changes.filter((c) => c.after).map((c) => c.firewall.id));
  const files = changed.size ? capircaFiles(after, changed) : [];
  return [{ path: 'CHANGES.txt', content: `${text.join('\n')}\n` }, ...files];
};
