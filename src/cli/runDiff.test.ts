import { describe, expect, it } from 'vitest';
import { serializePlan } from '../model/serialize';
import type { Plan, PlanNode } from '../model/types';
import { chain, client, firewall, link, makePlan, server, site } from '../test/factories';
import { gridPlan } from '../test/gridPlan';
import { DIFF_USAGE, parseDiffArgs, runDiffCli } from './runDiff';
import type { CliIo } from './runMatrix';

const HEADER =
  'Change,Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason';

interface FakeRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the command against in-memory files. */
async function run(
  argv: string[],
  files: Record<string, string>,
  stdoutIsTerminal = false,
): Promise<FakeRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: async (path) => {
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
  const status = await runDiffCli(argv, io);
  return { status, stdout, stderr };
}

/** POP3 over SSL through one firewall to a server with the Internet Mail Service. */
function pop3Plan(overrides: { server?: Partial<PlanNode>; extra?: PlanNode[] } = {}): Plan {
  return makePlan({
    sites: [site('ams', { name: 'Amsterdam' })],
    nodes: [
      client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
      firewall('fw', { name: 'FW-EDGE' }),
      {
        ...server('ex1', 'ams', { name: 'EXAMS01', services: { internetMail: true }, address: '10.1.0.10' }),
        ...overrides.server,
      } as PlanNode,
      ...(overrides.extra ?? []),
    ],
    links: chain('pop', 'fw', 'ex1'),
  });
}

const file = (plan: Plan) => serializePlan(plan);

describe('parseDiffArgs', () => {
  it('takes two files and --json, in any order; -- ends the options', () => {
    expect(parseDiffArgs(['a.json', '--json', 'b.json'])).toEqual({
      ok: true,
      options: { before: 'a.json', after: 'b.json', json: true, format: null },
    });
    expect(parseDiffArgs(['--', '--json', 'b.json'])).toEqual({
      ok: true,
      options: { before: '--json', after: 'b.json', json: false, format: null },
    });
  });

  it('refuses one file, three files and unknown options', () => {
    expect(parseDiffArgs(['a.json'])).toEqual({ ok: false, error: 'two plan files, old and new, got 1' });
    expect(parseDiffArgs(['a', 'b', 'c'])).toEqual({
      ok: false,
      error: 'two plan files, old and new, got 3',
    });
    expect(parseDiffArgs(['a', 'b', '--all'])).toEqual({ ok: false, error: 'unknown option --all' });
  });
});

