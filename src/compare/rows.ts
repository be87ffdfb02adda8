/**
 * The port matrix rows that one plan has and the other lacks (SPEC §10): what
 * a firewall team must open or may close when the design changes.
 */
import { portMatrixRows } from '../engine/matrix';
import type { Flow, MatrixRow } from '../engine/types';
import type { AnalysedPlan, ChangedRow, RowChangeKind } from './types';

/** A character no id, address or flow key holds, to join identity parts. */
const SEPARATOR = '\u0000';

/** A matrix row with the ids its identity needs. */
interface IdentifiedRow {
  readonly key: string;
  readonly firewallId: string;
  readonly sourceId: string;
  readonly destinationId: string;
  readonly row: MatrixRow;
}

/**
 * A row's identity (SPEC §10): firewall id, source id, destination id,
 * protocol, port, service, source address and destination address. The
 * flow's id already holds the middle five (source, destination, protocol,
 * port, service). Names and sites are not part of it, so a rename changes no
 * row, while a changed address removes the old rule and adds a new one.
 */
export function rowIdentity(
  firewallId: string,
  flow: Pick<Flow, 'id'>,
  sourceAddress: string,
  destinationAddress: string,
): string {
  // join() gives a flat string, cheap to hash (as the engine's flow keys).
  return [firewallId, flow.id, sourceAddress, destinationAddress].join(SEPARATOR);
}

/** The port matrix of one analysed plan, in matrix order, each row with its identity. */
export function identifiedRows({ plan, analysis }: AnalysedPlan): IdentifiedRow[] {
  return portMatrixRows(plan, analysis).map((row) => {
    const flow = analysis.flows[row.flowIndex];
    if (!flow || row.firewallId === null) throw new Error('a port matrix row without its flow or firewall');
    return {
      key: rowIdentity(row.firewallId, flow, row.sourceAddress, row.destinationAddress),
      firewallId: row.firewallId,
      sourceId: flow.source,
      destinationId: flow.destination,
      row,
    };
  });
}

function onlyIn(
  rows: readonly IdentifiedRow[],
  other: ReadonlySet<string>,
  change: RowChangeKind,
): ChangedRow[] {
  const out: ChangedRow[] = [];
  for (const r of rows) {
    if (other.has(r.key)) continue;
    out.push({
      change,
      firewallId: r.firewallId,
      sourceId: r.sourceId,
      destinationId: r.destinationId,
      row: r.row,
    });
  }
  return out;
}

/**
 * The rows only the old plan has (removed) and only the new plan has (added),
 * each in the matrix order of its own plan (SPEC §6): firewall name, source
 * name, destination name, port, protocol, service.
 */
export function compareRows(
  before: AnalysedPlan,
  after: AnalysedPlan,
): { removed: ChangedRow[]; added: ChangedRow[] } {
  const oldRows = identifiedRows(before);
  const newRows = identifiedRows(after);
  const oldKeys = new Set(oldRows.map((r) => r.key));
  const newKeys = new Set(newRows.map((r) => r.key));
  return { removed: onlyIn(oldRows, newKeys, 'removed'), added: onlyIn(newRows, oldKeys, 'added') };
}
