import { useId, useMemo } from 'react';
import type { ChangedRow, ObjectChange } from '../../compare/types';
import { changeCsv } from '../../io/changeCsv';
import { exportFileName, zipOfFiles } from '../../io/exports';
import {
  changeRequestFiles,
  filesAsText,
  RULE_FORMATS,
  type RuleFormat,
  ruleFormat,
} from '../../rules/formats';
import type { GeneratedFile } from '../../rules/platform';
import { type ReviewComparison, useReviewComparison } from '../../store/comparison';
import { takeOverComparedNotes } from '../../store/reviewActions';
import { ghostId } from '../../store/reviewSlice';
import { usePlanner } from '../../store/store';
import { downloadBlob } from '../download';
import { FindingMessage } from '../FindingMessage';
import { usePanelState } from '../panelState';
import { baseName, ruleSetFor } from '../rules/ruleView';

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-[12px] font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500';
const ROW_BUTTON =
  'w-full rounded px-1.5 py-0.5 text-left hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-500';

/** The number in the Changes tab: rows and objects that changed; null outside compare mode. */
export function useChangeCount(): number | null {
  const review = useReviewComparison();
  if (!review) return null;
  const { rows, objects } = review.comparison;
  return rows.added.length + rows.removed.length + objects.length;
}

/** Shows a change on the canvas: its ids emphasised (ghost ids for what is gone) and brought into view. */
function showChange(ids: string[]) {
  const store = usePlanner.getState();
  store.setHighlight({ kind: 'change', ids });
  store.focus(ids);
}

/**
 * Compare mode's list of changes from the compared plan to the open one
 * (SPEC §10): the firewall rules to add and remove, per firewall; the
 * findings that appeared or went away; the objects added, removed or
 * changed. Choosing a change shows it on the canvas. The change CSV is byte
 * for byte what `npm run diff -- OLD NEW` writes.
 */
export function ChangesPanel() {
  const review = useReviewComparison();
  const compared = usePlanner((s) => s.compared);
  const openCompare = usePanelState((s) => s.openCompareDialog);
  if (!review || !compared) {
    return (
      <div className="space-y-2 px-3 py-3 text-xs text-slate-600">
        <p>
          Compare this plan with another version of it — a plan of the Plans list, a plan file, a share link
          or the plan as last marked reviewed — to see the firewall rules to add and remove and what else
          changed.
        </p>
        <button type="button" className={BUTTON} onClick={openCompare}>
          Compare with…
        </button>
      </div>
    );
  }
  return <Changes review={review} label={compared.label} hasNotes={compared.plan.notes.length > 0} />;
}

