import { memo, useCallback, useState } from 'react';
import type { Finding, Severity } from '../../engine/types';
import { useAnalysisState } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { FindingMessage } from '../FindingMessage';
import { findingFix } from '../findingFix';
import { groupFindings } from '../findingGroups';
import { revealInspectorField } from '../inspector/revealField';

const SEVERITY_STYLE: Readonly<
  Record<Severity, { badge: string; heading: string; bar: string; label: string }>
> = {
  error: {
    badge: 'bg-red-100 text-red-800',
    heading: 'text-red-800',
    bar: 'border-l-red-500',
    label: 'Error',
  },
  warning: {
    badge: 'bg-amber-100 text-amber-900',
    heading: 'text-amber-900',
    bar: 'border-l-amber-500',
    label: 'Warning',
  },
  info: {
    badge: 'bg-sky-100 text-sky-900',
    heading: 'text-sky-900',
    bar: 'border-l-sky-500',
    label: 'Info',
  },
};

/** Findings drawn per severity before "Show all". */
const FINDINGS_SHOWN = 300;

/**
 * The findings of SPEC §5, errors first. Choosing one selects the object
 * that fixes it, puts the keyboard in the field that does (findingFix.ts),
 * and asks the canvas to bring what it is about into view.
 */
export function FindingsList() {
  const { analysis, pending } = useAnalysisState();
  const highlighted = usePlanner((s) => (s.highlight?.kind === 'finding' ? s.highlight.index : null));
  const select = usePlanner((s) => s.select);
  const setHighlight = usePlanner((s) => s.setHighlight);
  const focus = usePlanner((s) => s.focus);
  const groups = groupFindings(analysis.findings);
  // Long groups show their first findings until asked for all, so a large plan stays responsive.
  const [expanded, setExpanded] = useState<ReadonlySet<Severity>>(() => new Set());

  // The object whose field fixes the finding is selected alone, and that field takes the keyboard;
  // the other subjects stay emphasised on the canvas by the highlight.
  const choose = useCallback(
    (finding: Finding, index: number) => {
      const fix = findingFix(finding, usePlanner.getState().plan);
      select(fix.select ? [fix.select] : []);
      setHighlight({ kind: 'finding', index });
      focus(finding.subjects);
      if (fix.field) revealInspectorField(fix.field);
    },
    [select, setHighlight, focus],
  );

  if (pending && groups.length === 0) {
    return (
      <section aria-label="Findings" className="p-3">
        <ul>
          <li className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700">
            Analysing the plan…
          </li>
        </ul>
      </section>
    );
  }

  if (groups.length === 0) {
    return (
      <section aria-label="Findings" className="p-3">
        <ul>
          <li className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-xs text-emerald-900">
            No findings — the plan follows every rule.
          </li>
        </ul>
      </section>
    );
  }

  // One list per severity under its heading, so every list item is one finding.
  return (
    <section aria-label="Findings" className="space-y-2 p-2">
      {groups.map((group) => {
        const style = SEVERITY_STYLE[group.severity];
        const headingId = `findings-${group.severity}`;
        return (
          <div key={group.severity}>
            <h3
              id={headingId}
              className={`px-1 pb-1 text-[11px] font-semibold uppercase tracking-wide ${style.heading}`}
            >
              {group.title} <span className="font-normal text-slate-600">({group.items.length})</span>
            </h3>
            <ul aria-labelledby={headingId} className="space-y-1">
              {(expanded.has(group.severity) ? group.items : group.items.slice(0, FINDINGS_SHOWN)).map(
                ({ finding, index }) => (
                  <FindingItem
                    key={index}
                    finding={finding}
                    index={index}
                    current={highlighted === index}
                    onChoose={choose}
                  />
                ),
              )}
            </ul>
            {group.items.length > FINDINGS_SHOWN && !expanded.has(group.severity) ? (
              <p className="px-1 pt-1">
                <button
                  type="button"
                  className="text-xs font-medium text-blue-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
                  onClick={() => setExpanded(new Set([...expanded, group.severity]))}
                >
                  Show all {group.items.length} {group.title.toLowerCase()}
                </button>
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

/**
 * One finding. Drawn again only when it or its being chosen changes: while a
 * large plan's edit is analysed the list keeps the last answer, and hundreds
 * of findings need not be drawn again for it.
 */
const FindingItem = memo(function FindingItem({
  finding,
  index,
  current,
  onChoose,
}: {
  finding: Finding;
  index: number;
  current: boolean;
  onChoose: (finding: Finding, index: number) => void;
}) {
  const style = SEVERITY_STYLE[finding.severity];
  return (
    <li>
      <button
        type="button"
        aria-current={current ? 'true' : undefined}
        onClick={() => onChoose(finding, index)}
        className={`block w-full rounded border border-l-4 border-slate-200 bg-white px-2 py-1.5 text-left text-xs leading-snug text-slate-800 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 aria-[current=true]:border-blue-400 aria-[current=true]:bg-blue-50 ${style.bar}`}
      >
        <span className="mb-0.5 flex flex-wrap items-center gap-1.5">
          <span className={`rounded px-1 text-[10px] font-semibold uppercase ${style.badge}`}>
            {style.label}
          </span>
          <span className="font-mono text-[10px] text-slate-600">{finding.code}</span>
        </span>
        <span className="block [overflow-wrap:anywhere]">
          {/* The finding chosen shows its message whole; the others shorten very long lists of names. */}
          <FindingMessage finding={finding} whole={current} />
        </span>
        <span className="mt-0.5 block text-[11px] text-slate-600">{finding.kb.join(' · ')}</span>
      </button>
    </li>
  );
});
