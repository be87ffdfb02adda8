/**
 * What every generator shares: the files it returns, and the identifiers of
 * a platform — object, service group and rule names distinct within the
 * platform's one namespace, made once for the whole plan so that the same
 * object has the same name in every firewall's file and in every run.
 */
import { compareStrings } from '../engine/compare';
import type { FlowProtocol, PortRange } from '../engine/types';
import type { AddressObject, FirewallRule, FirewallRules, RuleEnd, ServiceGroup } from './model';
import { endLabel } from './model';
import type { NameStyle, TextStyle } from './naming';
import { assignNameList, assignNames, cleanText, fitName, nameCore, pairBase, textShape } from './naming';

/** One file a generator writes: a path relative to the output directory, and its text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** The rules of a whole plan, and which firewalls to write. */
export interface RuleSet {
  /** The plan's name, for the files' headers. */
  planName: string;
  /** Every firewall of the plan, so names do not depend on which are written. */
  firewalls: FirewallRules[];
  /**
   * The whole plan's rules when `firewalls` holds only some of its rules (a
   * change request): every name is made from it, so the rules are spelled as
   * in the plan's full files, which is what the firewall has loaded.
   */
  namesFrom?: RuleSet;
}

/** The identifiers a platform gives the things its files name. */
export interface PlatformNames {
  object(object: AddressObject): string;
  group(group: ServiceGroup): string;
  /** The names of a firewall's rules, in the order of `firewall.rules`. */
  rules(firewall: FirewallRules): readonly string[];
  /** The name of one rule, whichever firewall of the plan it is in (a change request names some of its rules). */
  rule(rule: FirewallRule): string;
  /** An interface or zone name in the platform's alphabet (the plan's own names already fit most). */
  iface(name: string): string;
  /** A file stem per firewall, distinct across the plan. */
  file(firewall: FirewallRules): string;
}

/** The label a placeholder is named from: its name says it must be filled in. */
export function objectLabel(object: AddressObject): string {
  return object.address === null ? `fill in ${object.label}` : object.label;
}

const namesBySet = new WeakMap<RuleSet, Map<NameStyle, Map<NameStyle, PlatformNames>>>();

/**
 * Builds the names of every object, group, rule and file of the plan for one
 * platform; made once per rule set and style, so the planner showing another
 * firewall or format of the same plan names nothing twice.
 */
export function platformNames(
  written: RuleSet,
  style: NameStyle,
  fileStyle: NameStyle = style,
): PlatformNames {
  // A change request's rule set is named as the whole plan it comes from (namesFrom).
  const set = written.namesFrom ?? written;
  let byStyle = namesBySet.get(set);
  if (!byStyle) {
    byStyle = new Map();
    namesBySet.set(set, byStyle);
  }
  let byFileStyle = byStyle.get(style);
  if (!byFileStyle) {
    byFileStyle = new Map();
    byStyle.set(style, byFileStyle);
  }
  let names = byFileStyle.get(fileStyle);
  if (!names) {
    names = makePlatformNames(set, style, fileStyle);
    byFileStyle.set(fileStyle, names);
  }
  return names;
}

function makePlatformNames(set: RuleSet, style: NameStyle, fileStyle: NameStyle): PlatformNames {
  const objects = new Map<string, AddressObject>();
  const groups = new Map<string, ServiceGroup>();
  for (const fw of set.firewalls) {
    for (const o of fw.objects) objects.set(o.key, o);
    for (const g of fw.serviceGroups) groups.set(g.key, g);
  }
  const taken = new Set<string>();
  const objectNames = assignNames(
    [...objects.values()].map((o) => ({ key: o.key, name: objectLabel(o) })),
    style,
    taken,
  );
  const groupNames = assignNames(
    [...groups.values()].map((g) => ({ key: g.key, name: g.label })),
    style,
    taken,
  );
  // Rule names are distinct within a firewall and from every object and group name.
  const ruleNames = new Map<FirewallRules, readonly string[]>();
  const bases = labelBases(set, style.extra);
  for (const fw of set.firewalls) {
    const fitted = (bases.get(fw) as readonly string[]).map((base) => fitName(base, style));
    ruleNames.set(fw, assignNameList(fitted, style, new Set(), taken, unchanged));
  }
  // A change request writes some of a firewall's rules: they are named by the rule, made when first asked.
  let byRule: Map<FirewallRule, string> | null = null;
  const ruleName = (rule: FirewallRule): string => {
    if (!byRule) {
      byRule = new Map();
      for (const [fw, names] of ruleNames) {
        for (let i = 0; i < fw.rules.length; i++) byRule.set(fw.rules[i] as FirewallRule, names[i] as string);
      }
    }
    return byRule.get(rule) ?? '';
  };
  const fileNames = assignNames(
    [...set.firewalls]
      .sort((x, y) => compareStrings(x.firewall.id, y.firewall.id))
      .map((fw) => ({ key: fw.firewall.id, name: fw.firewall.name })),
    fileStyle,
    new Set(),
    'firewall',
  );
  // A firewall has a few interfaces and many rules: each name is spelled once.
  const ifaces = new Map<string, string>();
  // Every line that names an object asks: found by the object itself rather than by hashing its key, which
  // only an object of another rule set needs (a change request's, named as the plan it comes from).
  const byObject = new Map<AddressObject, string>();
  for (const o of objects.values()) byObject.set(o, objectNames.get(o.key) as string);
  return {
    object: (o) => byObject.get(o) ?? objectNames.get(o.key) ?? '',
    group: (g) => groupNames.get(g.key) ?? '',
    rules: (fw) => ruleNames.get(fw) ?? fw.rules.map(ruleName),
    rule: ruleName,
    // The plan allows letters, digits, `_`, `-` and `.` here already; anything else is replaced, never passed on.
    iface: (name) => {
      let spelled = ifaces.get(name);
      if (spelled === undefined) {
        spelled = name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 63) || 'if';
        ifaces.set(name, spelled);
      }
      return spelled;
    },
    file: (fw) => fileNames.get(fw.firewall.id) ?? 'firewall',
  };
}

