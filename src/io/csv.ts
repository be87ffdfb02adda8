import Papa from 'papaparse';
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

/** A cell `escapeFormula` changes: one that starts like a formula or holds `;`, a tab or a line break. */
const MAY_NEED_ESCAPE = /^[=+\-@\t\r]|[;\t\r\n]/;

/**
 * Neutralises a cell a spreadsheet would run as a formula by prefixing `'`,
 * before any quoting: at its start (SPEC §6), and (v2) at every place inside
 * it where a spreadsheet that splits on semicolons or tabs would start a
 * cell, so that no part of it becomes a formula there either (checked with
 * LibreOffice in spreadsheetSafety.test.ts). Papa.unparse's own
 * `escapeFormulae` is not used: its pattern (`/^[=+\-@\t\r].*$/`) fails on a
 * cell that also contains a line break, and it always quotes an escaped
 * cell, which RFC 4180 does not need. A plain cell (nearly all of them) is
 * returned as it is after one test.
 */
export function escapeFormula(cell: string): string {
  if (!MAY_NEED_ESCAPE.test(cell)) return cell;
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

/** One row's cells in column order, each made safe from spreadsheet formulas (by `safe`). */
export function matrixRowCells(row: MatrixRow, safe: (cell: string) => string = escapeFormula): string[] {
  return [
    safe(row.firewall),
    safe(row.source),
    safe(row.sourceAddress),
    safe(row.sourceSite),
    safe(row.destination),
    safe(row.destinationAddress),
    safe(row.destinationSite),
    safe(row.protocol),
    safe(row.port),
    safe(row.service),
    safe(row.reason),
  ];
}

export interface CsvOptions {
  /**
   * For a terminal: each control character inside a cell is written as
   * `\xHH`, so no name can drive the terminal (SPEC §7). Files and pipes get
   * the cells exactly.
   */
  terminal?: boolean;
}

/**
 * How many lines go to Papa.unparse at once. A chunk of this size is some
 * 200 KB of text: large enough that the calls cost nothing, small enough that
 * a 600,000-row matrix is never one string (130 MB) nor its cells one array.
 */
export const CSV_CHUNK_LINES = 1000;

const UNPARSE_CONFIG = {
  newline: CRLF,
  quotes: (value: unknown) => typeof value === 'string' && needsQuotes(value),
  escapeFormulae: false,
};

/**
 * Header and body lines as CSV text with the port matrix's rules, in pieces
 * that join to exactly `csvText` of the same lines: quoting where RFC 4180 or
 * a `;`, tab or line break asks for it, CRLF after every line, control
 * characters written as `\xHH` for a terminal. Cells must already be
 * formula-safe (`escapeFormula`). Each piece is up to `CSV_CHUNK_LINES` whole
 * lines written by Papa.unparse, ending with CRLF, so a large export can be
 * written as it is made (the command line) instead of held whole.
 */
export function* csvChunks(lines: Iterable<readonly string[]>, options: CsvOptions = {}): Generator<string> {
  // Lines go in as an array of arrays: given `{ fields, data: [] }`, Papa.unparse writes a stray empty
  // row after the header.
  // Papa.unparse only reads its input, so the lines go in as they are.
  let chunk: (readonly string[])[] = [];
  let written = false;
  for (const line of lines) {
    chunk.push(options.terminal ? line.map(escapeControlCharacters) : line);
    if (chunk.length === CSV_CHUNK_LINES) {
      // Papa.unparse puts CRLF between lines only; the chunk's last line gets one here.
      yield Papa.unparse(chunk as string[][], UNPARSE_CONFIG) + CRLF;
      chunk = [];
      written = true;
    }
  }
  if (chunk.length > 0 || !written) yield Papa.unparse(chunk as string[][], UNPARSE_CONFIG) + CRLF;
}

/** `csvChunks` as one text. Shared by every CSV export so that they all quote alike. */
export function csvText(lines: Iterable<readonly string[]>, options: CsvOptions = {}): string {
  return [...csvChunks(lines, options)].join('');
}

/** The header row, then each row's formula-safe cells. */
function* matrixLines(rows: Iterable<MatrixRow>): Generator<readonly string[]> {
  yield MATRIX_CSV_HEADER;
  // A flow's cells recur on every firewall it crosses (400 times each on the 20 × 20 mesh):
  // each distinct cell is made formula-safe once.
  const done = new Map<string, string>();
  const safe = (cell: string): string => {
    let escaped = done.get(cell);
    if (escaped === undefined) {
      escaped = escapeFormula(cell);
      done.set(cell, escaped);
    }
    return escaped;
  };
  for (const row of rows) yield matrixRowCells(row, safe);
}

/**
 * The rows as CSV text (SPEC §6), in pieces (`csvChunks`): the header row,
 * then one line per row in the order given.
 */
export function matrixCsvChunks(rows: Iterable<MatrixRow>, options: CsvOptions = {}): Generator<string> {
  return csvChunks(matrixLines(rows), options);
}

/**
 * The rows as CSV text (SPEC §6): the header row, then one line per row in the
 * order given. RFC 4180 quoting where a cell needs it or holds `;`, a tab or a
 * line break, CRLF line ends, and
 * the last line ends with CRLF too, so that concatenated or appended exports
 * stay well-formed.
 */
export function matrixCsv(rows: Iterable<MatrixRow>, options: CsvOptions = {}): string {
  return [...matrixCsvChunks(rows, options)].join('');
}

/** The port matrix export: one row per (firewall, flow) crossing it (SPEC §6). */
export function portMatrixCsv(rows: Iterable<MatrixRow>, options: CsvOptions = {}): string {
  return matrixCsv(rows, options);
}

/** The all-flows export: one row per flow, firewalls joined by `; ` (SPEC §6). */
export function allFlowsCsv(rows: Iterable<MatrixRow>, options: CsvOptions = {}): string {
  return matrixCsv(rows, options);
}
