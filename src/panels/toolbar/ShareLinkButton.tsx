import { useId, useRef, useState } from 'react';
import { shareUrl } from '../../io/shareLink';
import { formatCount } from '../../model/schema';
import { usePlanner } from '../../store/store';
import { BUTTON } from '../fields';
import { ToolbarButtonName } from './menuParts';
import { useMenuButton } from './useMenuButton';

/** Past this length some mail and chat programs cut or refuse a link. */
const LONG_LINK = 2000;

type Copied = 'copied' | 'not-copied';

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Headless, insecure or unfocused pages may refuse the clipboard; the field below still has the link.
    return false;
  }
}

/**
 * "Copy share link": a link that holds the whole plan in its fragment
 * (SPEC §8), put on the clipboard and shown in a read-only field with its
 * length. Building the link sends nothing anywhere; so does opening it.
 */
export function ShareLinkButton() {
  const [link, setLink] = useState<{ url: string; copied: Copied } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const lengthId = useId();
  const { open, show, buttonProps, popupProps } = useMenuButton({
    popup: 'dialog',
    initialFocus: () => field.current,
  });

  // Every press makes the link afresh, from the plan as it is now, and shows it.
  const share = async () => {
    // A plan marked as reviewed carries its baseline, so the reviewer sees what changed since.
    const { plan, baseline } = usePlanner.getState();
    const url = shareUrl(plan, `${window.location.origin}${window.location.pathname}`, baseline ?? undefined);
    const copied = (await copyToClipboard(url)) ? 'copied' : 'not-copied';
    setLink({ url, copied });
    show();
  };

  return (
    <div className="relative">
      <button
        {...buttonProps}
        type="button"
        className={`${BUTTON} whitespace-nowrap`}
        title="Copy share link"
        onClick={() => void share()}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
          <path
            d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8a3 3 0 0 0 4.2 4.2l.9-.9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
          />
        </svg>
        <ToolbarButtonName>Copy share link</ToolbarButtonName>
      </button>
      {open && link ? (
        <div
          {...popupProps}
          role="dialog"
          aria-label="Share this plan"
          className="absolute right-0 top-full z-50 mt-1 w-[420px] max-w-[90vw] space-y-1.5 rounded-md border border-slate-200 bg-white p-3 shadow-lg"
        >
          <label htmlFor={fieldId} className="block text-xs font-medium text-slate-700">
            Share link
          </label>
          <input
            ref={field}
            id={fieldId}
            type="text"
            readOnly
            value={link.url}
            aria-describedby={lengthId}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded border border-slate-300 bg-slate-50 px-1.5 py-1 font-mono text-[11px] text-slate-800 focus-visible:border-blue-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500/40"
          />
          <p id={lengthId} aria-live="polite" className="text-[11px] text-slate-600">
            {formatCount(link.url.length)} characters.{' '}
            {link.copied === 'copied'
              ? 'Copied to the clipboard.'
              : 'Not copied: the browser did not allow it. Copy it from the field above.'}
          </p>
          {link.url.length > LONG_LINK ? (
            <p className="text-[11px] text-amber-700">
              Some mail and chat programs cut links this long; send the plan file (Export plan) instead if it
              arrives broken.
            </p>
          ) : null}
          <p className="text-[11px] leading-snug text-slate-500">
            The whole plan is inside the link, after the “#”; nothing is sent to any server. Whoever opens it
            gets the plan as it is now, as a new plan in their list.
          </p>
        </div>
      ) : null}
    </div>
  );
}
