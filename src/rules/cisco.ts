/**
 * Cisco (SPEC §9). ASA: object and object-group definitions, one access
 * list per ingress interface and its `access-group … in interface …`. IOS:
 * a named extended access list per ingress interface (IPv4; an `ipv6
 * access-list` beside it for rules with an IPv6 end), one entry per port,
 * since a plain IOS access list has no objects. Remarks carry the reasons.
 */
import type { PortRange } from '../engine/types';
import type { AddressObject, FirewallRule, FirewallRules, RuleEnd } from './model';
import type { NameStyle, TextStyle } from './naming';
import { cleanNamed, cleanText, wrapText } from './naming';
import type { GeneratedFile, PlatformNames, RuleSet, RuleTexts } from './platform';
import { FILE_STYLE, firewallTexts, placeholderNote, platformNames, reasonWriter } from './platform';

/** ASA object names: up to 64 characters; the words of its address syntax are not names. */
export const ASA_NAMES: NameStyle = {
  maxLength: 64,
  extra: '_-.',
  reserved: ['any', 'any4', 'any6', 'host', 'object', 'object-group', 'interface', 'range', 'eq'],
};
/** A remark: at most 100 characters, printable ASCII. */
const REMARK: TextStyle = { maxBytes: 100, ascii: true };
const LONG_TEXT: TextStyle = { maxBytes: 2000, ascii: true };
/** An object's description. */
const DESCRIPTION: TextStyle = { ...REMARK, maxBytes: 200 };
/** A remark line's text after `remark `. */
const REMARK_LINE = 100 - 1;

function mask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
}

function wildcard(prefix: number): string {
  return mask(prefix)
    .split('.')
    .map((o) => 255 - Number(o))
    .join('.');
}

function splitAddress(address: string): { ip: string; prefix: number | null } {
  const [ip, prefix] = address.split('/');
  return { ip: ip as string, prefix: prefix === undefined ? null : Number(prefix) };
}

function portMatch(p: PortRange): string {
  return p.from === p.to ? `eq ${p.from}` : `range ${p.from} ${p.to}`;
}

/** A text's remark lines: cleaned to printable ASCII and wrapped at the remark's length. */
function remarkLines(text: string): readonly string[] {
  return wrapRemark(cleanText(text, LONG_TEXT));
}

/** Cleaned text as remark lines. */
function wrapRemark(cleaned: string): readonly string[] {
  // Most remarks fit one line (cleaned text is printable ASCII, a byte a character).
  return cleaned.length > 0 && cleaned.length <= REMARK_LINE ? [cleaned] : wrapText(cleaned, REMARK_LINE);
}

/** The remark lines of a reason by its number, made once for ASA and IOS (platform.ts `reasonWriter`). */
type Remarks = (reason: string, number: number) => readonly string[];

function pushRemarks(out: string[], prefix: string, lines: readonly string[]): void {
  for (const line of lines) out.push(`${prefix}remark ${line}`);
}

/** A rule with its name and texts, as a file writes it. */
interface NamedRule {
  rule: FirewallRule;
  name: string;
  texts: RuleTexts;
}

function pushRuleRemarks(
  out: string[],
  prefix: string,
  { rule, name, texts }: NamedRule,
  reasons: Remarks,
): void {
  pushRemarks(out, prefix, wrapRemark(cleanNamed(name, texts.heading, texts.headingShape, LONG_TEXT)));
  for (const s of rule.services) {
    for (let j = 0; j < s.reasons.length; j++)
      pushRemarks(out, prefix, reasons(s.reasons[j] as string, s.reasonNumbers[j] as number));
  }
}

