import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { loadPlan } from '../model/load';
import { chain, client, firewall, makePlan, network, server, site } from '../test/factories';
import { gridPlan } from '../test/gridPlan';
import {
  ALL_FLOWS_CSV,
  type ExportInput,
  exportFileName,
  exportRefusal,
  FLOWS_JSON,
  fileNamePart,
  firewallPortMatrixCsv,
  PLAN_EXPORTS,
  PLAN_FILE,
  PORT_MATRIX_CSV,
} from './exports';

const HEADER =
  'Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason';

/** POP3 over SSL through a firewall, and a MAPI client on the LAN that crosses none. */
function input(): ExportInput {
  const plan = makePlan({
    name: 'Contoso Benelux',
    sites: [site('ams', { name: 'Amsterdam' })],
    nodes: [
      client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
      firewall('fw', { name: 'FW-EDGE' }),
      network('lan', { name: 'Amsterdam LAN' }),
      client('local', 'ex1', { name: 'Amsterdam Outlook users' }),
      server('ex1', 'ams', { name: 'EXAMS01', address: '10.1.0.10' }),
    ],
    links: [...chain('pop', 'fw', 'lan', 'ex1'), ...chain('local', 'lan')],
  });
  return { plan, analysis: analyzePlan(plan) };
}

describe('exportFileName', () => {
  it('makes a file name from the plan name', () => {
    expect(exportFileName('Contoso Benelux', 'port-matrix', 'csv')).toBe('contoso-benelux-port-matrix.csv');
    expect(exportFileName('  Amsterdam & Utrecht!! ', 'all-flows', 'csv')).toBe(
      'amsterdam-utrecht-all-flows.csv',
    );
    expect(exportFileName('Zürich Café', 'port-matrix', 'csv')).toBe('zurich-cafe-port-matrix.csv');
  });

  it('falls back to "plan" when the name has no letters or digits', () => {
    expect(exportFileName('', 'port-matrix', 'csv')).toBe('plan-port-matrix.csv');
    expect(exportFileName('=/\\', 'all-flows', 'csv')).toBe('plan-all-flows.csv');
  });

  it('keeps the stem short', () => {
    expect(exportFileName('a'.repeat(120), 'port-matrix', 'csv')).toBe(`${'a'.repeat(80)}-port-matrix.csv`);
  });
});

describe('the exports table', () => {
  it('has one entry per id and per command-line option', () => {
    const ids = PLAN_EXPORTS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const options = PLAN_EXPORTS.flatMap((f) => (f.cliOption ? [f.cliOption] : []));
    expect(new Set(options).size).toBe(options.length);
    expect(options).toEqual(['--all', '--json']);
  });

  it('offers the port matrix first, in the menu and beside the matrix', () => {
    expect(PLAN_EXPORTS[0]).toBe(PORT_MATRIX_CSV);
    expect(PLAN_EXPORTS.filter((f) => f.besideMatrix)).toEqual([PORT_MATRIX_CSV, ALL_FLOWS_CSV]);
    expect(PLAN_EXPORTS.filter((f) => f.inMenu)).toEqual([PORT_MATRIX_CSV, ALL_FLOWS_CSV, PLAN_FILE]);
  });

  it('names each file after the plan', () => {
    const plan = { name: 'Contoso Benelux' };
    expect(PLAN_EXPORTS.map((f) => f.fileName(plan))).toEqual([
      'contoso-benelux-port-matrix.csv',
      'contoso-benelux-all-flows.csv',
      'contoso-benelux.plan.json',
      'contoso-benelux-flows.json',
    ]);
  });

  it('renders the port matrix with only the rows that cross a firewall', () => {
    const lines = PORT_MATRIX_CSV.render(input()).split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.startsWith('FW-EDGE,Home POP3 users,'))).toBe(true);
  });

  it('renders all flows, the ones that cross no firewall too', () => {
    const text = ALL_FLOWS_CSV.render(input());
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(text).toContain('\r\n,Amsterdam Outlook users,,,EXAMS01,10.1.0.10,Amsterdam,TCP,');
    expect(text).toContain('\r\nFW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,');
  });

  it('renders the plan file, which loads back to the same plan', () => {
    const { plan, analysis } = input();
    expect(loadPlan(PLAN_FILE.render({ plan, analysis }))).toEqual({ ok: true, plan });
    expect(PLAN_FILE.mimeType).toBe('application/json');
  });

  it('renders flows and findings as JSON, firewalls by name', () => {
    const parsed = JSON.parse(FLOWS_JSON.render(input()));
    const pop3 = parsed.flows.find((f: { port: string }) => f.port === '995');
    expect(pop3).toMatchObject({
      source: { id: 'pop', name: 'Home POP3 users', address: 'any', site: null },
      destination: { id: 'ex1', name: 'EXAMS01', address: '10.1.0.10', site: 'Amsterdam' },
      protocol: 'TCP',
      firewalls: ['FW-EDGE'],
      crossings: [{ firewall: 'FW-EDGE', ingress: 'pop', egress: 'lan' }],
      routed: true,
    });
    expect(Array.isArray(parsed.findings)).toBe(true);
  });
});

