import { type KeyboardEvent, useRef } from 'react';
import { useAnalysisState } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { countBySeverity } from '../findingGroups';
import { type ResultsTab, usePanelState } from '../panelState';
import { ChangesPanel, useChangeCount } from '../review/ChangesPanel';
import { NotesPanel } from '../review/NotesPanel';
import { RulesView } from '../rules/RulesView';
import { tabAfterKey } from '../tabKeys';
import { FindingsList } from './FindingsList';
import { PortMatrixTable } from './PortMatrixTable';

const TABS: readonly { id: ResultsTab; name: string }[] = [
  { id: 'findings', name: 'Findings' },
  { id: 'matrix', name: 'Port matrix' },
  { id: 'rules', name: 'Firewall rules' },
  { id: 'notes', name: 'Notes' },
  { id: 'changes', name: 'Changes' },
];

const tabId = (tab: ResultsTab) => `results-tab-${tab}`;
const panelId = (tab: ResultsTab) => `results-panel-${tab}`;

/**
 * The engine's answer for the plan, behind three tabs (WAI-ARIA tabs pattern):
 * the findings, the port matrix and the firewall rules made from it. Counts sit in the tabs, hidden from
 * assistive technology so each tab's name stays exactly its title.
 */
export function ResultsPanel() {
  const tab = usePanelState((s) => s.tab);
  const setTab = usePanelState((s) => s.setTab);
  const { analysis, pending } = useAnalysisState();
  const counts = countBySeverity(analysis.findings);
  const ruleCount = [...analysis.flowsByFirewall.values()].reduce((n, list) => n + list.length, 0);
  const openNotes = usePlanner((s) => s.plan.notes.reduce((n, note) => n + (note.resolved ? 0 : 1), 0));
  const changeCount = useChangeCount();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const next = tabAfterKey(e.key, index, TABS.length);
    const target = next === null ? undefined : TABS[next];
    if (next === null || !target) return;
    e.preventDefault();
    setTab(target.id);
    tabs.current[next]?.focus();
  };

  return (
    <section aria-label="Results" className="flex h-full min-h-0 flex-col bg-white text-[13px]">
      <div className="flex items-end border-b border-slate-200 px-2 pt-1">
        <div role="tablist" aria-label="Results" className="flex min-w-0 items-end gap-1 overflow-x-auto">
          {TABS.map((t, index) => {
            const selected = t.id === tab;
            return (
              <button
                key={t.id}
                ref={(el) => {
                  tabs.current[index] = el;
                }}
                type="button"
                role="tab"
                id={tabId(t.id)}
                aria-selected={selected}
                aria-controls={panelId(t.id)}
                tabIndex={selected ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => onKeyDown(e, index)}
                className={`-mb-px flex shrink-0 items-center gap-1.5 rounded-t border px-3 py-1.5 whitespace-nowrap text-xs font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${
                  selected
                    ? 'border-slate-200 border-b-white bg-white text-slate-900'
                    : 'border-transparent text-slate-500 hover:text-slate-800'
                }`}
              >
                {t.name}
                {t.id === 'findings' ? (
                  <span aria-hidden="true" className="flex gap-1">
                    {counts.error > 0 ? (
                      <span className="rounded-full bg-red-600 px-1.5 text-[10px] font-semibold text-white">
                        {counts.error}
                      </span>
                    ) : null}
                    {counts.warning > 0 ? (
                      <span className="rounded-full bg-amber-100 px-1.5 text-[10px] font-semibold text-amber-900">
                        {counts.warning}
                      </span>
                    ) : null}
                    {counts.error === 0 && counts.warning === 0 && !pending ? (
                      <span className="rounded-full bg-emerald-100 px-1.5 text-[10px] font-semibold text-emerald-800">
                        ✓
                      </span>
                    ) : null}
                  </span>
                ) : (
                  <TabCount
                    count={
                      t.id === 'matrix'
                        ? ruleCount
                        : t.id === 'notes'
                          ? openNotes
                          : t.id === 'changes'
                            ? changeCount
                            : null
                    }
                  />
                )}
              </button>
            );
          })}
        </div>
        {/* A large plan is analysed off the page's thread; say so while its answer is pending. */}
        <p aria-live="polite" className="ml-auto self-center text-xs text-slate-600">
          {pending ? 'Analysing…' : ''}
        </p>
      </div>
      {TABS.map((t) =>
        t.id === tab ? (
          <div
            key={t.id}
            role="tabpanel"
            id={panelId(t.id)}
            aria-labelledby={tabId(t.id)}
            className="min-h-0 flex-1 overflow-auto"
          >
            {t.id === 'findings' ? (
              <FindingsList />
            ) : t.id === 'matrix' ? (
              <PortMatrixTable />
            ) : t.id === 'rules' ? (
              <RulesView />
            ) : t.id === 'notes' ? (
              <NotesPanel />
            ) : (
              <ChangesPanel />
            )}
          </div>
        ) : null,
      )}
    </section>
  );
}

/** A tab's count, hidden from assistive technology (the panel says it in words); none for null. */
function TabCount({ count }: { count: number | null }) {
  if (count === null) return null;
  return (
    <span
      aria-hidden="true"
      className="rounded-full bg-slate-100 px-1.5 text-[10px] font-semibold text-slate-600"
    >
      {count}
    </span>
  );
}