/** A firewall's rules with their names, by ingress interface in name order. */
function byIngress(fw: FirewallRules, names: PlatformNames): Map<string, NamedRule[]> {
  const ruleNames = names.rules(fw);
  const texts = firewallTexts(fw);
  const map = new Map<string, NamedRule[]>();
  for (let i = 0; i < fw.rules.length; i++) {
    const rule = fw.rules[i] as FirewallRule;
    const named: NamedRule = { rule, name: ruleNames[i] as string, texts: texts[i] as RuleTexts };
    const list = map.get(rule.ingress);
    if (list) list.push(named);
    else map.set(rule.ingress, [named]);
  }
  return new Map([...map.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

function header(set: RuleSet, fw: FirewallRules, what: string): string[] {
  return [
    `! ${what} for ${cleanText(fw.firewall.name, LONG_TEXT)}, from the plan "${cleanText(set.planName, LONG_TEXT)}".`,
    '! Written by Exchange Port Planner from the flows that cross this firewall (KB 176466).',
    `! ${fw.matrixRows} port matrix rows, ${fw.rules.length} rules.`,
  ];
}

function asaEnd(end: RuleEnd, names: PlatformNames): string {
  return end.kind === 'any' ? 'any' : `object ${names.object(end.object)}`;
}

function pushAsaObject(lines: string[], o: AddressObject, names: PlatformNames): void {
  lines.push(`object network ${names.object(o)}`);
  if (o.address === null) {
    lines.push(` description ${cleanText(placeholderNote(o), DESCRIPTION)}`);
    return;
  }
  const { ip, prefix } = splitAddress(o.address);
  if (prefix === null) lines.push(` host ${ip}`);
  else if (o.family === 4) lines.push(` subnet ${ip} ${mask(prefix)}`);
  else lines.push(` subnet ${o.address}`);
  lines.push(` description ${cleanText(o.nodes.map((n) => n.name).join(', '), DESCRIPTION)}`);
}

/** Writes the ASA configuration of the firewalls in `only` (every firewall when absent). */
export function asaFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, ASA_NAMES, FILE_STYLE);
  const remarks = reasonWriter(set, remarkLines);
  return set.firewalls
    .filter((fw) => !only || only.has(fw.firewall.id))
    .map((fw) => {
      const lines = header(set, fw, 'Cisco ASA access lists');
      if (fw.objects.some((o) => o.address === null)) {
        lines.push(
          '! TO FILL IN: the objects named fill_in_* have no address yet; give each a host or subnet.',
        );
      }
      for (const o of fw.objects) pushAsaObject(lines, o, names);
      for (const g of fw.serviceGroups) {
        lines.push(`object-group service ${names.group(g)}`);
        for (const e of g.entries) {
          lines.push(` service-object ${e.protocol.toLowerCase()} destination ${portMatch(e.ports)}`);
        }
      }
      for (const [ingress, rules] of byIngress(fw, names)) {
        const acl = `${names.iface(ingress)}_access_in`;
        for (const named of rules) {
          const { rule } = named;
          pushRuleRemarks(lines, `access-list ${acl} `, named, remarks);
          if (rule.mixedFamilies) {
            lines.push(`access-list ${acl} remark NOT WRITTEN: one end is IPv4, the other IPv6`);
            continue;
          }
          const ends = `${asaEnd(rule.source, names)} ${asaEnd(rule.destination, names)}`;
          if (rule.group)
            lines.push(`access-list ${acl} extended permit object-group ${names.group(rule.group)} ${ends}`);
          else {
            const s = rule.services[0] as FirewallRule['services'][number];
            lines.push(
              `access-list ${acl} extended permit ${s.protocol.toLowerCase()} ${ends} ${portMatch(s.ports)}`,
            );
          }
        }
        lines.push(`access-group ${acl} in interface ${names.iface(ingress)}`);
      }
      return { path: `${names.file(fw)}.asa.txt`, content: `${lines.join('\n')}\n` };
    });
}

/** An end as an IOS entry names it; spelled once per object (an object is an end of many rules). */
function iosEnds(names: PlatformNames): (end: RuleEnd) => string {
  const spelled = new Map<AddressObject, string>();
  return (end) => {
    if (end.kind === 'any') return 'any';
    let text = spelled.get(end.object);
    if (text === undefined) {
      text = iosEnd(end.object, names);
      spelled.set(end.object, text);
    }
    return text;
  };
}

function iosEnd(o: AddressObject, names: PlatformNames): string {
  if (o.address === null) return `<${names.object(o)}>`;
  const { ip, prefix } = splitAddress(o.address);
  if (prefix === null) return `host ${ip}`;
  return o.family === 4 ? `${ip} ${wildcard(prefix)}` : o.address;
}

/** IOS access-list names: letters, digits, `_`, `-` and `.`, starting with a letter. */
export const IOS_NAMES: NameStyle = { maxLength: 64, extra: '_-.' };

/** Writes the IOS access lists of the firewalls in `only` (every firewall when absent). */
export function iosFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, IOS_NAMES, FILE_STYLE);
  const remarks = reasonWriter(set, remarkLines);
  const endOf = iosEnds(names);
  return set.firewalls
    .filter((fw) => !only || only.has(fw.firewall.id))
    .map((fw) => {
      const lines = header(set, fw, 'Cisco IOS extended access lists');
      const placeholders = fw.objects.filter((o) => o.address === null);
      if (placeholders.length > 0) {
        lines.push(
          '! TO FILL IN: an entry naming <fill_in_...> is a comment until that address is written in:',
        );
        for (const o of placeholders) {
          lines.push(`!   <${names.object(o)}> = ${cleanText(placeholderNote(o), LONG_TEXT)}`);
        }
      }
      for (const [ingress, rules] of byIngress(fw, names)) {
        const iface = names.iface(ingress);
        for (const family of [4, 6] as const) {
          const mine = rules.filter(
            ({ rule: r }) => (family === 4 ? r.family !== 6 : r.family === 6) || r.mixedFamilies,
          );
          if (family === 6 && mine.every(({ rule: r }) => r.family !== 6)) continue;
          const acl = family === 4 ? `${iface}_in` : `${iface}_in_v6`;
          lines.push(family === 4 ? `ip access-list extended ${acl}` : `ipv6 access-list ${acl}`);
          for (const named of mine) {
            const { rule } = named;
            if (family === 6 && rule.mixedFamilies) continue;
            pushRuleRemarks(lines, ' ', named, remarks);
            if (rule.mixedFamilies) {
              lines.push(' remark NOT WRITTEN: one end is IPv4, the other IPv6');
              continue;
            }
            const ends = `${endOf(rule.source)} ${endOf(rule.destination)}`;
            for (const s of rule.services) {
              const entry = `permit ${s.protocol.toLowerCase()} ${ends} ${portMatch(s.ports)}`;
              lines.push(rule.placeholders.length ? `! TO FILL IN:  ${entry}` : ` ${entry}`);
            }
          }
          lines.push(`! apply on the interface named ${iface}:`);
          lines.push(`!  ${family === 4 ? 'ip access-group' : 'ipv6 traffic-filter'} ${acl} in`);
        }
      }
      return { path: `${names.file(fw)}.ios.txt`, content: `${lines.join('\n')}\n` };
    });
}
