import { Fragment, type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { analysisLimited } from '../../engine/analyze';
import { portMatrixRows } from '../../engine/matrix';
import type { MatrixRow } from '../../engine/types';
import { MATRIX_CSV_HEADER } from '../../io/csv';
import { exportRefusal, firewallPortMatrixCsv, PLAN_EXPORTS, PORT_MATRIX_CSV } from '../../io/exports';
import { useAnalysis, useAnalysisState } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { saveExport } from '../download';
import { BUTTON } from '../fields';
import { usePanelState } from '../panelState';
import { firewallChoices, isRange, MATRIX_RENDER_LIMIT, rowsOfFirewall } from './matrixView';

const ALL = '';
/** The exports made from the port matrix, each a download button above it. */
const MATRIX_EXPORTS = PLAN_EXPORTS.filter((format) => format.besideMatrix);

/**
 * The port matrix of SPEC §6 as a table: the columns of the CSV in its order,
 * every firewall by default. Choosing a row highlights the flow's path.
 */
export function PortMatrixTable() {
  const plan = usePlanner((s) => s.plan);
  const { analysis, pending } = useAnalysisState();
  const notify = usePlanner((s) => s.notify);
  const rows = useMemo(() => portMatrixRows(plan, analysis), [plan, analysis]);
  const firewalls = useMemo(() => firewallChoices(plan), [plan]);
  const filterId = useId();
  const chosen = usePanelState((s) => s.matrixFirewall);
  const setMatrixFirewall = usePanelState((s) => s.setMatrixFirewall);
  const firewallId = chosen !== null && firewalls.some((f) => f.id === chosen) ? chosen : null;
  const filtered = useMemo(() => rowsOfFirewall(rows, firewallId), [rows, firewallId]);
  const shown = filtered.length > MATRIX_RENDER_LIMIT ? filtered.slice(0, MATRIX_RENDER_LIMIT) : filtered;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-2 py-1.5">
        <label htmlFor={filterId} className="text-xs font-medium text-slate-600">
          Firewall
        </label>
        <select
          id={filterId}
          className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
          value={firewallId ?? ALL}
          onChange={(e) => setMatrixFirewall(e.target.value === ALL ? null : e.target.value)}
        >
          <option value={ALL}>All firewalls</option>
          {firewalls.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>

        <span className="text-xs text-slate-500" aria-live="polite">
          {filtered.length === 1 ? '1 rule' : `${filtered.length} rules`}
          {firewallId === null && firewalls.length > 0
            ? ` on ${firewalls.length === 1 ? '1 firewall' : `${firewalls.length} firewalls`}`
            : ''}
        </span>
        <span className="ml-auto flex gap-1.5">
          {MATRIX_EXPORTS.map((format) => {
            // Filtered to one firewall, the port matrix download holds that firewall's rows and says so in its name.
            const chosenFirewall = firewalls.find((f) => f.id === firewallId);
            const made =
              format.id === PORT_MATRIX_CSV.id && chosenFirewall
                ? firewallPortMatrixCsv(chosenFirewall)
                : format;
            return (
              <button
                key={format.id}
                type="button"
                className={BUTTON}
                title={made === format ? undefined : `Only the rows of ${chosenFirewall?.name}`}
                onClick={() => {
                  const refused = exportRefusal(made, { plan, analysis });
                  if (refused !== null) notify({ kind: 'error', text: refused });
                  else void saveExport(made, { plan, analysis });
                }}
              >
                Download {format.label}
              </button>
            );
          })}
        </span>
      </div>
      <div className="@container min-h-0 flex-1 overflow-auto">
        <MatrixTable
          rows={shown}
          emptyText={
            pending
              ? 'Analysing the plan…'
              : analysisLimited(analysis)
                ? 'No port matrix: the plan is too large to analyse (ANALYSIS_LIMIT under Findings says why).'
                : emptyText(firewalls.length, firewallId !== null)
          }
        />
        {shown.length < filtered.length ? (
          <p className="border-t border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-600">
            Showing {shown.length} of {filtered.length} rows — download the CSV for all.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function emptyText(firewallCount: number, filtered: boolean): string {
  if (firewallCount === 0)
    return 'The plan has no firewall: put one between endpoints to see the ports it must open.';
  return filtered ? 'No flow crosses this firewall.' : 'No flow crosses a firewall.';
}

/*
 * The matrix fits its panel at any width, without sideways scrolling. In a
 * panel narrower than 64rem (a laptop's, where the canvas takes the middle
 * of the screen) the addresses, sites and reason leave their columns for a
 * line under each row: six columns stay, each wide enough to read. The
 * columns that leave stay in the table for screen readers (visually hidden),
 * so the table reads as the CSV's eleven columns; the line under the row,
 * which repeats them, is hidden from them. Text wraps between words; only a
 * word longer than its column breaks.
 */
const TH =
  'sticky top-0 z-10 border-b border-slate-200 bg-slate-100 px-1.5 py-1 text-left align-bottom font-semibold text-slate-700 break-words';
const TD = 'border-b border-slate-100 px-1.5 py-1 break-words @max-5xl:border-b-transparent';
/** A column that a narrow panel moves to the line under the row. */
const WIDE_ONLY = '@max-5xl:sr-only';
/** The CSV columns a narrow panel shows under the row instead. */
const DETAIL_COLUMNS = new Set([
  'Source address',
  'Source site',
  'Destination address',
  'Destination site',
  'Reason',
]);
const NARROW_COLUMNS = MATRIX_CSV_HEADER.length - DETAIL_COLUMNS.size;

function MatrixTable({ rows, emptyText }: { rows: readonly MatrixRow[]; emptyText: string }) {
  const analysis = useAnalysis();
  const highlight = usePlanner(useShallow((s) => (s.highlight?.kind === 'flow' ? s.highlight : null)));
  const setHighlight = usePlanner((s) => s.setHighlight);
  const focus = usePlanner((s) => s.focus);
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const choose = (row: MatrixRow) => {
    const flow = analysis.flows[row.flowIndex];
    if (!flow) return;
    setHighlight({ kind: 'flow', flowId: flow.id, firewallId: row.firewallId });
    focus([flow.source, flow.destination]);
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    const tr = body.current?.querySelectorAll('tr[data-row]')[next];
    if (tr instanceof HTMLElement) tr.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: MatrixRow) => {
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(row);
    }
  };

  return (
    <table aria-label="Port matrix" className="w-full border-separate border-spacing-0 text-xs">
      <thead>
        <tr>
          {MATRIX_CSV_HEADER.map((column) => (
            <th key={column} scope="col" className={`${TH} ${DETAIL_COLUMNS.has(column) ? WIDE_ONLY : ''}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={MATRIX_CSV_HEADER.length} className="px-2 py-3 text-slate-500">
              {emptyText}
            </td>
          </tr>
        ) : (
          rows.map((row, index) => {
            const flow = analysis.flows[row.flowIndex];
            const isHighlighted =
              highlight !== null && flow?.id === highlight.flowId && row.firewallId === highlight.firewallId;
            const tone =
              flow?.status === 'error'
                ? 'bg-red-50 text-red-900 hover:bg-red-100'
                : isHighlighted
                  ? 'bg-blue-50'
                  : 'hover:bg-slate-50';
            const onRowClick = () => {
              setActive(index);
              choose(row);
            };
            return (
              <Fragment key={`${row.firewallId}:${row.flowIndex}`}>
                <tr
                  data-row
                  tabIndex={index === current ? 0 : -1}
                  data-highlighted={isHighlighted || undefined}
                  title={
                    flow?.status === 'error'
                      ? 'An error finding is about the relationship behind this flow.'
                      : undefined
                  }
                  onClick={onRowClick}
                  onKeyDown={(e) => onKeyDown(e, index, row)}
                  className={`cursor-pointer align-top focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500 data-[highlighted]:outline data-[highlighted]:outline-2 data-[highlighted]:-outline-offset-2 data-[highlighted]:outline-blue-400 ${tone}`}
                >
                  <Cell>{row.firewall}</Cell>
                  <Cell>{row.source}</Cell>
                  <AddressCell address={row.sourceAddress} />
                  <Cell muted wideOnly>
                    {row.sourceSite}
                  </Cell>
                  <Cell>{row.destination}</Cell>
                  <AddressCell address={row.destinationAddress} />
                  <Cell muted wideOnly>
                    {row.destinationSite}
                  </Cell>
                  <Cell muted>{row.protocol}</Cell>
                  <td className={`${TD} whitespace-nowrap font-mono`}>
                    <span className={isRange(row) ? 'rounded bg-amber-100 px-1 text-amber-900' : ''}>
                      {row.port}
                    </span>
                  </td>
                  <Cell>{row.service}</Cell>
                  <td className={`${TD} min-w-[12rem] text-slate-600 ${WIDE_ONLY}`}>{row.reason}</td>
                </tr>
                {/* The same facts for sighted readers of a narrow panel; screen readers have them in the row. */}
                <tr className={`@5xl:hidden ${tone}`}>
                  <td
                    colSpan={NARROW_COLUMNS}
                    className="border-b border-slate-200 px-1.5 pt-0 pb-1.5 text-slate-600 break-words"
                  >
                    <div aria-hidden="true">
                      <span className="font-mono">
                        {[row.sourceAddress, row.sourceSite].filter(Boolean).join(' · ') || '—'}
                      </span>
                      {' → '}
                      <span className="font-mono">
                        {[row.destinationAddress, row.destinationSite].filter(Boolean).join(' · ') || '—'}
                      </span>
                      <span className="block">{row.reason}</span>
                    </div>
                  </td>
                </tr>
              </Fragment>
            );
          })
        )}
      </tbody>
    </table>
  );
}

function Cell({ children, muted, wideOnly }: { children: string; muted?: boolean; wideOnly?: boolean }) {
  return (
    <td className={`${TD} ${muted ? 'text-slate-600' : ''} ${wideOnly ? WIDE_ONLY : ''}`}>{children}</td>
  );
}

/** An address in the matrix: monospaced like the port; empty when the endpoint has none (ADDRESS_MISSING). */
function AddressCell({ address }: { address: string }) {
  return <td className={`${TD} whitespace-nowrap font-mono text-slate-600 ${WIDE_ONLY}`}>{address}</td>;
}
