import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import type { Plan } from '../model/types';
import { chain, client, firewall, link, makePlan, network, server } from '../test/factories';
import { generatePlan } from '../test/generatePlan';
import { exposureText, firewallExposure } from './exposure';
import { firewallRuleCounts, firewallRules } from './model';

function exposureOf(plan: Plan, id = 'fw') {
  const count = firewallRuleCounts(plan, analyzePlan(plan)).get(id);
  if (!count) throw new Error(`no firewall ${id}`);
  return firewallExposure(count);
}

describe('firewallExposure', () => {
  it('counts the rules and names the widest range they open', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        client('mapi', 's', { sendsMail: false }),
        client('pop', 's', { protocol: 'pop3', auth: 'ssl', sendsMail: false }),
        firewall('fw'),
      ],
      links: [...chain('mapi', 'fw', 's'), link('pop', 'fw')],
    });
    const e = exposureOf(plan);
    expect(e.rules).toBe(2);
    expect(e.widest).toEqual({ protocol: 'TCP', ports: { from: 1024, to: 65535 } });
    expect(e.text).toBe('2 rules · opens 1024-65535');
  });

  it('names up to three single ports, lowest first, and how many more', () => {
    const pop = makePlan({
      nodes: [server('s', 'A'), client('c', 's', { protocol: 'pop3', auth: 'ssl' }), firewall('fw')],
      links: chain('c', 'fw', 's'),
    });
    expect(exposureOf(pop).text).toBe('1 rule · opens 25, 995');
    const many = makePlan({
      nodes: [
        server('s', 'A', { services: { internetMail: true } }),
        client('p', 's', { protocol: 'pop3', auth: 'basic' }),
        client('i', 's', { protocol: 'imap4', auth: 'ssl' }),
        client('l', 's', { protocol: 'ldap', sendsMail: false }),
        firewall('fw'),
        network('lan'),
      ],
      links: [...chain('lan', 'fw', 's'), link('p', 'lan'), link('i', 'lan'), link('l', 'lan')],
    });
    expect(exposureOf(many).text).toBe('3 rules · opens 25, 110, 389 +1');
  });

  it('says a firewall no flow crosses needs no rules', () => {
    const plan = makePlan({ nodes: [firewall('fw')] });
    expect(exposureOf(plan)).toEqual({ rules: 0, widest: null, text: 'No rules' });
  });

  it('counts the rules firewallRules writes, and what they open, on generated plans', () => {
    for (const seed of [1, 2, 3]) {
      const plan = generatePlan({ nodes: 150, seed });
      const analysis = analyzePlan(plan);
      const counts = firewallRuleCounts(plan, analysis);
      const written = firewallRules(plan, analysis);
      expect(written.length).toBeGreaterThan(0);
      expect(counts.size).toBe(written.length);
      for (const fw of written) {
        const count = counts.get(fw.firewall.id);
        expect(count?.rules).toBe(fw.rules.length);
        const opened = new Set(
          fw.rules.flatMap((r) => r.services.map((s) => `${s.protocol} ${s.ports.from}-${s.ports.to}`)),
        );
        expect(new Set(count?.opened.map((e) => `${e.protocol} ${e.ports.from}-${e.ports.to}`))).toEqual(
          opened,
        );
      }
    }
  });
});

describe('exposureText', () => {
  it('writes counts with a comma between thousands, as en-US does', () => {
    const opened = [{ protocol: 'TCP' as const, ports: { from: 1024, to: 65535 } }];
    expect(exposureText(2400, 'matrix row', opened).text).toBe('2,400 matrix rows · opens 1024-65535');
    expect(exposureText(1_234_567, 'rule', opened).text).toBe('1,234,567 rules · opens 1024-65535');
    expect(exposureText(999, 'rule', []).text).toBe('999 rules');
    expect(exposureText(1, 'rule', []).text).toBe('1 rule');
  });
});