describe('rendering for a terminal (SPEC §7)', () => {
  /** Names with ESC, C1 CSI and line breaks, as a hand-made file might carry them. */
  function trickyInput(): ExportInput {
    const { plan } = input();
    const names: Record<string, string> = { pop: 'Home\u001b[2J\u0085users', fw: 'FW\u009bEDGE\r\nX' };
    const tricky = { ...plan, nodes: plan.nodes.map((n) => ({ ...n, name: names[n.id] ?? n.name })) };
    return { plan: tricky, analysis: analyzePlan(tricky) };
  }

  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the test looks for
  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

  it('writes no control character but line ends to a terminal, from every export of the table', () => {
    for (const format of PLAN_EXPORTS) {
      const text = format.render({ ...trickyInput(), terminal: true });
      expect(text.replace(/\r?\n/g, ''), format.id).not.toMatch(CONTROL);
    }
    const csv = PORT_MATRIX_CSV.render({ ...trickyInput(), terminal: true });
    expect(csv).toContain('\r\nFW\\x9bEDGE\\x0d\\x0aX,Home\\x1b[2J\\x85users,any,');
  });

  it('writes the names exactly to a file or a pipe', () => {
    const csv = PORT_MATRIX_CSV.render(trickyInput());
    expect(csv).toContain('\r\n"FW\u009bEDGE\r\nX",Home\u001b[2J\u0085users,any,');
    const json = JSON.parse(FLOWS_JSON.render(trickyInput()));
    const pop3 = json.flows.find((f: { source: { id: string } }) => f.source.id === 'pop');
    expect(pop3.source.name).toBe('Home\u001b[2J\u0085users');
    expect(pop3.firewalls).toEqual(['FW\u009bEDGE\r\nX']);
    expect(FLOWS_JSON.render(trickyInput())).toContain('\u0085');
  });

  it('writes the same text to a terminal as to a file when no name holds a control character', () => {
    for (const format of PLAN_EXPORTS) {
      expect(format.render({ ...input(), terminal: true }), format.id).toBe(format.render(input()));
    }
  });
});

describe('a plan past the analysis limit (SPEC §4)', () => {
  it('has its port matrix and all-flows CSV refused, naming the limit, and keeps the plan file and the JSON', () => {
    const plan = gridPlan(4, 3);
    const limited: ExportInput = { plan, analysis: analyzePlan(plan, { crossingLimit: 20 }) };
    for (const format of [PORT_MATRIX_CSV, ALL_FLOWS_CSV]) {
      const refusal = exportRefusal(format, limited);
      expect(refusal).toContain(`No ${format.label} for this plan`);
      expect(refusal).toContain('more than 1,000,000 firewall crossings');
      expect(refusal).toContain('ANALYSIS_LIMIT');
    }
    expect(exportRefusal(PLAN_FILE, limited)).toBeNull();
    expect(exportRefusal(FLOWS_JSON, limited)).toBeNull();
    expect(FLOWS_JSON.render(limited)).toContain('"code": "ANALYSIS_LIMIT"');
  });

  it('refuses nothing for a plan the planner analysed', () => {
    for (const format of PLAN_EXPORTS) expect(exportRefusal(format, input())).toBeNull();
  });
});

describe('the port matrix of one firewall', () => {
  /** Two firewalls in a row: POP3 crosses both. */
  function twoFirewalls(): ExportInput {
    const plan = makePlan({
      name: 'Contoso Benelux',
      sites: [site('ams', { name: 'Amsterdam' })],
      nodes: [
        client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
        firewall('fw', { name: 'FW-EDGE' }),
        firewall('fw2', { name: 'Pare-feu Zürich / 2' }),
        server('ex1', 'ams', { name: 'EXAMS01', address: '10.1.0.10' }),
      ],
      links: chain('pop', 'fw', 'fw2', 'ex1'),
    });
    return { plan, analysis: analyzePlan(plan) };
  }

  it("holds that firewall's rows only, the header first", () => {
    const all = PORT_MATRIX_CSV.render(twoFirewalls()) as string;
    const one = firewallPortMatrixCsv({ id: 'fw', name: 'FW-EDGE' }).render(twoFirewalls()) as string;
    const lines = one.trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.startsWith('FW-EDGE,'))).toBe(true);
    const allRows = all.trim().split(/\r?\n/).slice(1);
    expect(lines.slice(1)).toEqual(allRows.filter((line) => line.startsWith('FW-EDGE,')));
    expect(allRows.length).toBeGreaterThan(lines.length - 1);
  });

  it('is named after the plan and the firewall, sanitized', () => {
    const { plan } = twoFirewalls();
    expect(firewallPortMatrixCsv({ id: 'fw', name: 'FW-EDGE' }).fileName(plan)).toBe(
      'contoso-benelux-port-matrix-FW-EDGE.csv',
    );
    expect(firewallPortMatrixCsv({ id: 'fw2', name: 'Pare-feu Zürich / 2' }).fileName(plan)).toBe(
      'contoso-benelux-port-matrix-Pare-feu-Zurich-2.csv',
    );
    expect(firewallPortMatrixCsv({ id: 'fw9', name: '../..' }).fileName(plan)).toBe(
      'contoso-benelux-port-matrix-fw9.csv',
    );
    expect(fileNamePart('a/b\\c:d*e?')).toBe('a-b-c-d-e');
  });
});
