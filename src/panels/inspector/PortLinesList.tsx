import type { PortLine } from './flowSummary';

/** The ports some flows need, one line each: "TCP 135 RPC endpoint mapper ×4". */
export function PortLinesList({
  lines,
  label,
  empty,
}: {
  lines: readonly PortLine[];
  label: string;
  empty: string;
}) {
  if (lines.length === 0) return <p className="text-xs text-slate-500">{empty}</p>;
  return (
    <ul aria-label={label} className="max-h-56 space-y-0.5 overflow-y-auto text-xs">
      {lines.map((line) => (
        <li key={`${line.ports} ${line.service}`} className="flex items-baseline gap-2">
          <span
            className={`shrink-0 rounded px-1 font-mono ${line.dynamic ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-800'}`}
          >
            TCP {line.ports}
          </span>
          <span className="min-w-0 flex-1 text-slate-700">{line.service}</span>
          {line.flows > 1 ? (
            <span className="shrink-0 text-slate-600" title={`${line.flows} flows`}>
              ×{line.flows}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
