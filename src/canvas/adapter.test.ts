import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import type { Flow } from '../engine/types';
import type { Plan } from '../model/types';
import { exposureText, firewallExposure } from '../rules/exposure';
import { firewallRuleCounts, firewallRules } from '../rules/model';
import { updateNode } from '../store/planEdits';
import { chain, client, connector, firewall, link, makePlan, network, server, site } from '../test/factories';
import { generatePlan } from '../test/generatePlan';
import { gridPlan } from '../test/gridPlan';
import {
  type AdapterInput,
  type CanvasEdge,
  type CanvasNode,
  type ConnectorData,
  createAdapter,
  type LinkData,
  type PlanNodeData,
} from './adapter';
import { canvasFacts, portBadges, RULES_ON_CANVAS } from './derive';
import { emphasisOf } from './emphasis';

const at = (x: number, y: number) => ({ position: { x, y } });

/** Two sites, a client behind a firewall, an X.400 connector with mismatched RFC1006 ports. */
function samplePlan(): Plan {
  return makePlan({
    sites: [
      site('ams', { name: 'Amsterdam', position: { x: 400, y: 0 }, size: { width: 500, height: 300 } }),
      site('utr', { name: 'Utrecht', position: { x: 1200, y: 0 }, size: { width: 400, height: 300 } }),
    ],
    nodes: [
      client('pop', 'ex1', { name: 'POP users', protocol: 'pop3', auth: 'ssl', ...at(0, 100) }),
      client('out', 'ex1', { name: 'Outlook', protocol: 'mapi', ...at(0, 250) }),
      firewall('fw', { name: 'FW-EDGE', ...at(200, 100) }),
      network('lan', { name: 'LAN', site: 'ams', ...at(450, 100) }),
      server('ex1', 'ams', { name: 'EX1', servicePack: 2, ...at(650, 100) }),
      server('ex2', 'utr', { name: 'EX2', rfc1006Port: 1102, ...at(1300, 100) }),
      client('lost', null, { name: 'Lost', ...at(0, 500) }),
    ],
    links: [...chain('pop', 'fw', 'lan', 'ex1'), link('out', 'fw'), link('lan', 'ex2')],
    connectors: [connector('x400', 'ex1', 'ex2', 'k1')],
  });
}

function input(plan: Plan, extra: Partial<AdapterInput> = {}): AdapterInput {
  return {
    plan,
    analysis: analyzePlan(plan),
    selection: new Set(),
    emphasis: null,
    measured: new Map(),
    ...extra,
  };
}

