import { type ReactNode, useEffect } from 'react';
import { usePlanner } from '../store/store';

/** An information notice goes away by itself; an error stays until dismissed or replaced. */
const INFO_MS = 6000;

/**
 * The planner's notices: refusals in an alert, confirmations in a status
 * line. Both regions are always present so screen readers announce what
 * appears in them. `lead` (a banner that waits for a choice) stands above
 * them in the same floating column.
 */
export function Notices({ lead }: { lead?: ReactNode }) {
  const notice = usePlanner((s) => s.notice);
  const notify = usePlanner((s) => s.notify);

  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = window.setTimeout(() => {
      if (usePlanner.getState().notice === notice) notify(null);
    }, INFO_MS);
    return () => window.clearTimeout(timer);
  }, [notice, notify]);

  const box =
    'pointer-events-auto flex max-w-[min(560px,90%)] items-start gap-2 rounded-lg border px-3 py-2 text-[12.5px] shadow-md';
  return (
    <div className="pointer-events-none absolute top-3 left-1/2 z-30 flex w-full -translate-x-1/2 flex-col items-center gap-2">
      {lead}
      <div role="alert" className="flex w-full flex-col items-center">
        {notice?.kind === 'error' && (
          <div className={`${box} border-red-200 bg-red-50 text-red-800`}>
            <span aria-hidden="true" className="mt-0.5 h-2 w-2 shrink-0 rounded-full bg-red-600" />
            <span className="min-w-0 flex-1">{withBdi(notice.text)}</span>
            <Dismiss onClick={() => notify(null)} />
          </div>
        )}
      </div>
      <div role="status" className="flex w-full flex-col items-center">
        {notice?.kind === 'info' && (
          <div className={`${box} border-slate-200 bg-white text-slate-700`}>
            <span aria-hidden="true" className="mt-0.5 h-2 w-2 shrink-0 rounded-full bg-blue-500" />
            <span className="min-w-0 flex-1">{withBdi(notice.text)}</span>
            <Dismiss onClick={() => notify(null)} />
          </div>
        )}
      </div>
    </div>
  );
}

function Dismiss({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label="Dismiss"
      onClick={onClick}
      className="-mr-1 rounded px-1 text-[14px] leading-none opacity-60 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-500"
    >
      ×
    </button>
  );
}

/**
 * A notice's text with each name that `isolate` set between U+2068 and
 * U+2069 drawn as a `<bdi>` instead: the same isolation, and no invisible
 * characters in what is read aloud or copied.
 */
function withBdi(text: string): ReactNode[] {
  return text.split(/(\u2068[^\u2068\u2069]*\u2069)/).map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
    part.startsWith('\u2068') ? <bdi key={i}>{part.slice(1, -1)}</bdi> : part,
  );
}
