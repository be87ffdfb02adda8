/**
 * The change CSV of a plan comparison (SPEC §10): the port matrix columns
 * preceded by `Change`, so a firewall team sees which rules to remove and
 * which to add. Quoted and made formula-safe exactly as the port matrix is.
 */
import type { MatrixRow } from '../engine/types';
import { type CsvOptions, csvText, MATRIX_CSV_HEADER, matrixRowCells } from './csv';

/** The header row of the change CSV, in column order. */
export const CHANGE_CSV_HEADER = ['Change', ...MATRIX_CSV_HEADER] as const;

/** A matrix row with what happened to it; a plan comparison's changed rows fit this shape. */
export interface ChangeCsvRow {
  readonly change: 'added' | 'removed';
  readonly row: MatrixRow;
}

/**
 * Every removed row first, then every added row, each part in the order given
 * (the comparison gives matrix order), as CSV text with the port matrix's
 * quoting, formula safety and CRLF line ends.
 */
export function changeCsv(
  rows: { readonly removed: readonly ChangeCsvRow[]; readonly added: readonly ChangeCsvRow[] },
  options: CsvOptions = {},
): string {
  const line = (r: ChangeCsvRow) => [r.change, ...matrixRowCells(r.row)];
  return csvText([[...CHANGE_CSV_HEADER], ...rows.removed.map(line), ...rows.added.map(line)], options);
}
