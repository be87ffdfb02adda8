import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { UNTITLED_PLAN_NAME } from '../../model/defaults';
import {
  compareWithBaseline,
  compareWithFile,
  compareWithLink,
  compareWithStored,
  reviewDateText,
} from '../../store/reviewActions';
import { usePlanner } from '../../store/store';
import { usePanelState } from '../panelState';

const BUTTON =
  'rounded border border-slate-300 bg-white px-2.5 py-1 text-[12px] font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-50';
const HEADING = 'text-[11px] font-semibold uppercase tracking-wide text-slate-500';

/**
 * "Compare with…": the older version the open plan is compared with — its
 * review baseline, another plan of the Plans list, a plan file, or a pasted
 * share link. A modal dialog: Escape or Close leaves it, and focus goes back
 * where it was.
 */
export function CompareDialog() {
  const open = usePanelState((s) => s.compareDialog);
  const close = usePanelState((s) => s.closeCompareDialog);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="compare-dialog-title"
      onClose={close}
      className="m-auto w-[440px] max-w-[95vw] rounded-lg border border-slate-300 p-0 text-[13px] shadow-xl backdrop:bg-slate-900/30"
    >
      {open ? <CompareChoices onDone={close} /> : null}
    </dialog>
  );
}

function CompareChoices({ onDone }: { onDone: () => void }) {
  const baseline = usePlanner((s) => s.baseline);
  const storedPlans = usePlanner((s) => s.storedPlans);
  const openPlanId = usePlanner((s) => s.openPlanId);
  const others = storedPlans.filter((p) => p.id !== openPlanId);
  const [choice, setChoice] = useState(others[0]?.id ?? '');
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const planId = useId();
  const fileId = useId();
  const linkId = useId();
  const linkErrorId = useId();

  const done = (ok: boolean) => {
    if (ok) {
      usePanelState.getState().setTab('changes');
      onDone();
    }
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const ok = await compareWithFile(file);
    input.value = '';
    done(ok);
  };
  return (
    <div className="space-y-3 p-4">
      <h2 id="compare-dialog-title" className="text-sm font-semibold text-slate-900">
        Compare this plan with…
      </h2>
      <section className="space-y-1">
        <h3 className={HEADING}>The last review</h3>
        <button
          type="button"
          className={BUTTON}
          disabled={!baseline}
          onClick={() => done(compareWithBaseline())}
        >
          Changes since review
        </button>
        <p className="text-[11px] text-slate-500">
          {baseline
            ? `Marked as reviewed on ${reviewDateText(baseline.reviewedAt)}.`
            : 'Not marked as reviewed yet: "Mark as reviewed" keeps the plan as it is now to compare with later.'}
        </p>
      </section>
      <section className="space-y-1">
        <h3 className={HEADING}>A plan of the Plans list</h3>
        {others.length === 0 ? (
          <p className="text-[11px] text-slate-500">The Plans list holds no other plan.</p>
        ) : (
          <div className="flex gap-1.5">
            <label htmlFor={planId} className="sr-only">
              Plan to compare with
            </label>
            <select
              id={planId}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-1 text-[12px]"
            >
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name || UNTITLED_PLAN_NAME}
                </option>
              ))}
            </select>
            <button type="button" className={BUTTON} onClick={() => done(compareWithStored(choice))}>
              Compare with this plan
            </button>
          </div>
        )}
      </section>
      <section className="space-y-1">
        <h3 className={HEADING}>A plan file</h3>
        <label htmlFor={fileId} className="sr-only">
          Compare with a plan file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onFile(e)}
          className="block w-full text-[12px] file:mr-2 file:rounded file:border file:border-slate-300 file:bg-white file:px-2 file:py-1 file:text-[12px]"
        />
      </section>
      <form
        className="space-y-1"
        onSubmit={(e) => {
          e.preventDefault();
          const error = compareWithLink(link);
          setLinkError(error);
          done(error === null);
        }}
      >
        <h3 className={HEADING}>A share link</h3>
        <label htmlFor={linkId} className="sr-only">
          Share link to compare with
        </label>
        <textarea
          id={linkId}
          value={link}
          rows={2}
          placeholder="Paste a share link (…#plan=2.…)"
          aria-invalid={linkError !== null}
          aria-describedby={linkError ? linkErrorId : undefined}
          onChange={(e) => {
            setLink(e.target.value);
            setLinkError(null);
          }}
          className="w-full resize-y rounded border border-slate-300 px-1.5 py-1 font-mono text-[11px]"
        />
        {linkError ? (
          <p id={linkErrorId} role="alert" className="text-[12px] text-red-700">
            {linkError}
          </p>
        ) : null}
        <button type="submit" className={BUTTON} disabled={link.trim() === ''}>
          Compare with the link
        </button>
      </form>
      <div className="flex justify-end border-t border-slate-200 pt-2">
        <button type="button" className={BUTTON} onClick={onDone}>
          Close
        </button>
      </div>
    </div>
  );
}
