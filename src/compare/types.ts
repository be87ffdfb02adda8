/**
 * The shape of a comparison of two versions of a plan (SPEC §10): what the
 * firewalls must now allow or no longer allow, which findings appeared or went
 * away, and which objects were added, removed or changed.
 */
import type { StaticRpcService } from '../engine/findingCatalog';
import type { Analysis, Finding, MatrixRow } from '../engine/types';
import type { Plan } from '../model/types';

/** One plan and the engine's analysis of that same plan. */
export interface AnalysedPlan {
  readonly plan: Plan;
  readonly analysis: Analysis;
}

export type RowChangeKind = 'added' | 'removed';

/**
 * A port matrix row that only one of the two plans has. Its identity (SPEC
 * §10) is firewall id, source id, destination id, protocol, port, service,
 * source address and destination address; the names and sites in `row` are
 * as the plan that has it shows them (the old plan for a removed row).
 */
export interface ChangedRow {
  readonly change: RowChangeKind;
  readonly firewallId: string;
  readonly sourceId: string;
  readonly destinationId: string;
  /** The row's cells; `flowIndex` points into the analysis of the plan that has the row. */
  readonly row: MatrixRow;
}

export type FindingChangeKind = 'appeared' | 'wentAway';

/**
 * A finding that only one of the two plans has, identified by its code and the
 * sorted ids of its subjects, and for DYNAMIC_RPC_PORTS also its RPC service.
 */
export interface ChangedFinding {
  readonly change: FindingChangeKind;
  readonly finding: Finding;
  /** The RPC service of a DYNAMIC_RPC_PORTS finding, part of its identity. */
  readonly rpc?: StaticRpcService;
}

/** The collections of a plan whose objects have ids. */
export type Collection = 'sites' | 'nodes' | 'links' | 'connectors' | 'notes';

export type ObjectChangeKind = 'added' | 'removed' | 'changed';

/**
 * One field that differs, by its path inside the object (`address`,
 * `staticPorts.mta`, `targetsA`). A side the object lacks is absent:
 * `old` for a field an added object has, `new` for one a removed object had.
 */
export interface FieldChange {
  readonly field: string;
  readonly old?: unknown;
  readonly new?: unknown;
}

/** A site, node, link, connector or note that was added, removed or changed, by id. */
export interface ObjectChange {
  readonly collection: Collection;
  readonly id: string;
  readonly change: ObjectChangeKind;
  /** `server`, `client`, … for nodes; `site` or `x400` for connectors; else the collection's singular. */
  readonly kind: string;
  /** The name as the newer side shows it (the old name for a removed object); `''` when it has none. */
  readonly name: string;
  /**
   * Every field that differs, with old and new value; for an added or removed
   * object every field it has. Drawing-only fields (position, size) are left
   * out: the engine ignores them and a design review is not about layout.
   */
  readonly fields: readonly FieldChange[];
  /**
   * The changed rows this object took part in, as indexes into the
   * comparison's `rows.removed` and `rows.added`: rows whose firewall, source
   * or destination it is, whose flow uses it (a link), or whose flow comes from
   * a relationship that names it (a connector, its sites, the site of two
   * servers talking inside it, a client's server, a smart host, …).
   */
  readonly rows: { readonly removed: readonly number[]; readonly added: readonly number[] };
}

/** The comparison of an old and a new version of a plan (SPEC §10). */
export interface PlanComparison {
  /** Each part in port matrix order (SPEC §6): removed rows as the old plan sorts them, added as the new. */
  readonly rows: { readonly removed: readonly ChangedRow[]; readonly added: readonly ChangedRow[] };
  /** Each part in the order its analysis gives (severity, code, names). */
  readonly findings: {
    readonly wentAway: readonly ChangedFinding[];
    readonly appeared: readonly ChangedFinding[];
  };
  /** By collection (sites, nodes, links, connectors, notes), then name, then id, by code point. */
  readonly objects: readonly ObjectChange[];
}
