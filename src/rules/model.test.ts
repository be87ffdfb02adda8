import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { chain, client, firewall, makePlan, server, smtpHost } from '../test/factories';
import { generatePlan } from '../test/generatePlan';
import { gridPlan } from '../test/gridPlan';
import { firewallRules } from './model';
import { assignNames, cleanText, sanitizeName } from './naming';

function rulesOf(plan: ReturnType<typeof makePlan>) {
  return firewallRules(plan, analyzePlan(plan));
}

describe('grouping', () => {
  const plan = makePlan({
    nodes: [
      server('ex1', 's1', { name: 'EX1', address: '10.1.0.10', services: { internetMail: true } }),
      client('c1', 'ex1', { name: 'Users A', protocol: 'imap4', auth: 'ssl', address: 'any' }),
      client('c2', 'ex1', { name: 'Users B', protocol: 'imap4', auth: 'ssl', address: 'any' }),
      smtpHost('inet', { name: 'Internet', direction: 'inbound', address: 'any' }),
      client('c3', 'ex1', { name: 'No address', protocol: 'pop3' }),
      firewall('fw', { name: 'FW' }),
    ],
    links: [...chain('c1', 'fw', 'ex1'), ...chain('c2', 'fw'), ...chain('inet', 'fw'), ...chain('c3', 'fw')],
  });
  const [fw] = rulesOf(plan);

  it('writes identical rules once: two "any" clients and an "any" SMTP host share one rule to the server', () => {
    expect(fw?.matrixRows).toBe(7);
    const fromAny = fw?.rules.filter((r) => r.source.kind === 'any' && r.ingress === 'c1') ?? [];
    expect(fromAny).toHaveLength(1);
    expect(fromAny[0]?.services.map((s) => `${s.protocol} ${s.ports.from}`)).toEqual(['TCP 25', 'TCP 993']);
    expect(fromAny[0]?.group?.label).toBe('tcp_25_993');
  });

  it('gives an endpoint without an address a placeholder object, marked in the rule', () => {
    const rule = fw?.rules.find((r) => r.source.kind === 'object' && r.source.object.address === null);
    expect(rule?.placeholders.map((o) => o.key)).toEqual(['p:c3']);
    expect(rule?.label).toBe('No address to EX1');
    expect(fw?.objects.map((o) => o.key)).toEqual(['a:10.1.0.10', 'p:c3']);
  });

  it('keeps one rule per direction: ingress and egress differ, so do the rules', () => {
    const keys = fw?.rules.map((r) => `${r.label}|${r.ingress}|${r.egress}`) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(fw?.ruleLines).toBe(fw?.rules.reduce((n, r) => n + r.services.length, 0));
  });

  it('gives the same rules whatever the order of the plan arrays', () => {
    const reversed = { ...plan, nodes: [...plan.nodes].reverse(), links: [...plan.links].reverse() };
    expect(JSON.stringify(rulesOf(reversed))).toBe(JSON.stringify(rulesOf(plan)));
  });
});

describe('naming', () => {
  const style = { maxLength: 12, extra: '_-' };

  it('keeps letters and digits, folds accents, joins the rest with one underscore and starts with a letter', () => {
    expect(sanitizeName('Zürich "HQ"; #1', style)).toBe('Zurich_HQ_1');
    expect(sanitizeName('1st floor', style)).toBe('x_1st_floor');
    expect(sanitizeName('東京', style)).toBe('x');
    expect(sanitizeName('a'.repeat(40), style)).toHaveLength(12);
  });

  it('resolves collisions deterministically by sanitized name, then key, within the length limit', () => {
    const names = assignNames(
      [
        { key: 'b', name: 'EX 01' },
        { key: 'a', name: 'EX"01' },
        { key: 'c', name: 'ex_01' },
        { key: 'd', name: 'abcdefghijklmnop' },
        { key: 'e', name: 'abcdefghijklmnopq' },
      ],
      style,
    );
    expect(Object.fromEntries(names)).toEqual({
      a: 'EX_01',
      b: 'EX_01_2',
      c: 'ex_01_3',
      d: 'abcdefghijkl',
      e: 'abcdefghij_2',
    });
  });

  it('never uses a reserved word', () => {
    const names = assignNames([{ key: 'k', name: 'any' }], { ...style, reserved: ['ANY'] });
    expect(names.get('k')).toBe('any_2');
  });

  it('cleans comments: no line break, control character, bidi override or forbidden quote survives; cut to bytes', () => {
    expect(cleanText('a"b\\c\nd\u0000e\u202ef', { maxBytes: 100, forbidden: '"\\' })).toBe('abc d ef');
    expect(cleanText('é'.repeat(10), { maxBytes: 9 })).toBe('ééé…');
    expect(cleanText('Zürich ✓', { maxBytes: 50, ascii: true })).toBe('Zurich ?');
  });
});

describe('one firewall alone', () => {
  it('gets exactly its rules of the whole list, on a mesh where a flow crosses a firewall several ways', () => {
    for (const plan of [
      gridPlan(4, 3),
      gridPlan(4, 16, { spread: true }),
      generatePlan({ nodes: 300, seed: 11 }),
    ]) {
      const analysis = analyzePlan(plan);
      const whole = firewallRules(plan, analysis);
      expect(whole.length).toBeGreaterThan(3);
      // The mesh is the case where one flow meets a firewall from more than one side.
      if (plan.name.startsWith('Firewall grid')) {
        const twice = analysis.flows.some((f) => {
          const seen = new Set<string>();
          return f.crossings.some((c) => seen.size === seen.add(c.firewall).size);
        });
        expect(twice).toBe(true);
      }
      for (const fw of whole) expect(firewallRules(plan, analysis, new Set([fw.firewall.id]))).toEqual([fw]);
      const two = new Set(whole.slice(1, 3).map((fw) => fw.firewall.id));
      expect(firewallRules(plan, analysis, two)).toEqual(whole.slice(1, 3));
    }
  });
});