function nodeById(nodes: readonly CanvasNode[], id: string): CanvasNode {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function edgeById(edges: readonly CanvasEdge[], id: string): CanvasEdge {
  const edge = edges.find((e) => e.id === id);
  if (!edge) throw new Error(`no edge ${id}`);
  return edge;
}

describe('adapter: nodes', () => {
  it('puts sites first and draws a node inside its site relative to it', () => {
    const { nodes } = createAdapter()(input(samplePlan()));
    expect(nodes.slice(0, 2).map((n) => n.type)).toEqual(['site', 'site']);
    const lan = nodeById(nodes, 'lan');
    expect(lan.parentId).toBe('ams');
    expect(lan.position).toEqual({ x: 50, y: 100 });
    const fw = nodeById(nodes, 'fw');
    expect(fw.parentId).toBeUndefined();
    expect(fw.position).toEqual({ x: 200, y: 100 });
    expect(nodeById(nodes, 'ams')).toMatchObject({ width: 500, height: 300, position: { x: 400, y: 0 } });
  });

  it('shows a server with its version and site, a client with its protocol and a firewall with its exposure', () => {
    const { nodes } = createAdapter()(input(samplePlan()));
    expect(nodeById(nodes, 'ex1').data).toMatchObject({ detail: 'Exchange 5.5 SP2', note: 'Amsterdam' });
    expect(nodeById(nodes, 'pop').data).toMatchObject({ detail: 'POP3 · SSL', note: 'uses EX1' });
    const fw = nodeById(nodes, 'fw').data as PlanNodeData;
    // One rule per client to EX1: POP3 over SSL 995 and SMTP 25; the MAPI client's 135 and the dynamic range.
    expect(fw.ruleCount).toBe(2);
    expect(fw.detail).toBe('2 rules · opens 1024-65535');
    expect(nodeById(nodes, 'fw').ariaLabel).toMatch(/^Firewall FW-EDGE, 2 rules · opens 1024-65535/);
  });

  it('says a firewall no flow crosses needs no rules', () => {
    const plan = makePlan({ nodes: [firewall('idle', { name: 'FW-IDLE' })] });
    expect(nodeById(createAdapter()(input(plan)).nodes, 'idle').data).toMatchObject({
      ruleCount: 0,
      detail: 'No rules',
    });
  });

  it('marks a node with findings by count and worst severity', () => {
    const { nodes } = createAdapter()(input(samplePlan()));
    const lost = nodeById(nodes, 'lost');
    expect((lost.data as PlanNodeData).mark).toEqual({ count: 1, severity: 'error' });
    expect(lost.ariaLabel).toMatch(/1 finding$/);
    expect((nodeById(nodes, 'lan').data as PlanNodeData).mark).toBeNull();
  });

  it('reflects the selection on nodes and edges', () => {
    const { nodes, edges } = createAdapter()(input(samplePlan(), { selection: new Set(['fw', 'k1']) }));
    expect(nodeById(nodes, 'fw').selected).toBe(true);
    expect(nodeById(nodes, 'lan').selected).toBe(false);
    expect(edgeById(edges, 'k1').selected).toBe(true);
  });
});

describe('adapter: edges', () => {
  it('puts port badges on firewall edges only, sorted, dynamic ranges as warnings', () => {
    const { edges } = createAdapter()(input(samplePlan()));
    const outFw = edgeById(edges, 'l.out.fw').data as LinkData;
    expect(outFw.badges).toEqual([
      { text: '135', tone: 'neutral' },
      { text: '1024-65535', tone: 'warning' },
    ]);
    const popFw = edgeById(edges, 'l.pop.fw').data as LinkData;
    expect(popFw.badges?.map((b) => b.text)).toEqual(['25', '995']);
    expect((edgeById(edges, 'l.lan.ex1').data as LinkData).badges).toBeNull();
    expect(edgeById(edges, 'l.pop.fw').ariaLabel).toBe('Link POP users – FW-EDGE, ports 25, 995');
  });

  it('draws a connector as its own edge with its kind and RFC1006 ports', () => {
    const { edges } = createAdapter()(input(samplePlan()));
    const k1 = edgeById(edges, 'k1');
    expect(k1.type).toBe('connector');
    expect(k1).toMatchObject({ source: 'ex1', target: 'ex2' });
    const data = k1.data as ConnectorData;
    expect(data.label).toBe('X.400 connector');
    expect(data.ports).toBe('102 ≠ 1102');
    expect(data.mark?.severity).toBe('error');
  });
});

describe('adapter: stable objects', () => {
  it('returns the same arrays when nothing drawn changed', () => {
    const adapt = createAdapter();
    const plan = samplePlan();
    const first = adapt(input(plan));
    const second = adapt(input(plan, { selection: new Set() }));
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
  });

  it('rebuilds only the node that changed', () => {
    const adapt = createAdapter();
    const plan = samplePlan();
    const first = adapt(input(plan));
    const renamed = updateNode(plan, 'lan', { name: 'Amsterdam LAN' });
    const second = adapt(input(renamed));
    expect(second.nodes).not.toBe(first.nodes);
    for (const [i, node] of second.nodes.entries()) {
      if (node.id === 'lan') expect(node).not.toBe(first.nodes[i]);
      else expect(node).toBe(first.nodes[i]);
    }
  });

  it('rebuilds a node when its selection or measured size changes, and the others not', () => {
    const adapt = createAdapter();
    const plan = samplePlan();
    const first = adapt(input(plan));
    const selected = adapt(input(plan, { selection: new Set(['ex2']) }));
    expect(nodeById(selected.nodes, 'ex2')).not.toBe(nodeById(first.nodes, 'ex2'));
    expect(nodeById(selected.nodes, 'ex1')).toBe(nodeById(first.nodes, 'ex1'));
    const measured = adapt(
      input(plan, { selection: new Set(['ex2']), measured: new Map([['ex1', { width: 150, height: 60 }]]) }),
    );
    expect(nodeById(measured.nodes, 'ex1').measured).toEqual({ width: 150, height: 60 });
    expect(nodeById(measured.nodes, 'ex2')).toBe(nodeById(selected.nodes, 'ex2'));
  });

  it('redraws the badges of an edge when a change elsewhere changes its flows', () => {
    const adapt = createAdapter();
    const plan = samplePlan();
    const first = adapt(input(plan));
    const imap = updateNode(plan, 'pop', { protocol: 'imap4' });
    const second = adapt(input(imap));
    expect((edgeById(second.edges, 'l.pop.fw').data as LinkData).badges?.map((b) => b.text)).toEqual([
      '25',
      '993',
    ]);
    expect(edgeById(second.edges, 'l.out.fw')).toBe(edgeById(first.edges, 'l.out.fw'));
  });
});

describe('adapter: a highlighted flow', () => {
  it("marks the flow's port on the links of its path only", () => {
    const plan = samplePlan();
    const analysis = analyzePlan(plan);
    const flow = analysis.flows.find((f) => f.source === 'pop' && f.ports.from === 995);
    if (!flow) throw new Error('no POP3 over SSL flow');
    const highlight = { kind: 'flow', flowId: flow.id, firewallId: 'fw' } as const;
    const { edges } = createAdapter()(
      input(plan, { emphasis: emphasisOf(plan, analysis, [], highlight), highlightPort: '995' }),
    );
    expect((edgeById(edges, 'l.pop.fw').data as LinkData).activePort).toBe('995');
    expect((edgeById(edges, 'l.out.fw').data as LinkData).activePort).toBeNull();
    expect((edgeById(edges, 'l.out.fw').data as LinkData).tone).toBe('dim');
  });
});

describe('portBadges', () => {
  const flow = (from: number, to: number, status: Flow['status'] = 'ok'): Flow => ({
    id: `${from}-${to}-${status}`,
    source: 'a',
    destination: 'b',
    protocol: 'TCP',
    ports: { from, to },
    dynamic: false,
    service: 's',
    reason: 'r',
    relationship: { kind: 'intrasite', from: 'a', to: 'b' },
    firewalls: [],
    crossings: [],
    links: [],
    routed: true,
    status,
  });

  it('lists distinct ports numerically, a single port before a range that starts at it', () => {
    const badges = portBadges([
      flow(1024, 65535),
      flow(135, 135),
      flow(25, 25),
      flow(1024, 1024),
      flow(135, 135),
    ]);
    expect(badges.map((b) => b.text)).toEqual(['25', '135', '1024', '1024-65535']);
  });

  it('colours a port red when any flow using it is broken', () => {
    const badges = portBadges([flow(102, 102), flow(102, 102, 'error'), flow(25, 25, 'warning')]);
    expect(badges).toEqual([
      { text: '25', tone: 'warning' },
      { text: '102', tone: 'error' },
    ]);
  });
});

describe('canvasFacts', () => {
  it('gives each firewall edge the badges of its flows and each firewall its exposure, in rules or, past the limit, in matrix rows', () => {
    // The 500-node plan has about 1,900 crossings: past RULES_ON_CANVAS, so counted in rows.
    const plans = [
      generatePlan({ nodes: 200, seed: 7 }),
      gridPlan(4, 5, { spread: true }),
      generatePlan({ nodes: 500, seed: 7 }),
    ];
    for (const plan of plans) {
      const analysis = analyzePlan(plan);
      const facts = canvasFacts(plan, analysis);
      const flowsOf = (list: readonly number[] | undefined) =>
        (list ?? []).map((i) => analysis.flows[i] as Flow);
      const firewalls = new Set(plan.nodes.filter((n) => n.type === 'firewall').map((n) => n.id));
      for (const l of plan.links) {
        if (!firewalls.has(l.a) && !firewalls.has(l.b)) expect(facts.badgesByLink.has(l.id)).toBe(false);
        else
          expect(facts.badgesByLink.get(l.id)).toEqual(portBadges(flowsOf(analysis.flowsByLink.get(l.id))));
      }
      const crossings = [...analysis.flowsByFirewall.values()].reduce((n, list) => n + list.length, 0);
      const grouped = new Map(firewallRules(plan, analysis).map((fw) => [fw.firewall.id, fw] as const));
      for (const fw of firewalls) {
        const rows = analysis.flowsByFirewall.get(fw) ?? [];
        const rules = grouped.get(fw);
        if (crossings <= RULES_ON_CANVAS || rows.length === 0) {
          // From the rules as written, so the canvas's cheaper count is checked against them.
          const exposure = rules
            ? firewallExposure({ rules: rules.rules.length, opened: rules.rules.flatMap((r) => r.services) })
            : { rules: 0, text: 'No rules' };
          expect(facts.exposureByFirewall.get(fw)).toEqual({ count: exposure.rules, text: exposure.text });
        } else {
          const { text } = exposureText(rows.length, 'matrix row', flowsOf(rows));
          expect(facts.exposureByFirewall.get(fw)).toEqual({ count: rows.length, text });
        }
      }
      // A new plan with the same analysis (a rename not yet analysed) reuses every badge list.
      const renamed = { ...plan, name: 'renamed' };
      const again = canvasFacts(renamed, analysis);
      for (const [id, badges] of facts.badgesByLink) expect(again.badgesByLink.get(id)).toBe(badges);
    }
  });
});

describe('canvasFacts of a plan past the analysis limit', () => {
  it('gives every firewall no rules, as the rules model would', () => {
    const plan = gridPlan(4, 3);
    const analysis = analyzePlan(plan, { crossingLimit: 20 });
    expect(analysis.flows).toEqual([]);
    const facts = canvasFacts(plan, analysis);
    const counts = firewallRuleCounts(plan, analysis);
    expect(facts.exposureByFirewall.size).toBe(16);
    for (const [id, exposure] of facts.exposureByFirewall) {
      expect(exposure).toEqual({ count: 0, text: 'No rules' });
      const count = counts.get(id);
      expect(count && firewallExposure(count)).toEqual({ rules: 0, widest: null, text: 'No rules' });
    }
  });
});

describe('emphasisOf', () => {
  const plan = samplePlan();
  const analysis = analyzePlan(plan);

  it('emphasises nothing without a highlight or a selected firewall', () => {
    expect(emphasisOf(plan, analysis, ['lan'], null)).toBeNull();
  });

  it('emphasises the paths of the flows through a selected firewall', () => {
    const ids = emphasisOf(plan, analysis, ['fw'], null);
    expect(ids).not.toBeNull();
    for (const id of ['fw', 'pop', 'out', 'lan', 'ex1', 'l.pop.fw', 'l.fw.lan', 'l.lan.ex1', 'l.out.fw']) {
      expect(ids?.has(id)).toBe(true);
    }
    // The X.400 connector's flows go lan–ex2, not through the firewall.
    expect(ids?.has('l.lan.ex2')).toBe(false);
    expect(ids?.has('k1')).toBe(false);
  });

  it('emphasises, for a selected firewall, exactly what walking each of its flows gives', () => {
    for (const big of [generatePlan({ nodes: 200, seed: 5 }), gridPlan(5, 6, { spread: true })]) {
      const bigAnalysis = analyzePlan(big);
      const ends = new Map(big.links.map((l) => [l.id, l] as const));
      for (const fw of [...bigAnalysis.flowsByFirewall.keys()].slice(0, 6)) {
        const walked = new Set<string>([fw]);
        for (const i of bigAnalysis.flowsByFirewall.get(fw) ?? []) {
          const flow = bigAnalysis.flows[i] as Flow;
          for (const id of [flow.source, flow.destination, ...flow.firewalls, ...flow.links]) walked.add(id);
          for (const id of flow.links)
            for (const end of [ends.get(id)?.a, ends.get(id)?.b]) if (end) walked.add(end);
          const r = flow.relationship;
          if (r.kind === 'siteConnector' || r.kind === 'x400Connector') walked.add(r.connector);
        }
        expect([...(emphasisOf(big, bigAnalysis, [fw], null) ?? [])].sort()).toEqual([...walked].sort());
      }
    }
  });

  it('emphasises nothing for a selected firewall no flow crosses', () => {
    const idle = makePlan({ nodes: [...plan.nodes, firewall('idle')] });
    expect(emphasisOf(idle, analyzePlan(idle), ['idle'], null)).toBeNull();
  });

  it('emphasises one flow and its connector', () => {
    const x400 = analysis.flows.find((f) => f.relationship.kind === 'x400Connector');
    if (!x400) throw new Error('no X.400 flow');
    const ids = emphasisOf(plan, analysis, [], { kind: 'flow', flowId: x400.id, firewallId: null });
    expect([...(ids ?? [])].sort()).toEqual(['ex1', 'ex2', 'k1', 'l.lan.ex1', 'l.lan.ex2', 'lan']);
  });

  it('emphasises the paths of every flow a firewall rule permits, and nothing when they are gone', () => {
    const through = (analysis.flowsByFirewall.get('fw') ?? []).map((i) => analysis.flows[i] as Flow);
    const fromPop = through.filter((f) => f.source === 'pop');
    expect(fromPop.length).toBeGreaterThan(0);
    const ids = emphasisOf(plan, analysis, [], {
      kind: 'rule',
      flowIds: fromPop.map((f) => f.id),
      firewallId: 'fw',
    });
    for (const id of ['pop', 'fw', 'ex1', 'l.pop.fw', 'l.fw.lan', 'l.lan.ex1'])
      expect(ids?.has(id)).toBe(true);
    expect(ids?.has('out')).toBe(false);
    expect(emphasisOf(plan, analysis, [], { kind: 'rule', flowIds: ['gone'], firewallId: 'fw' })).toBeNull();
  });

  it("emphasises a finding's subjects", () => {
    const index = analysis.findings.findIndex((f) => f.code === 'CLIENT_WITHOUT_SERVER');
    const ids = emphasisOf(plan, analysis, [], { kind: 'finding', index });
    expect(ids?.has('lost')).toBe(true);
    expect(ids?.has('fw')).toBe(false);
  });
});