describe('npm run diff', () => {
  it('exits 0 with only the header when both plans ask the firewalls for the same rules', async () => {
    const plan = file(pop3Plan());
    const result = await run(['old.json', 'new.json'], { 'old.json': plan, 'new.json': plan });
    expect(result).toEqual({ status: 0, stdout: `${HEADER}\r\n`, stderr: '' });
  });

  it('exits 0 when only names changed', async () => {
    const renamed = pop3Plan({ server: { name: 'EXAMS01-RENAMED' } });
    const result = await run(['old.json', 'new.json'], {
      'old.json': file(pop3Plan()),
      'new.json': file(renamed),
    });
    expect(result).toEqual({ status: 0, stdout: `${HEADER}\r\n`, stderr: '' });
  });

  it('exits 1 and writes removed rows before added rows, byte for byte, when an address changed', async () => {
    const moved = pop3Plan({ server: { address: '10.1.0.11' } });
    const result = await run(['old.json', 'new.json'], {
      'old.json': file(pop3Plan()),
      'new.json': file(moved),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const smtp =
      'SMTP,"Home POP3 users sends mail through the Internet Mail Service on EXAMS01 over SMTP (KB 176466, scenario 1: POP3 clients)."';
    const pop3 =
      'POP3 over SSL,"Home POP3 users retrieves mail from EXAMS01 over POP3 with SSL (KB 176466, scenario 1: POP3 clients)."';
    expect(result.stdout).toBe(
      [
        HEADER,
        `removed,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,25,${smtp}`,
        `removed,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,${pop3}`,
        `added,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.11,Amsterdam,TCP,25,${smtp}`,
        `added,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.11,Amsterdam,TCP,995,${pop3}`,
        '',
      ].join('\r\n'),
    );
  });

  it('writes a finding that appeared with + and one that went away with -, went-away first', async () => {
    // Old: no address on the client (ADDRESS_MISSING). New: an address, but the Internet Mail Service is off.
    const before = makePlan({
      nodes: [
        client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl' }),
        firewall('fw', { name: 'FW-EDGE' }),
        server('ex1', 'ams', { name: 'EXAMS01', services: { internetMail: true }, address: '10.1.0.10' }),
      ],
      links: chain('pop', 'fw', 'ex1'),
    });
    const after = makePlan({
      nodes: [
        client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
        firewall('fw', { name: 'FW-EDGE' }),
        server('ex1', 'ams', { name: 'EXAMS01', address: '10.1.0.10' }),
      ],
      links: chain('pop', 'fw', 'ex1'),
    });
    const result = await run(['old.json', 'new.json'], { 'old.json': file(before), 'new.json': file(after) });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^- warning ADDRESS_MISSING Home POP3 users /);
    expect(lines[1]).toMatch(/^\+ error NO_INTERNET_MAIL .*Home POP3 users/);
  });

  it('never writes a control character to the terminal: a name holding one is refused, a file name is escaped', async () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none are left
    const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    // Version 2 names hold no control characters (SPEC §2): such a plan is not valid, and the refusal is clean.
    const evil = file(pop3Plan()).replace('"EXAMS01"', '"EX\\u001b]0;owned\\u0007\\u009b"');
    const refused = await run(
      ['old\u009b.json', 'new.json'],
      { 'old\u009b.json': evil, 'new.json': evil },
      true,
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error: old\\x9b\.json: nodes\[2\]\.name: /);
    expect(refused.stderr).toMatch(/\nerror: new\.json: nodes\[2\]\.name: /);
    expect(refused.stderr).not.toMatch(control);
    // A real change on a terminal: CSV, stderr lines and JSON are free of control characters.
    const files = {
      'old.json': file(pop3Plan()),
      'new.json': file({ ...pop3Plan(), links: [link('pop', 'fw')] }),
    };
    const csv = await run(['old.json', 'new.json'], files, true);
    expect(csv.status).toBe(1);
    expect(csv.stderr).toMatch(/^\+ error NO_NETWORK_PATH /m);
    expect(csv.stdout.replace(/\r\n/g, '')).not.toMatch(control);
    expect(csv.stderr.replace(/\n/g, '')).not.toMatch(control);
    const json = await run(['--json', 'old.json', 'new.json'], files, true);
    expect(json.stdout.replace(/\n/g, '')).not.toMatch(control);
    expect(JSON.parse(json.stdout).findings.appeared.map((f: { code: string }) => f.code)).toContain(
      'NO_NETWORK_PATH',
    );
  });

  it('writes the whole comparison as JSON with --json', async () => {
    const moved = pop3Plan({ server: { address: '10.1.0.11' } });
    const result = await run(['old.json', 'new.json', '--json'], {
      'old.json': file(pop3Plan()),
      'new.json': file(moved),
    });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.matricesEqual).toBe(false);
    expect(json.rows.removed).toHaveLength(2);
    expect(json.rows.added[0]).toEqual({
      change: 'added',
      firewall: { id: 'fw', name: 'FW-EDGE' },
      source: { id: 'pop', name: 'Home POP3 users', address: 'any', site: null },
      destination: { id: 'ex1', name: 'EXAMS01', address: '10.1.0.11', site: 'Amsterdam' },
      protocol: 'TCP',
      port: '25',
      service: 'SMTP',
      reason:
        'Home POP3 users sends mail through the Internet Mail Service on EXAMS01 over SMTP (KB 176466, scenario 1: POP3 clients).',
    });
    expect(json.findings).toEqual({ wentAway: [], appeared: [] });
    expect(json.objects).toEqual([
      {
        collection: 'nodes',
        id: 'ex1',
        change: 'changed',
        kind: 'server',
        name: 'EXAMS01',
        fields: [{ field: 'address', old: '10.1.0.10', new: '10.1.0.11' }],
        rows: { removed: [0, 1], added: [0, 1] },
      },
    ]);
  });

  it('exits 2 naming the file that cannot be read, and the path inside a plan that is not valid', async () => {
    const good = file(pop3Plan());
    const missing = await run(['old.json', 'gone.json'], { 'old.json': good });
    expect(missing).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: cannot read gone.json: no such file\n',
    });
    const bad = good.replace('"10.1.0.10"', '"10.1.0.010"');
    const invalid = await run(['old.json', 'new.json'], { 'old.json': bad, 'new.json': good });
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/^error: old\.json: nodes\[2\]\.address: /);
    const both = await run(['a\u001b.json', 'b.json'], {});
    expect(both.stderr).toBe(
      'error: cannot read a\\x1b.json: no such file\nerror: cannot read b.json: no such file\n',
    );
  });

  it('exits 2 with the usage for bad arguments, and 0 with it for --help', async () => {
    expect(await run(['only.json'], {})).toEqual({
      status: 2,
      stdout: '',
      stderr: `error: two plan files, old and new, got 1\n${DIFF_USAGE}\n`,
    });
    expect(await run(['--help'], {})).toEqual({ status: 0, stdout: `${DIFF_USAGE}\n`, stderr: '' });
  });
});

