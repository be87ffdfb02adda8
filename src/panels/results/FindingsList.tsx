import { useState } from 'react';
import type { Finding, Severity } from '../../engine/types';
import { useAnalysisState } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { groupFindings } from '../findingGroups';

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
 * The findings of SPEC §5, errors first. Choosing one selects what it is
 * about and asks the canvas to bring it into view.
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

  const choose = (finding: Finding, index: number) => {
    select(finding.subjects);
    setHighlight({ kind: 'finding', index });
    focus(finding.subjects);
  };

  if (pending && groups.length === 0) {
    return (
      <ul aria-label="Findings" className="p-3">
        <li className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700">
          Analysing the plan…
        </li>
      </ul>
    );
  }

  if (groups.length === 0) {
    return (
      <ul aria-label="Findings" className="p-3">
        <li className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-xs text-emerald-900">
          No findings — the plan follows every rule.
        </li>
      </ul>
    );
  }

  // One flat list, so every list item is one finding; the group headings sit between them without being items.
  return (
    <ul aria-label="Findings" className="space-y-1 p-2">
      {groups.map((group) => {
        const style = SEVERITY_STYLE[group.severity];
        return [
          <li key={`${group.severity}-heading`} role="none" className="px-1 pt-1 first:pt-0">
            <h3 className={`text-[11px] font-semibold uppercase tracking-wide ${style.heading}`}>
              {group.title} <span className="font-normal text-slate-500">({group.items.length})</span>
            </h3>
          </li>,
          ...(expanded.has(group.severity) ? group.items : group.items.slice(0, FINDINGS_SHOWN)).map(
            ({ finding, index }) => (
              <li key={index}>
                <button
                  type="button"
                  aria-current={highlighted === index ? 'true' : undefined}
                  onClick={() => choose(finding, index)}
                  className={`block w-full rounded border border-l-4 border-slate-200 bg-white px-2 py-1.5 text-left text-xs leading-snug text-slate-800 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 aria-[current=true]:border-blue-400 aria-[current=true]:bg-blue-50 ${style.bar}`}
                >
                  <span className="mb-0.5 flex flex-wrap items-center gap-1.5">
                    <span className={`rounded px-1 text-[10px] font-semibold uppercase ${style.badge}`}>
                      {style.label}
                    </span>
                    <span className="font-mono text-[10px] text-slate-500">{finding.code}</span>
                  </span>
                  <span className="block [overflow-wrap:anywhere]">{finding.message}</span>
                  <span className="mt-0.5 block text-[11px] text-slate-500">{finding.kb.join(' · ')}</span>
                </button>
              </li>
            ),
          ),
          group.items.length > FINDINGS_SHOWN && !expanded.has(group.severity) ? (
            <li key={`${group.severity}-more`} role="none" className="px-1">
              <button
                type="button"
                className="text-xs font-medium text-blue-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
                onClick={() => setExpanded(new Set([...expanded, group.severity]))}
              >
                Show all {group.items.length} {group.title.toLowerCase()}
              </button>
            </li>
          ) : null,
        ];
      })}
    </ul>
  );
}
