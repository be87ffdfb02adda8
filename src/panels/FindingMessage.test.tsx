import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { client, link, makePlan, network, server } from '../test/factories';
import { gridPlan } from '../test/gridPlan';
import { FindingMessage, messageParts } from './FindingMessage';

const RLO = '\u202e';

describe('a finding message as the planner draws it', () => {
  it('isolates each name in a <bdi>, so a right-to-left override stays inside its name', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'EX01', exchange: '4.0' }),
        client('c', 's', { name: `${RLO}Users`, protocol: 'pop3', sendsMail: false }),
        network('lan'),
      ],
      links: [link('c', 'lan'), link('lan', 's')],
    });
    const [finding] = analyzePlan(plan).findings;
    if (!finding) throw new Error('no finding');
    expect(renderToStaticMarkup(<FindingMessage finding={finding} />)).toBe(
      `<bdi>${RLO}Users</bdi> uses POP3, but <bdi>EX01</bdi> runs Exchange 4.0 and POP3 needs Exchange 5.0 or later (KB 176466). Upgrade <bdi>EX01</bdi> or point <bdi>${RLO}Users</bdi> at a server that runs 5.0 or later.`,
    );
  });

  it('shortens a list of very many names to its first eight and how many more, unless shown whole', () => {
    const finding = analyzePlan(gridPlan(4, 1)).findings.find((f) => f.code === 'MAPI_NOTIFICATIONS_UDP');
    if (!finding) throw new Error('no MAPI_NOTIFICATIONS_UDP');
    const short = messageParts(finding);
    expect(short.filter((p) => p.kind === 'name')).toHaveLength(2 + 8 + 4);
    expect(short).toContainEqual({ kind: 'more', count: 8 });
    const html = renderToStaticMarkup(<FindingMessage finding={finding} />);
    expect(html).toContain(
      '<bdi>FW 1-2</bdi>, <bdi>FW 1-3</bdi> and <span class="text-slate-500">8 more</span>:',
    );
    const whole = messageParts(finding, { whole: true });
    expect(whole.filter((p) => p.kind === 'name')).toHaveLength(2 + 16 + 4);
    expect(whole.map((p) => (p.kind === 'more' ? '' : p.text)).join('')).toBe(finding.message);
  });
});
