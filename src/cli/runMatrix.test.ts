import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../engine/types';
import { ALL_FLOWS_CSV, FLOWS_JSON, PORT_MATRIX_CSV } from '../io/exports';
import type { Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';
import { chain, client, connector, firewall, makePlan, network, server, site } from '../test/factories';
import { gridPlan } from '../test/gridPlan';
import { type CliIo, findingLine, MATRIX_USAGE, parseMatrixArgs, runMatrixCli } from './runMatrix';

const HEADER =
  'Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason';

interface FakeRun {
  status: number;
  stdout: string;
  stderr: string;
  reads: { path: string; maxBytes: number }[];
}

/** Runs the command against in-memory files. */
async function run(
  argv: string[],
  files: Record<string, string> = {},
  stdoutIsTerminal = false,
): Promise<FakeRun> {
  let stdout = '';
  let stderr = '';
  const reads: FakeRun['reads'] = [];
  const io: CliIo = {
    readFile: async (path, maxBytes) => {
      reads.push({ path, maxBytes });
      const text = files[path];
      if (text === undefined) throw new Error('no such file');
      return text;
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTerminal,
  };
  const status = await runMatrixCli(argv, io);
  return { status, stdout, stderr, reads };
}

/** POP3 over SSL through one firewall to a server with the Internet Mail Service: no findings. */
function pop3Plan(): Plan {
  return makePlan({
    sites: [site('ams', { name: 'Amsterdam' })],
    nodes: [
      client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
      firewall('fw', { name: 'FW-EDGE' }),
      server('ex1', 'ams', { name: 'EXAMS01', services: { internetMail: true }, address: '10.1.0.10' }),
    ],
    links: chain('pop', 'fw', 'ex1'),
  });
}

/** Two sites over an X.400 connector whose RFC1006 ports differ. */
function mismatchPlan(): Plan {
  return makePlan({
    sites: [site('ams', { name: 'Amsterdam' }), site('bru', { name: 'Brussels' })],
    nodes: [
      server('a', 'ams', { name: 'EXAMS01', address: '10.1.0.10' }),
      firewall('fw', { name: 'FW-WAN' }),
      server('b', 'bru', { name: 'EXBRU01', rfc1006Port: 1002, address: '10.2.0.10' }),
    ],
    links: chain('a', 'fw', 'b'),
    connectors: [connector('x400', 'a', 'b')],
  });
}

/** A MAPI client on the LAN and one behind a firewall, to a server with dynamic RPC ports. */
function mapiPlan(): Plan {
  return makePlan({
    sites: [site('ams', { name: 'Amsterdam' })],
    nodes: [
      client('remote', 'ex1', { name: 'Branch Outlook users' }),
      firewall('fw', { name: 'FW-BRANCH' }),
      network('lan', { name: 'Amsterdam LAN' }),
      client('local', 'ex1', { name: 'Amsterdam Outlook users' }),
      server('ex1', 'ams', { name: 'EXAMS01' }),
    ],
    links: [...chain('remote', 'fw', 'lan', 'ex1'), ...chain('local', 'lan')],
  });
}

const json = (plan: unknown) => JSON.stringify(plan);

describe('runMatrixCli', () => {
  it('writes the port matrix CSV and exits 0 when there is no finding', async () => {
    const r = await run(['plan.json'], { 'plan.json': json(pop3Plan()) });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe(
      'FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,25,SMTP,"Home POP3 users sends mail through the Internet Mail Service on EXAMS01 over SMTP (KB 176466, scenario 1: POP3 clients)."',
    );
    expect(lines[2]).toBe(
      'FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,"Home POP3 users retrieves mail from EXAMS01 over POP3 with SSL (KB 176466, scenario 1: POP3 clients)."',
    );
    expect(lines.slice(3)).toEqual(['']);
  });

  it('reads the file with the 5 MB limit of a plan file', async () => {
    const r = await run(['plan.json'], { 'plan.json': json(pop3Plan()) });
    expect(r.reads).toEqual([{ path: 'plan.json', maxBytes: PLAN_LIMITS.fileBytes }]);
    expect(PLAN_LIMITS.fileBytes).toBe(5 * 1024 * 1024);
  });

  it('exits 1 on an error finding, still writes the matrix, and prints the finding on stderr', async () => {
    const r = await run(['plan.json'], { 'plan.json': json(mismatchPlan()) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '\r\nFW-WAN,EXAMS01,10.1.0.10,Amsterdam,EXBRU01,10.2.0.10,Brussels,TCP,1002,X.400 (RFC1006),',
    );
    expect(r.stdout).toContain(
      '\r\nFW-WAN,EXBRU01,10.2.0.10,Brussels,EXAMS01,10.1.0.10,Amsterdam,TCP,102,X.400 (RFC1006),',
    );
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error RFC1006_PORT_MISMATCH \S/);
    expect(lines[0]).toContain('EXAMS01');
    expect(lines[0]).toContain('EXBRU01');
  });

  it('exits 0 when the findings are warnings and information only, and prints each of them', async () => {
    const r = await run(['plan.json'], { 'plan.json': json(mapiPlan()) });
    expect(r.status).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.some((l) => /^warning DYNAMIC_RPC_PORTS .*EXAMS01/.test(l))).toBe(true);
    expect(lines.some((l) => /^info MAPI_NOTIFICATIONS_UDP /.test(l))).toBe(true);
    expect(lines.every((l) => /^(error|warning|info) [A-Z0-9_]+ \S/.test(l))).toBe(true);
  });

  it('lists only firewall crossings in the port matrix, and every flow with --all', async () => {
    const matrix = await run(['plan.json'], { 'plan.json': json(mapiPlan()) });
    const all = await run(['plan.json', '--all'], { 'plan.json': json(mapiPlan()) });
    expect(matrix.stdout).not.toContain('Amsterdam Outlook users');
    expect(all.status).toBe(0);
    const lines = all.stdout.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    // Amsterdam Outlook users cross no firewall: empty Firewall cell; sorted by source name.
    expect(lines[1]).toMatch(/^,Amsterdam Outlook users,,,EXAMS01,,Amsterdam,TCP,135,RPC endpoint mapper,/);
    expect(lines.filter((l) => l.startsWith(',Amsterdam Outlook users,'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('FW-BRANCH,Branch Outlook users,'))).toHaveLength(3);
    expect(all.stdout).toContain(',TCP,1024-65535,Directory (RPC),');
    expect(all.stderr).toBe(matrix.stderr);
  });

  it('writes flows and findings as JSON with --json', async () => {
    const r = await run(['--json', 'plan.json'], { 'plan.json': json(mismatchPlan()) });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['flows', 'findings']);
    expect(out.flows).toHaveLength(2);
    expect(out.flows[0]).toMatchObject({
      source: { id: 'a', name: 'EXAMS01', address: '10.1.0.10', site: 'Amsterdam' },
      destination: { id: 'b', name: 'EXBRU01', address: '10.2.0.10', site: 'Brussels' },
      protocol: 'TCP',
      port: '1002',
      service: 'X.400 (RFC1006)',
      firewalls: ['FW-WAN'],
      crossings: [{ firewall: 'FW-WAN', ingress: 'a', egress: 'b' }],
      routed: true,
      status: 'error',
    });
    expect(typeof out.flows[0].reason).toBe('string');
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ severity: 'error', code: 'RFC1006_PORT_MISMATCH' });
    expect(out.findings[0].subjects).toEqual(expect.arrayContaining(['a', 'b']));
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stderr).toMatch(/^error RFC1006_PORT_MISMATCH /);
  });

  it('writes a range port and an unrouted flow in JSON', async () => {
    const plan = mapiPlan();
    plan.links = plan.links.filter((l) => l.id !== 'l.local.lan');
    const r = await run(['plan.json', '--json'], { 'plan.json': json(plan) });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    const local = out.flows.filter((f: { source: { id: string } }) => f.source.id === 'local');
    expect(local).toHaveLength(3);
    expect(
      local.every((f: { routed: boolean; firewalls: string[] }) => !f.routed && f.firewalls.length === 0),
    ).toBe(true);
    expect(out.flows.some((f: { port: string }) => f.port === '1024-65535')).toBe(true);
    expect(r.stderr).toMatch(/^error NO_NETWORK_PATH /m);
  });

  it('exits 2 and names the offending path when the plan is not valid', async () => {
    const plan = pop3Plan();
    const bad = JSON.parse(json(plan));
    bad.nodes[2].staticPorts.mta = 70000;
    const r = await run(['plan.json'], { 'plan.json': json(bad) });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: nodes\[2\]\.staticPorts\.mta: /);
    expect(r.stderr.endsWith('\n')).toBe(true);
  });

  it('exits 2 when the file is not JSON', async () => {
    const r = await run(['plan.json'], { 'plan.json': '{ "format": ' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
  });

  it('exits 2 when the file cannot be read, and says why', async () => {
    const r = await run(['missing.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: cannot read missing.json: no such file\n');
  });

  it('accepts a file saved with a byte order mark', async () => {
    const r = await run(['plan.json'], { 'plan.json': `\uFEFF${json(pop3Plan())}` });
    expect(r.status).toBe(0);
  });

  it.each([
    [[], 'no plan file given'],
    [['--all'], 'no plan file given'],
    [['plan.json', '--csv'], 'unknown option --csv'],
    [['-x', 'plan.json'], 'unknown option -x'],
    [['a.json', 'b.json'], 'only one plan file, got 2'],
  ])('exits 2 with a usage line for %j', async (argv, message) => {
    const r = await run(argv, { 'plan.json': json(pop3Plan()) });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: ${message}\n${MATRIX_USAGE}\n`);
    expect(r.reads).toEqual([]);
  });

  it('prints the usage on stdout and exits 0 for --help', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${MATRIX_USAGE}\n`);
    expect(r.stderr).toBe('');
  });
});

