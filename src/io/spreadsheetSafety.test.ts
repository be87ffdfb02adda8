/**
 * The CSV exports opened by a real spreadsheet (SPEC §6, v2): LibreOffice
 * Calc, headless, imports hostile CSVs splitting on commas, on semicolons and
 * on tabs, with formula evaluation on, and writes them as flat OpenDocument;
 * no cell of the result may be a formula. A control CSV written without the
 * escaping shows that the check sees formulas when there are some.
 *
 * LibreOffice is the Debian package libreoffice-calc-nogui. Without it these
 * checks are skipped, loudly, outside CI; under CI (.ci/run installs it) a
 * missing one fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatrixRow } from '../engine/types';
import { changeCsv } from './changeCsv';
import { matrixCsv } from './csv';

const CI = process.env.CI === 'true';
const PACKAGE = 'libreoffice-calc-nogui';
const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (!found) {
  console.warn(
    `\n*** soffice is not installed: install the Debian package ${PACKAGE} (apt-get install ${PACKAGE}); ${
      CI ? 'FAILING under CI' : 'SKIPPING the spreadsheet checks'
    } ***\n`,
  );
}
const runs = found || CI;

const root = mkdtempSync(join(tmpdir(), 'spreadsheet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Separators as LibreOffice's CSV filter numbers them (the character code). */
const SEPARATORS = { comma: 44, semicolon: 59, tab: 9 } as const;

/**
 * Converts each CSV file to flat OpenDocument with LibreOffice, splitting on
 * `separator`, with formula evaluation on (the filter's 13th option), and
 * returns the documents' text by file name.
 */
function openInCalc(files: Record<string, string>, separator: number): Record<string, string> {
  const dir = mkdtempSync(join(root, `sep${separator}-`));
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, text);
    return path;
  });
  // Field separator, text delimiter ("), UTF-8 (76), from line 1, no column formats, en-US, quoted
  // fields not forced to text, special numbers detected, 4 export-only options, evaluate formulas.
  const filter = `CSV:${separator},34,76,1,,1033,false,true,false,false,false,-1,true`;
  const result = spawnSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      `--infilter=${filter}`,
      '--convert-to',
      'fods',
      '--outdir',
      dir,
      ...paths,
    ],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } },
  );
  expect(result.error).toBeUndefined();
  return Object.fromEntries(
    Object.keys(files).map((name) => [name, readFileSync(join(dir, `${name}.fods`), 'utf8')]),
  );
}

/** The formulas of a flat OpenDocument spreadsheet, as LibreOffice wrote them. */
function formulasIn(fods: string): string[] {
  return [...fods.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1] ?? '');
}

function row(overrides: Partial<MatrixRow>): MatrixRow {
  return {
    firewall: 'FW-EDGE',
    source: 'Home POP3 users',
    sourceAddress: 'any',
    sourceSite: '',
    destination: 'EXAMS01',
    destinationAddress: '10.1.0.10',
    destinationSite: 'Amsterdam',
    protocol: 'TCP',
    port: '995',
    service: 'POP3 over SSL',
    reason: 'A POP3 client retrieves mail over SSL (KB 176466, scenario 1).',
    flowIndex: 0,
    firewallId: 'fw1',
    ...overrides,
  };
}

/** Names that try to become formulas under one separator or another. */
const HOSTILE = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1;2)',
  '\t=1+1',
  '\r=1+1',
  'EX;=1+1',
  'EX; =1+1',
  'EX;\t=1+1',
  'EX\t=1+1',
  'EX\n=1+1',
  'EX\r\n=HYPERLINK("http://example.org";"x")',
  'EX,=1+1',
  'EX;"=1+1"',
  '"=1+1',
  'EX"; =1+1; "',
  ';=1+1;',
  'FW1; =CMD|" /C calc"!A0',
  "EX;'=1+1",
];

/** Every hostile name in every column a name or text reaches, one row each. */
function hostileRows(names: readonly string[]): MatrixRow[] {
  return names.flatMap((name, i) => [
    row({ source: name, flowIndex: i }),
    row({ firewall: `${name}; FW-2`, destination: name, flowIndex: i }),
    row({ sourceSite: name, destinationSite: name, service: name, reason: name, flowIndex: i }),
  ]);
}

/** Random cells from the characters that matter: formula starters, separators, quotes, line breaks. */
const fuzzCell = fc.stringMatching(/^[=+\-@;\t\r\n",' a1(]{1,12}$/);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

describe.runIf(runs)('the CSV exports in LibreOffice Calc', () => {
  const fuzzNames = fc.sample(fuzzCell, { numRuns: 300, seed: FUZZ_SEED });
  const files = {
    matrix: matrixCsv(hostileRows(HOSTILE)),
    change: changeCsv({
      removed: hostileRows(HOSTILE).map((r) => ({ change: 'removed' as const, row: r })),
      added: [],
    }),
    fuzz: matrixCsv(hostileRows(fuzzNames)),
    // The control: the same names written with no escaping at all.
    control: `${HOSTILE.map((name) => name.replace(/[\r\n]/g, ' ')).join('\r\n')}\r\n`,
  };

  for (const [label, separator] of Object.entries(SEPARATORS)) {
    it(`has no formula cell when it splits on ${label}s (fuzz seed ${FUZZ_SEED})`, () => {
      const opened = openInCalc(files, separator);
      // The control proves the check: unescaped, LibreOffice does make formulas.
      expect(formulasIn(opened.control ?? '').length).toBeGreaterThan(0);
      expect(formulasIn(opened.matrix ?? '')).toEqual([]);
      expect(formulasIn(opened.change ?? '')).toEqual([]);
      expect(formulasIn(opened.fuzz ?? ''), `fuzz seed ${FUZZ_SEED}`).toEqual([]);
      // The names are there as text.
      expect(opened.matrix).toContain('Home POP3 users');
    }, 240_000);
  }
});
