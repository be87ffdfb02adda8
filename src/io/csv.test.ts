import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MatrixRow } from '../engine/types';
import {
  allFlowsCsv,
  CSV_CHUNK_LINES,
  escapeFormula,
  MATRIX_CSV_HEADER,
  matrixCsv,
  matrixCsvChunks,
  matrixRowCells,
  portMatrixCsv,
} from './csv';
import { escapeControlCharacters } from './terminalText';

const HEADER =
  'Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason';

function row(overrides: Partial<MatrixRow> = {}): MatrixRow {
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

/** The data lines of a CSV text, without the header and the final empty piece. */
function dataLines(csv: string): string[] {
  return csv.split('\r\n').slice(1, -1);
}

describe('matrixCsv', () => {
  it('starts with the header row of SPEC §6', () => {
    expect(MATRIX_CSV_HEADER.join(',')).toBe(HEADER);
    expect(matrixCsv([row()]).startsWith(`${HEADER}\r\n`)).toBe(true);
  });

  it('writes a header-only file, ending with CRLF, when there are no rows', () => {
    expect(matrixCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('ends every line, the last one too, with CRLF and uses no bare LF', () => {
    const csv = matrixCsv([row(), row({ port: '1024-65535', service: 'Directory (RPC)' })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.endsWith('\r\n\r\n')).toBe(false);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('writes the columns in order and leaves plain cells unquoted', () => {
    const csv = matrixCsv([row({ reason: 'Plain reason' })]);
    expect(dataLines(csv)).toEqual([
      'FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,Plain reason',
    ]);
  });

  it('keeps the rows in the order given', () => {
    const csv = matrixCsv([row({ source: 'B' }), row({ source: 'A' })]);
    expect(dataLines(csv).map((l) => l.split(',')[1])).toEqual(['B', 'A']);
  });

  it('quotes a cell holding a comma', () => {
    const csv = matrixCsv([row({ source: 'Utrecht, floor 2', reason: 'r' })]);
    expect(dataLines(csv)[0]).toBe(
      'FW-EDGE,"Utrecht, floor 2",any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r',
    );
  });

  it('quotes a cell holding a double quote and doubles the quote', () => {
    const csv = matrixCsv([row({ destination: 'The "main" server', reason: 'r' })]);
    expect(dataLines(csv)[0]).toContain(',"The ""main"" server",');
  });

  it('quotes a cell holding a line break and keeps the break inside the quotes', () => {
    const csv = matrixCsv([row({ source: 'Line one\nLine two', reason: 'r' })]);
    expect(csv).toContain(',"Line one\nLine two",');
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' });
    expect(parsed.data[1]?.[1]).toBe('Line one\nLine two');
  });

  it('keeps a port range as it is: its dash is not at the start of the cell', () => {
    const csv = matrixCsv([row({ port: '1024-65535', reason: 'r' })]);
    expect(dataLines(csv)[0]).toContain(',TCP,1024-65535,');
  });

  it.each([
    ['=', '=1+1', "'=1+1"],
    ['+', '+31 20 555', "'+31 20 555"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
  ])(
    'prefixes a cell starting with %s with a quote mark, unquoted when nothing else needs it',
    (_c, name, out) => {
      const csv = matrixCsv([row({ source: name, reason: 'r' })]);
      expect(dataLines(csv)[0]).toBe(
        `FW-EDGE,${out},any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r`,
      );
    },
  );

  it('prefixes a cell starting with a tab, then quotes it: a spreadsheet splitting on tabs keeps it whole', () => {
    const csv = matrixCsv([row({ source: '\t=1', reason: 'r' })]);
    expect(dataLines(csv)[0]).toBe(
      `FW-EDGE,"'\t'=1",any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r`,
    );
  });

  it.each([
    // Quoting alone is not enough: under another separator the quote is mid-field, so the part after
    // the separator is a cell of its own there, and gets the prefix (LibreOffice showed it as a formula).
    ['a semicolon', 'EX;=cmd()', `"EX;'=cmd()"`],
    ['a tab', 'EX\t=cmd()', `"EX\t'=cmd()"`],
    ['a line feed', 'EX\n=cmd()', `"EX\n'=cmd()"`],
    ['a carriage return', 'EX\r=cmd()', `"EX\r'=cmd()"`],
  ])('quotes a cell holding %s, so no part of it becomes a cell of its own (v2)', (_what, name, out) => {
    const csv = matrixCsv([row({ destination: name, reason: 'r' })]);
    expect(dataLines(csv).join('\r\n')).toBe(
      `FW-EDGE,Home POP3 users,any,,${out},10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r`,
    );
  });

  it('quotes only the cells that need it', () => {
    const csv = matrixCsv([row({ reason: 'Plain, reason' })]);
    expect(dataLines(csv)[0]).toBe(
      'FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,"Plain, reason"',
    );
  });

  it('escapes control characters in cells for a terminal only, keeping the line ends', () => {
    const tricky = row({ source: 'Evil\u001b[2Jname\u0085', reason: 'r' });
    expect(dataLines(matrixCsv([tricky], { terminal: true }))).toEqual([
      'FW-EDGE,Evil\\x1b[2Jname\\x85,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r',
    ]);
    expect(dataLines(matrixCsv([tricky]))).toEqual([
      'FW-EDGE,Evil\u001b[2Jname\u0085,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r',
    ]);
  });

  it('prefixes a cell starting with a carriage return, then quotes it', () => {
    const csv = matrixCsv([row({ source: '\r=1', reason: 'r' })]);
    expect(csv).toContain(`,"'\r'=1",`);
  });

  it('prefixes before quoting: =HYPERLINK("x") becomes "\'=HYPERLINK(""x"")"', () => {
    const csv = matrixCsv([row({ destination: '=HYPERLINK("x")', reason: 'r' })]);
    expect(dataLines(csv)[0]).toBe(
      `FW-EDGE,Home POP3 users,any,,"'=HYPERLINK(""x"")",10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,r`,
    );
  });

  it('prefixes a formula cell that also holds a line break', () => {
    const csv = matrixCsv([row({ source: '=1\n+2', reason: 'r' })]);
    expect(csv).toContain(`,"'=1\n'+2",`);
  });

  it('escapes every column, not only names', () => {
    const csv = matrixCsv([
      row({
        firewall: '=a',
        sourceAddress: '=f',
        sourceSite: '+b',
        destinationAddress: '@g',
        destinationSite: '-c',
        service: '@d',
        reason: '=e',
      }),
    ]);
    expect(dataLines(csv)[0]).toBe("'=a,Home POP3 users,'=f,'+b,EXAMS01,'@g,'-c,TCP,995,'@d,'=e");
  });

  it('does not prefix a cell with a formula character later on', () => {
    expect(escapeFormula('EX=01')).toBe('EX=01');
    expect(escapeFormula(' =1')).toBe(' =1');
    expect(escapeFormula('')).toBe('');
  });

  it('round-trips through an RFC 4180 parser to the escaped cells', () => {
    const tricky = row({ source: 'a,"b"\r\nc', destination: '=x', reason: 'ends with a space ' });
    const parsed = Papa.parse<string[]>(matrixCsv([tricky]), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toEqual([
      'FW-EDGE',
      'a,"b"\r\nc',
      'any',
      '',
      "'=x",
      '10.1.0.10',
      'Amsterdam',
      'TCP',
      '995',
      'POP3 over SSL',
      'ends with a space ',
    ]);
  });

  it('serves the port matrix and the all-flows export with the same columns', () => {
    const rows = [row({ firewall: 'FW-A; FW-B' })];
    expect(portMatrixCsv(rows)).toBe(matrixCsv(rows));
    expect(allFlowsCsv(rows)).toBe(matrixCsv(rows));
    expect(dataLines(allFlowsCsv(rows))[0]?.startsWith('"FW-A; FW-B",')).toBe(true);
  });

  describe('in pieces', () => {
    /** Rows whose cells need quoting, prefixing or terminal escapes, so every rule meets a piece's edges. */
    const rows = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        row({
          source: i % 3 ? `Client ${i}` : `a,"b"\r\n=c ${i}`,
          destination: i % 5 ? 'EX1' : `=x;\t@y\u001b[2J ${i}`,
          port: i % 2 ? '135' : '1024-65535',
        }),
      );
    /** The whole text as one Papa.unparse of every line, as the export was written before it came in pieces. */
    const inOne = (count: number, terminal = false) =>
      `${Papa.unparse(
        [[...MATRIX_CSV_HEADER], ...rows(count).map((r) => matrixRowCells(r))].map((line) =>
          terminal ? line.map(escapeControlCharacters) : line,
        ),
        {
          newline: '\r\n',
          quotes: (value: unknown) => typeof value === 'string' && /[;\t\r\n]/.test(value),
          escapeFormulae: false,
        },
      )}\r\n`;

    it('writes whole lines, each piece ending with CRLF, that join to one unparse of every line', () => {
      for (const count of [0, 1, CSV_CHUNK_LINES - 1, CSV_CHUNK_LINES, 2 * CSV_CHUNK_LINES + 7]) {
        const pieces = [...matrixCsvChunks(rows(count))];
        expect(pieces).toHaveLength(Math.max(1, Math.ceil((count + 1) / CSV_CHUNK_LINES)));
        for (const piece of pieces) expect(piece.endsWith('\r\n')).toBe(true);
        expect(pieces.join('')).toBe(inOne(count));
        expect(matrixCsv(rows(count))).toBe(inOne(count));
      }
    });

    it('escapes control characters for a terminal in every piece', () => {
      const count = CSV_CHUNK_LINES + 10;
      const text = [...matrixCsvChunks(rows(count), { terminal: true })].join('');
      expect(text).toBe(inOne(count, true));
      expect(text).toContain('\\x1b[2J');
      expect(text).not.toContain('\u001b');
    });

    it('makes each piece only when it is asked for', () => {
      let made = 0;
      function* counted() {
        for (const r of rows(3 * CSV_CHUNK_LINES)) {
          made++;
          yield r;
        }
      }
      const pieces = matrixCsvChunks(counted());
      pieces.next();
      expect(made).toBe(CSV_CHUNK_LINES - 1);
    });
  });
});
