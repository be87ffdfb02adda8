/**
 * Where a finding's message holds a name the user gave (findingNameSpans):
 * the planner isolates each (SPEC §2), so these spans must cover every name
 * and nothing else, while the message itself stays exactly as specified.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { client, link, makePlan, network, server } from '../test/factories';
import { generatePlan } from '../test/generatePlan';
import { gridPlan } from '../test/gridPlan';
import { analyzePlan } from './analyze';
import { findingNameSpans } from './findingCatalog';
import type { Finding } from './types';

const RLO = '\u202e';

function names(finding: Finding): string[] {
  const spans = findingNameSpans(finding);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(finding.message.slice(spans[i], spans[i + 1]));
  return out;
}

function pop3On40(clientName: string): Plan {
  return makePlan({
    nodes: [
      server('s', 'A', { name: 'EX01', exchange: '4.0' }),
      client('c', 's', { name: clientName, protocol: 'pop3', sendsMail: false }),
      network('lan'),
    ],
    links: [link('c', 'lan'), link('lan', 's')],
  });
}

describe('the names in a finding message', () => {
  it('are marked where they stand, a right-to-left override among them, and the message keeps its words', () => {
    const [finding] = analyzePlan(pop3On40(`${RLO}Users`)).findings;
    if (!finding) throw new Error('no finding');
    expect(finding.message).toBe(
      `${RLO}Users uses POP3, but EX01 runs Exchange 4.0 and POP3 needs Exchange 5.0 or later (KB 176466). Upgrade EX01 or point ${RLO}Users at a server that runs 5.0 or later.`,
    );
    expect(names(finding)).toEqual([`${RLO}Users`, 'EX01', 'EX01', `${RLO}Users`]);
    expect(findingNameSpans(finding).slice(0, 4)).toEqual([0, 6, 22, 26]);
  });

  it('leave out the space before a connector name, and mark every name of a list', () => {
    const plan = makePlan({
      nodes: [
        server('a', 'A', { name: 'EXA', rfc1006Port: 102 }),
        server('b', 'B', { name: 'EXB', rfc1006Port: 2000 }),
        network('wan'),
      ],
      links: [link('a', 'wan'), link('wan', 'b')],
      connectors: [{ id: 'k1', type: 'x400', a: 'a', b: 'b', name: 'AMS-BRU' }],
    });
    const [finding] = analyzePlan(plan).findings;
    if (!finding) throw new Error('no finding');
    expect(names(finding)).toEqual(['AMS-BRU', 'EXA', 'EXB']);

    const grid = analyzePlan(gridPlan(3, 1)).findings.find((f) => f.code === 'MAPI_NOTIFICATIONS_UDP');
    if (!grid) throw new Error('no MAPI_NOTIFICATIONS_UDP');
    const firewalls = Array.from({ length: 9 }, (_, k) => `FW ${Math.floor(k / 3)}-${k % 3}`);
    expect(names(grid)).toEqual(['Client 0', 'EX1', ...firewalls, 'EX1', 'Client 0', 'Client 0', 'Client 0']);
  });

  it('name the endpoints ANALYSIS_LIMIT names', () => {
    const limited = analyzePlan(gridPlan(4, 3), { crossingLimit: 20 }).findings[0];
    if (!limited) throw new Error('no finding');
    expect(limited.code).toBe('ANALYSIS_LIMIT');
    expect(names(limited).slice(0, 2)).toEqual(['Client 0', 'EX1']);
  });

  it('are only names or ids of the plan, in order and apart, for generated organizations', () => {
    for (const seed of [1, 2, 3]) {
      const plan = generatePlan({ nodes: 150, seed });
      const known = new Set(
        [...plan.nodes, ...plan.sites, ...plan.connectors].flatMap((o) => [o.id, o.name ?? o.id]),
      );
      const findings = analyzePlan(plan).findings;
      expect(findings.some((f) => findingNameSpans(f).length > 0)).toBe(true);
      for (const f of findings) {
        const spans = findingNameSpans(f);
        for (let i = 1; i < spans.length; i++)
          expect(spans[i]).toBeGreaterThanOrEqual(spans[i - 1] as number);
        for (const name of names(f)) expect(known.has(name)).toBe(true);
      }
    }
  });

  it('are not marked, and the message is unchanged, for a name holding a character the marks use', () => {
    // The schema refuses control characters in names; the engine still answers for such a plan.
    const [finding] = analyzePlan(pop3On40('Us\u0001ers')).findings;
    if (!finding) throw new Error('no finding');
    expect(finding.message.startsWith('Us\u0001ers uses POP3')).toBe(true);
    expect(findingNameSpans(finding)).toEqual([]);
  });
});