const writtenBySet = new WeakMap<RuleSet, Map<(text: string) => unknown, unknown[]>>();

/**
 * What `write` makes of a rule set's reasons, each made once by its number
 * (`RuleService.reasonNumbers`) and kept with the rule set: a flow's reason
 * is in the rules of every firewall it crosses, and the formats that write a
 * reason alike (nftables and iptables `#` lines, ASA and IOS remarks) share
 * one list. `write` is a module's own function, so its identity names what is
 * written. The numbers are those of the rules the set was made from
 * (`namesFrom`, for a change request), which is where the list is kept.
 */
export function reasonWriter<T>(
  written: RuleSet,
  write: (text: string) => T,
): (text: string, number: number) => T {
  const set = written.namesFrom ?? written;
  let byWriter = writtenBySet.get(set);
  if (!byWriter) {
    byWriter = new Map();
    writtenBySet.set(set, byWriter);
  }
  let done = byWriter.get(write) as (T | undefined)[] | undefined;
  if (!done) {
    done = [];
    byWriter.set(write, done);
  }
  const list = done;
  return (text, number) => {
    // Filled up to the number first, so the list stays a plain array rather than a sparse one.
    while (list.length <= number) list.push(undefined);
    let out = list[number];
    if (out === undefined) {
      out = write(text);
      list[number] = out;
    }
    return out;
  };
}

/** The texts of a rule that several formats clean, with their shapes (naming.ts `textShape`), each read once. */
export interface RuleTexts {
  /** `EXAMS01 to EXBRU01, in dmz, out lan`: what heads a rule in every format but SRX and Capirca. */
  heading: string;
  headingShape: number;
  summaryShape: number;
}

const textsByFirewall = new WeakMap<FirewallRules, readonly RuleTexts[]>();

/** The {@link RuleTexts} of a firewall's rules, in rule order: made when first asked and kept with its rules. */
export function firewallTexts(fw: FirewallRules): readonly RuleTexts[] {
  let texts = textsByFirewall.get(fw);
  if (!texts) {
    texts = fw.rules.map((rule) => {
      const heading = `${rule.label}, in ${rule.ingress}, out ${rule.egress}`;
      return { heading, headingShape: textShape(heading), summaryShape: textShape(rule.summary) };
    });
    textsByFirewall.set(fw, texts);
  }
  return texts;
}

/** A `#` comment line of nftables, iptables and Capirca: anything but a line break. */
export const HASH_LINE: TextStyle = { maxBytes: 400 };

/** A reason as a `#` line's text. */
export function hashLine(text: string): string {
  return cleanText(text, HASH_LINE);
}

function unchanged(name: string): string {
  return name;
}

const basesBySet = new WeakMap<RuleSet, Map<string, Map<FirewallRules, readonly string[]>>>();

/**
 * Each firewall's rule labels sanitized in one alphabet without a length
 * limit (`nameBase`), kept with the rule set: the platforms whose names allow
 * the same characters (iptables, ASA, IOS and SRX) only cut them to their
 * length. A label is its ends' labels around `to`, and a node is an end of
 * many rules, so each end is read once (`nameCore`) and a label's base is
 * put together from its ends' (`pairBase`).
 */
function labelBases(set: RuleSet, extra: string): Map<FirewallRules, readonly string[]> {
  let byAlphabet = basesBySet.get(set);
  if (!byAlphabet) {
    byAlphabet = new Map();
    basesBySet.set(set, byAlphabet);
  }
  let bases = byAlphabet.get(extra);
  if (!bases) {
    const anyCore = nameCore(endLabel({ kind: 'any' }), extra);
    const cores = new Map<AddressObject, string>();
    const core = (end: RuleEnd): string => {
      if (end.kind === 'any') return anyCore;
      let c = cores.get(end.object);
      if (c === undefined) {
        c = nameCore(endLabel(end), extra);
        cores.set(end.object, c);
      }
      return c;
    };
    bases = new Map(
      set.firewalls.map(
        (fw) => [fw, fw.rules.map((r) => pairBase(core(r.source), core(r.destination), extra))] as const,
      ),
    );
    byAlphabet.set(extra, bases);
  }
  return bases;
}

/** File names: letters, digits, `_`, `-` and `.`, never a path and never hidden. */
export const FILE_STYLE: NameStyle = { maxLength: 64, extra: '_-.' };

/** The node names behind a placeholder, for the words that ask to fill it in. */
export function placeholderNote(object: AddressObject): string {
  const who = object.nodes.map((n) => `${n.name} (node ${n.id})`).join(', ');
  return `TO FILL IN: the address of ${who}; the plan has none (ADDRESS_MISSING)`;
}

/** The two protocols a rule can hold, in the order every format writes them. */
export const PROTOCOLS = ['TCP', 'UDP'] as const;

/** The ports a rule permits for one protocol, in the rule's order. */
export function rulePorts(rule: FirewallRule, protocol: FlowProtocol): readonly PortRange[] {
  return rule.ports[protocol];
}