describe('names written to a terminal (SPEC §7)', () => {
  /** A plan whose names hold control characters, as a v1 plan or a hand-made file might before loading. */
  function evilPlan(): Plan {
    const plan = pop3Plan();
    const [pop, fw] = plan.nodes;
    if (pop) pop.name = 'Home\u0085users';
    if (fw) fw.name = 'FW\u009bEDGE';
    return plan;
  }

  it('escapes the control characters of names in the CSV for a terminal, and writes the bytes unchanged to a pipe', async () => {
    const { analyzePlan } = await import('../engine/analyze');
    const { portMatrixRows } = await import('../engine/matrix');
    const { portMatrixCsv } = await import('../io/csv');
    const plan = evilPlan();
    const rows = portMatrixRows(plan, analyzePlan(plan));
    expect(portMatrixCsv(rows, { terminal: true })).not.toMatch(/[\u0080-\u009f]/);
    expect(portMatrixCsv(rows, { terminal: true })).toContain('FW\\x9bEDGE,Home\\x85users,any,');
    expect(portMatrixCsv(rows)).toContain('FW\u009bEDGE,Home\u0085users,any,');
  });

  it('writes the same bytes to a terminal as to a pipe when no name holds a control character', async () => {
    const files = { 'plan.json': json(pop3Plan()) };
    for (const args of [['plan.json'], ['plan.json', '--all'], ['plan.json', '--json']]) {
      expect((await run(args, files, true)).stdout).toBe((await run(args, files, false)).stdout);
    }
  });
});