function Changes({
  review,
  label,
  hasNotes,
}: {
  review: ReviewComparison;
  label: string;
  hasNotes: boolean;
}) {
  const { comparison } = review;
  const { rows, findings, objects } = comparison;
  const planName = usePlanner((s) => s.plan.name);
  const byFirewall = useMemo(() => groupByFirewall([...rows.removed, ...rows.added]), [rows]);
  const exportCsv = () => {
    const name = exportFileName(planName, 'changes', 'csv');
    downloadBlob(name, new Blob([changeCsv(rows)], { type: 'text/csv' }));
    usePlanner.getState().notify({ kind: 'info', text: `Exported the changes as ${name}.` });
  };
  const summary = `${rows.removed.length} ${rows.removed.length === 1 ? 'rule' : 'rules'} to remove, ${rows.added.length} to add; ${findings.appeared.length} ${findings.appeared.length === 1 ? 'finding' : 'findings'} appeared, ${findings.wentAway.length} went away; ${objects.length} ${objects.length === 1 ? 'object' : 'objects'} changed`;
  return (
    <div className="space-y-3 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-[12px] text-slate-700">
          <span className="font-semibold">Changes since {label}</span> · {summary}
        </p>
        <span className="ml-auto flex gap-1.5">
          <button type="button" className={BUTTON} onClick={exportCsv}>
            Export change CSV
          </button>
          {hasNotes ? (
            <button type="button" className={BUTTON} onClick={takeOverComparedNotes}>
              Take over notes
            </button>
          ) : null}
          <button type="button" className={BUTTON} onClick={() => usePlanner.getState().stopCompare()}>
            Stop comparing
          </button>
        </span>
      </div>
      <section aria-labelledby="changes-rules">
        <h3 id="changes-rules" className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          Firewall rules
        </h3>
        {byFirewall.length === 0 ? (
          <p className="text-xs text-slate-500">The firewalls need exactly the same rules.</p>
        ) : (
          <>
            <RuleChangeExport review={review} planName={planName} />
            {byFirewall.map(([firewall, list]) => (
              <FirewallChanges key={firewall.id} firewall={firewall} rows={list} review={review} />
            ))}
          </>
        )}
      </section>
      <section aria-labelledby="changes-findings">
        <h3
          id="changes-findings"
          className="text-[11px] font-semibold uppercase tracking-wide text-slate-500"
        >
          Findings
        </h3>
        {findings.appeared.length + findings.wentAway.length === 0 ? (
          <p className="text-xs text-slate-500">The same findings as before.</p>
        ) : (
          <ul aria-label="Changed findings" className="space-y-0.5 text-[12px]">
            {[...findings.appeared, ...findings.wentAway].map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list rebuilt as a whole
              <li key={i}>
                <button
                  type="button"
                  className={ROW_BUTTON}
                  onClick={() =>
                    showChange(
                      f.change === 'appeared'
                        ? f.finding.subjects
                        : f.finding.subjects.map((id) => presentOrGhost(review, id)),
                    )
                  }
                >
                  <span className="font-semibold">
                    {f.change === 'appeared' ? '+ Appeared' : '− Went away'}
                  </span>{' '}
                  <span className="uppercase text-slate-500">{f.finding.severity}</span> {f.finding.code}:{' '}
                  <FindingMessage finding={f.finding} whole />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="changes-objects">
        <h3 id="changes-objects" className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          Objects
        </h3>
        {objects.length === 0 ? (
          <p className="text-xs text-slate-500">No site, node, link, connector or note changed.</p>
        ) : (
          <ul aria-label="Changed objects" className="space-y-0.5 text-[12px]">
            {objects.map((o) => (
              <li key={`${o.collection}:${o.id}`}>
                <button type="button" className={ROW_BUTTON} onClick={() => showChange(objectIds(review, o))}>
                  <span className="font-semibold">{OBJECT_CHANGE[o.change]}</span> {o.kind} {o.name || o.id}
                  {o.change === 'changed' ? (
                    <span className="text-slate-600">
                      {' '}
                      —{' '}
                      {o.fields
                        .map((f) => `${f.field}: ${valueText(f.old)} → ${valueText(f.new)}`)
                        .join('; ')}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const OBJECT_CHANGE = { added: '+ Added', removed: '− Removed', changed: 'Δ Changed' } as const;

function valueText(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function presentOrGhost(review: ReviewComparison, id: string): string {
  const { plan } = review.after;
  const present = [plan.sites, plan.nodes, plan.links, plan.connectors].some((list) =>
    list.some((o) => o.id === id),
  );
  return present ? id : ghostId(id);
}

/** The canvas ids of an object change: itself (its ghost when removed) and, for an edge, its ends. */
function objectIds(review: ReviewComparison, change: ObjectChange): string[] {
  if (change.collection === 'notes') {
    const note = (change.change === 'removed' ? review.before : review.after).plan.notes.find(
      (n) => n.id === change.id,
    );
    return note?.about ? [presentOrGhost(review, note.about)] : [];
  }
  const side = change.change === 'removed' ? review.before.plan : review.after.plan;
  const ids = [presentOrGhost(review, change.id)];
  const edge = [...side.links, ...side.connectors].find((e) => e.id === change.id);
  if (edge) ids.push(presentOrGhost(review, edge.a), presentOrGhost(review, edge.b));
  return ids;
}

function groupByFirewall(rows: readonly ChangedRow[]): [{ id: string; name: string }, ChangedRow[]][] {
  const groups = new Map<string, { firewall: { id: string; name: string }; rows: ChangedRow[] }>();
  for (const row of rows) {
    const group = groups.get(row.firewallId) ?? {
      firewall: { id: row.firewallId, name: row.row.firewall },
      rows: [],
    };
    group.rows.push(row);
    groups.set(row.firewallId, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.firewall.name.localeCompare(b.firewall.name, 'en'))
    .map((g) => [g.firewall, g.rows]);
}

function FirewallChanges({
  firewall,
  rows,
  review,
}: {
  firewall: { id: string; name: string };
  rows: readonly ChangedRow[];
  review: ReviewComparison;
}) {
  const added = rows.filter((r) => r.change === 'added').length;
  return (
    <div className="mt-1">
      <p className="text-[12px] font-semibold text-slate-800">
        {firewall.name} · {rows.length - added} to remove, {added} to add
      </p>
      <table aria-label={`Rule changes on ${firewall.name}`} className="w-full text-left text-[12px]">
        <thead className="text-[11px] text-slate-500">
          <tr>
            <th className="px-1.5 font-medium">Change</th>
            <th className="px-1.5 font-medium">Source</th>
            <th className="px-1.5 font-medium">Destination</th>
            <th className="px-1.5 font-medium">Port</th>
            <th className="px-1.5 font-medium">Service</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const ids = [r.firewallId, r.sourceId, r.destinationId].map((id) => presentOrGhost(review, id));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only table rebuilt as a whole
              <tr key={i} className={r.change === 'added' ? 'bg-[#0072B2]/5' : 'bg-[#D55E00]/5'}>
                <td className="px-1.5">
                  <button
                    type="button"
                    className="font-semibold text-slate-800 underline decoration-dotted focus-visible:outline-2 focus-visible:outline-blue-500"
                    aria-label={`Show ${r.change} rule ${r.row.source} to ${r.row.destination} ${r.row.protocol} ${r.row.port} on the canvas`}
                    onClick={() => showChange(ids)}
                  >
                    {r.change === 'added' ? '+ added' : '− removed'}
                  </button>
                </td>
                <td className="px-1.5">
                  {r.row.source} <span className="text-slate-600">{r.row.sourceAddress}</span>
                </td>
                <td className="px-1.5">
                  {r.row.destination} <span className="text-slate-600">{r.row.destinationAddress}</span>
                </td>
                <td className="px-1.5 font-mono tabular-nums">
                  {r.row.protocol} {r.row.port}
                </td>
                <td className="px-1.5">{r.row.service}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const SELECT =
  'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500';

/**
 * The change request for the firewall team in a firewall format (the one the
 * Firewall rules tab shows): per firewall the rules to close and to open, as
 * `npm run diff -- OLD NEW --format F` writes them. Copy, or download (one
 * file as it is, several as a ZIP).
 */
function RuleChangeExport({ review, planName }: { review: ReviewComparison; planName: string }) {
  const formatId = useId();
  const chosen = usePanelState((s) => s.rulesFormat);
  const setRulesFormat = usePanelState((s) => s.setRulesFormat);
  const format = ruleFormat(chosen) ?? (RULE_FORMATS[0] as RuleFormat);
  const files = useMemo(
    () =>
      changeRequestFiles(
        format,
        ruleSetFor(review.before.plan, review.before.analysis),
        ruleSetFor(review.after.plan, review.after.analysis),
      ),
    [format, review],
  );
  const notify = usePlanner((s) => s.notify);
  const what = `the ${format.id} rule changes`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(filesAsText(files));
      notify({ kind: 'info', text: `Copied ${what} to the clipboard.` });
    } catch (error) {
      notify({
        kind: 'error',
        text: `The rule changes could not be copied: ${error instanceof Error ? error.message : String(error)}. Download them instead.`,
      });
    }
  };
  const download = () => {
    const only = files.length === 1 ? (files[0] as GeneratedFile) : null;
    const name = only ? baseName(only.path) : exportFileName(planName, `${format.id}-changes`, 'zip');
    downloadBlob(
      name,
      only ? new Blob([only.content], { type: 'text/plain;charset=utf-8' }) : zipOfFiles(files),
    );
    notify({ kind: 'info', text: `Saved ${what} as ${name}.` });
  };
  if (files.length === 0) {
    // Rows changed but no rule did: a row that moved inside a rule the firewall already has.
    return null;
  }
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
      <label htmlFor={formatId} className="font-medium text-slate-600">
        Rule changes as
      </label>
      <select
        id={formatId}
        className={SELECT}
        value={format.id}
        onChange={(e) => setRulesFormat(e.target.value)}
      >
        {RULE_FORMATS.map((f) => (
          <option key={f.id} value={f.id} title={f.label}>
            {f.id}
          </option>
        ))}
      </select>
      <button type="button" className={BUTTON} onClick={() => void copy()}>
        Copy rule changes
      </button>
      <button type="button" className={BUTTON} onClick={download}>
        {files.length === 1 ? 'Download rule changes' : 'Download rule changes (ZIP)'}
      </button>
    </div>
  );
}
