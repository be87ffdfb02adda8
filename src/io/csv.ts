import type { MatrixRow } from '../engine/types';
import { escapeControlCharacters } from './terminalText';

/** The header row of both CSV exports, in column order (SPEC §6). */
export const MATRIX_CSV_HEADER = [
  'Firewall',
  'Source',
  'Source address',
  'Source site',
  'Destination',
  'Destination address',
  'Destination site',
  'Protocol',
  'Port',
  'Service',
  'Reason',
] as const;

const CRLF = '\r\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and
 * carriage return, let a formula hide behind them). A cell starting with one is
 * prefixed with `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Where a spreadsheet that splits on semicolons or tabs (or reads a line
 * break inside a cell as the end of a row) would start a new cell inside
 * this one: after a `;`, a tab or a line break, past any spaces. Quoting does
 * not protect there: a quote opens a quoted cell only at the start of a
 * field, and under another separator the quoted cell starts mid-field.
 */
const FORMULA_AFTER_SEPARATOR = /([;\t\r\n][ \u00a0]*)(?=[=+\-@])/g;

/**
 * Neutralises a cell a spreadsheet would run as a formula by prefixing `'`,
 * before any quoting: at its start (SPEC §6), and (v2) at every place inside
 * it where a spreadsheet that splits on semicolons or tabs would start a
 * cell, so that no part of it becomes a formula there either (checked with
 * LibreOffice in spreadsheetSafety.test.ts). Papa.unparse's own
 * `escapeFormulae` is not used: its pattern (`/^[=+\-@\t\r].*$/`) fails on a
 * cell that also contains a line break, and it always quotes an escaped
 * cell, which RFC 4180 does not need.
 */
export function escapeFormula(cell: string): string {
  const inner = cell.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/**
 * A cell a spreadsheet that splits on semicolons or tabs would cut, or that
 * holds a line break: quoted, so that no part of it starts a cell of its own
 * (and so never a formula) (SPEC §6, v2).
 */
const NEEDS_QUOTES = /[;\t\r\n]/;

export function needsQuotes(cell: string): boolean {
  return NEEDS_QUOTES.test(cell);
}

/** One row's cells in column order, each made safe from spreadsheet formulas (by `safeCell`, `escapeFormula` or a memo of it). */
export function matrixRowCells(row: MatrixRow, safeCell: (cell: string) => string = escapeFormula): string[] {
  return [
    row.firewall,
    row.source,
    row.sourceAddress,
    row.sourceSite,
    row.destination,
    row.destinationAddress,
    row.destinationSite,
    row.protocol,
    row.port,
    row.service,
    row.reason,
  ].map((cell) => safeCell(cell));
}

/** `escapeFormula`, worked out once per distinct cell: a matrix repeats a few hundred names in millions of cells. */
function memoEscapeFormula(): (cell: string) => string {
  const escaped = new Map<string, string>();
  return (cell) => {
    let safe = escaped.get(cell);
    if (safe === undefined) {
      safe = escapeFormula(cell);
      escaped.set(cell, safe);
    }
    return safe;
  };
}

export interface CsvOptions {
  /**
   * For a terminal: each control character inside a cell is written as
   * `\xHH`, so no name can drive the terminal (SPEC §7). Files and pipes get
   * the cells exactly.
   */
  terminal?: boolean;
}

/** What makes RFC 4180 (and Papa Parse, which wrote this before) quote a cell: a quote, the comma, a line break, a byte order mark. */
const RFC_QUOTE = /["\r\n,\ufeff]/;

/** One cell as CSV writes it: quoted when RFC 4180, a `;`/tab/line break or a space at either end asks for it. */
export function csvCell(cell: string): string {
  const quoted = RFC_QUOTE.test(cell) || needsQuotes(cell) || cell.startsWith(' ') || cell.endsWith(' ');
  return quoted ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Header and body lines as CSV text with the port matrix's rules: quoting
 * where RFC 4180 or a `;`, tab or line break asks for it, CRLF after every
 * line, control characters written as `\xHH` for a terminal. Cells must
 * already be formula-safe (`escapeFormula`). Shared by every CSV export so
 * that they all quote alike. The same text Papa.unparse gives (csv.test.ts
 * holds them equal), written here because a matrix repeats a few hundred
 * names and reasons in millions of cells: each distinct cell is worked out
 * once.
 */
export function csvText(lines: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const written = new Map<string, string>();
  const cellText = (cell: string): string => {
    let text = written.get(cell);
    if (text === undefined) {
      text = csvCell(options.terminal ? escapeControlCharacters(cell) : cell);
      written.set(cell, text);
    }
    return text;
  };
  const out: string[] = [];
  for (const line of lines) out.push(`${line.map(cellText).join(',')}${CRLF}`);
  return out.join('');
}

/**
 * The rows as CSV text (SPEC §6): the header row, then one line per row in the
 * order given. RFC 4180 quoting where a cell needs it or holds `;`, a tab or a
 * line break, CRLF line ends, and
 * the last line ends with CRLF too, so that concatenated or appended exports
 * stay well-formed.
 */
export function matrixCsv(rows: readonly MatrixRow[], options: CsvOptions = {}): string {
  const safeCell = memoEscapeFormula();
  return csvText([[...MATRIX_CSV_HEADER], ...rows.map((row) => matrixRowCells(row, safeCell))], options);
}

/** The port matrix export: one row per (firewall, flow) crossing it (SPEC §6). */
export function portMatrixCsv(rows: readonly MatrixRow[], options: CsvOptions = {}): string {
  return matrixCsv(rows, options);
}

/** The all-flows export: one row per flow, firewalls joined by `; ` (SPEC §6). */
export function allFlowsCsv(rows: readonly MatrixRow[], options: CsvOptions = {}): string {
  return matrixCsv(rows, options);
}