describe('parseMatrixArgs', () => {
  it('takes the options in any order', () => {
    expect(parseMatrixArgs(['--json', 'p.json', '--all'])).toEqual({
      ok: true,
      options: { file: 'p.json', format: FLOWS_JSON },
    });
    expect(parseMatrixArgs(['p.json', '--all'])).toEqual({
      ok: true,
      options: { file: 'p.json', format: ALL_FLOWS_CSV },
    });
  });

  it('writes the port matrix CSV when no option asks for another export', () => {
    expect(parseMatrixArgs(['p.json'])).toEqual({
      ok: true,
      options: { file: 'p.json', format: PORT_MATRIX_CSV },
    });
  });

  it('names every export option of the table in the usage line', () => {
    expect(MATRIX_USAGE).toBe('usage: npm run --silent matrix -- PLAN.json [--all] [--json]');
  });

  it('takes a file that starts with a dash after --', () => {
    expect(parseMatrixArgs(['--', '--odd.json'])).toEqual({
      ok: true,
      options: { file: '--odd.json', format: PORT_MATRIX_CSV },
    });
  });
});

describe('findingLine', () => {
  it('keeps a finding on one line whatever its names hold', () => {
    const finding: Finding = {
      code: 'FIREWALL_UNUSED',
      severity: 'info',
      message: 'No flow crosses FW\r\nNEW\u001b[31m; remove it.',
      kb: [],
      subjects: ['fw'],
    };
    expect(findingLine(finding)).toBe(
      'info FIREWALL_UNUSED No flow crosses FW\\x0d\\x0aNEW\\x1b[31m; remove it.',
    );
  });
});