describe('diff of a plan past the analysis limit (SPEC §4)', () => {
  it('compares nothing, names the file that has no matrix, and exits 2', async () => {
    const files = { 'old.json': file(pop3Plan()), 'mesh.json': JSON.stringify(gridPlan(25, 600)) };
    for (const [argv, limited] of [
      [['old.json', 'mesh.json'], ['mesh.json']],
      [['mesh.json', 'old.json', '--json'], ['mesh.json']],
      [
        ['mesh.json', 'mesh.json'],
        ['mesh.json', 'mesh.json'],
      ],
    ] as const) {
      const result = await run([...argv], files);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.filter((l) => l.startsWith('error: '))).toEqual(
        limited.map(
          (f) => `error: ${f} is too large to analyse (ANALYSIS_LIMIT), so it has no port matrix to compare`,
        ),
      );
      expect(lines.filter((l) => l.startsWith('error ANALYSIS_LIMIT '))).toHaveLength(limited.length);
    }
  });
});

describe('diff --format: the change request in a firewall format', () => {
  const files = {
    'old.json': file(pop3Plan()),
    'new.json': file(pop3Plan({ server: { address: '10.1.0.11' } as Partial<PlanNode> })),
  };

  it('writes the rules to close and open instead of the CSV; the findings and the exit status are unchanged', async () => {
    const csv = await run(['old.json', 'new.json'], files);
    const asa = await run(['old.json', 'new.json', '--format', 'asa'], files);
    expect(asa.status).toBe(1);
    expect(asa.stderr).toBe(csv.stderr);
    expect(asa.stdout).toContain('! Change request for FW-EDGE: close 1 rule, open 1 rule.');
    expect(asa.stdout).toMatch(/^no access-list \S+ extended permit .* object EXAMS01$/m);
    expect(asa.stdout).toContain(' host 10.1.0.11');
    const iptables = await run(['old.json', 'new.json', '--format=iptables'], files);
    expect(iptables.stdout).toMatch(/^-D FORWARD -d 10\.1\.0\.10 .* -j ACCEPT$/m);
    expect(iptables.stdout).toMatch(/^-A FORWARD -d 10\.1\.0\.11 .* -j ACCEPT$/m);
  });

  it('writes nothing and exits 0 when no rule changes', async () => {
    expect(await run(['old.json', 'old.json', '--format', 'srx'], files)).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('refuses an unknown format, a missing one, and --json with it', async () => {
    const unknown = await run(['old.json', 'new.json', '--format', 'pf'], files);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: unknown format pf \(one of nftables, iptables, asa, ios, srx, capirca\)\n/,
    );
    expect((await run(['old.json', 'new.json', '--format'], files)).stderr).toMatch(
      /^error: --format needs a value/,
    );
    expect((await run(['old.json', 'new.json', '--json', '--format', 'asa'], files)).stderr).toMatch(
      /^error: --json and --format cannot be used together/,
    );
    expect(parseDiffArgs(['a', 'b', '--format', 'ios'])).toEqual({
      ok: true,
      options: { before: 'a', after: 'b', json: false, format: 'ios' },
    });
  });
});
