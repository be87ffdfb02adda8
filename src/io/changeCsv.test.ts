import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MatrixRow } from '../engine/types';
import { CHANGE_CSV_HEADER, changeCsv } from './changeCsv';
import { MATRIX_CSV_HEADER } from './csv';

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
    reason: 'Home POP3 users read mail from EXAMS01 over POP3 with SSL (KB 176466).',
    flowIndex: 0,
    firewallId: 'fw',
    ...overrides,
  };
}

const HEADER_LINE = `Change,${MATRIX_CSV_HEADER.join(',')}`;

describe('changeCsv', () => {
  it('writes the Change column before the port matrix columns', () => {
    expect(CHANGE_CSV_HEADER).toEqual(['Change', ...MATRIX_CSV_HEADER]);
    expect(changeCsv({ removed: [], added: [] })).toBe(`${HEADER_LINE}\r\n`);
  });

  it('writes every removed row before every added row, each in the order given', () => {
    const csv = changeCsv({
      removed: [
        { change: 'removed', row: row({ port: '110', service: 'POP3' }) },
        { change: 'removed', row: row({ port: '25', service: 'SMTP' }) },
      ],
      added: [{ change: 'added', row: row({ destinationAddress: '10.1.0.11' }) }],
    });
    expect(csv).toBe(
      [
        HEADER_LINE,
        'removed,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,110,POP3,Home POP3 users read mail from EXAMS01 over POP3 with SSL (KB 176466).',
        'removed,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.10,Amsterdam,TCP,25,SMTP,Home POP3 users read mail from EXAMS01 over POP3 with SSL (KB 176466).',
        'added,FW-EDGE,Home POP3 users,any,,EXAMS01,10.1.0.11,Amsterdam,TCP,995,POP3 over SSL,Home POP3 users read mail from EXAMS01 over POP3 with SSL (KB 176466).',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes and neutralises cells as the port matrix does', () => {
    const csv = changeCsv({
      removed: [],
      added: [
        {
          change: 'added',
          row: row({
            source: '=HYPERLINK("x")',
            destination: 'a;b',
            firewall: 'tab\there',
            sourceSite: '-1',
            reason: 'line\nbreak',
          }),
        },
      ],
    });
    const [, line] = csv.split('\r\n');
    expect(line).toBe(
      `added,"tab\there","'=HYPERLINK(""x"")",any,'-1,"a;b",10.1.0.10,Amsterdam,TCP,995,POP3 over SSL,"line\nbreak"`,
    );
    // Read back, every cell is the value written (with the formula prefix), in the right column.
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' }).data;
    expect(parsed[1]?.slice(0, 5)).toEqual(['added', 'tab\there', `'=HYPERLINK("x")`, 'any', "'-1"]);
  });

  it('writes control characters as \\xHH for a terminal, and exactly otherwise', () => {
    const rows = {
      removed: [{ change: 'removed' as const, row: row({ source: 'evil\u001b[2Jname\u0085' }) }],
      added: [],
    };
    expect(changeCsv(rows)).toContain('evil\u001b[2Jname\u0085');
    const terminal = changeCsv(rows, { terminal: true });
    expect(terminal).toContain('evil\\x1b[2Jname\\x85');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none are left
    expect(terminal.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