describe('a plan past the analysis limit (SPEC §4)', () => {
  // 25 × 25 firewalls, 600 clients × 3 flows crossing all 625: 1,125,000 crossings.
  const mesh = JSON.stringify(gridPlan(25, 600));

  it('writes no matrix, says why, and exits 1 with the ANALYSIS_LIMIT finding only', async () => {
    for (const option of [[], ['--all']]) {
      const result = await run(['mesh.json', ...option], { 'mesh.json': mesh });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(
        'error: the plan is too large to analyse (ANALYSIS_LIMIT), so there is no port matrix to write',
      );
      expect(lines.slice(1).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['error ANALYSIS_LIMIT']);
      expect(lines[1]).toContain('needs 1,125,000 firewall crossings');
      expect(lines[1]).toContain(
        'Client 0 → EX1 (RPC endpoint mapper, Directory (RPC), Information Store (RPC))',
      );
    }
  });

  it('still writes the JSON, which holds the finding and no flow', async () => {
    const result = await run(['mesh.json', '--json'], { 'mesh.json': mesh });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.flows).toEqual([]);
    expect(json.findings.map((f: Finding) => f.code)).toEqual(['ANALYSIS_LIMIT']);
  });
});

describe('a large matrix', () => {
  // 6 × 6 firewalls, 40 clients × 3 flows crossing all 36: 4,320 rows, five pieces of 1,000 lines.
  const mesh = JSON.stringify(gridPlan(6, 40));

  it('is written in pieces of whole lines that join to the export exactly', async () => {
    const pieces: string[] = [];
    const io: CliIo = {
      readFile: async () => mesh,
      stdout: (text) => {
        pieces.push(text);
      },
      stderr: () => {},
    };
    expect(await runMatrixCli(['mesh.json'], io)).toBe(0);
    expect(pieces.length).toBe(5);
    for (const piece of pieces) expect(piece.endsWith('\r\n')).toBe(true);
    const whole = (await run(['mesh.json'], { 'mesh.json': mesh })).stdout;
    expect(pieces.join('')).toBe(whole);
    expect(whole.split('\r\n')).toHaveLength(4_322);
  });

  it('waits for standard output to take each piece before making the next', async () => {
    const pieces: string[] = [];
    let release = () => {};
    const io: CliIo = {
      readFile: async () => mesh,
      stdout: (text) => {
        pieces.push(text);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      stderr: () => {},
    };
    const status = runMatrixCli(['mesh.json'], io);
    // Without the wait, all five pieces would go out in the task that writes the first.
    await vi.waitFor(() => expect(pieces.length).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pieces.length).toBe(1);
    for (let written = 2; written <= 5; written++) {
      release();
      await vi.waitFor(() => expect(pieces.length).toBe(written));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(pieces.length).toBe(written);
    }
    release();
    expect(await status).toBe(0);
    expect(pieces.length).toBe(5);
  });
});
