import Papa from 'papaparse';
import type { MatrixRow } from '../engine/types';

/** The header row of both CSV exports, in column order (SPEC §6). */
export const MATRIX_CSV_HEADER = [
  'Firewall',
  'Source',
  'Source site',
  'Destination',
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
 * Neutralises a cell a spreadsheet would run as a formula by prefixing `'`,
 * before any quoting. Papa.unparse's own `escapeFormulae` is not used: its
 * pattern (`/^[=+\-@\t\r].*$/`) fails on a cell that also contains a line
 * break, and it always quotes an escaped cell, which RFC 4180 does not need.
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function rowCells(row: MatrixRow): string[] {
  return [
    row.firewall,
    row.source,
    row.sourceSite,
    row.destination,
    row.destinationSite,
    row.protocol,
    row.port,
    row.service,
    row.reason,
  ].map(escapeFormula);
}

/**
 * The rows as CSV text (SPEC §6): the header row, then one line per row in the
 * order given. RFC 4180 quoting only where a cell needs it, CRLF line ends, and
 * the last line ends with CRLF too, so that concatenated or appended exports
 * stay well-formed.
 */
export function matrixCsv(rows: readonly MatrixRow[]): string {
  // Header and rows go in as one array of arrays: given `{ fields, data: [] }`,
  // Papa.unparse writes a stray empty row after the header.
  const lines: string[][] = [[...MATRIX_CSV_HEADER], ...rows.map(rowCells)];
  const body = Papa.unparse(lines, { newline: CRLF, quotes: false, escapeFormulae: false });
  // Papa.unparse puts CRLF between lines only; the last line gets one here.
  return body + CRLF;
}

/** The port matrix export: one row per (firewall, flow) crossing it (SPEC §6). */
export function portMatrixCsv(rows: readonly MatrixRow[]): string {
  return matrixCsv(rows);
}

/** The all-flows export: one row per flow, firewalls joined by `; ` (SPEC §6). */
export function allFlowsCsv(rows: readonly MatrixRow[]): string {
  return matrixCsv(rows);
}
