import { useEffect, useRef, useState } from 'react';
import { KEY_HELP } from '../canvas/keyboardHelp';
import { typingIn } from './useShortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function keyName(key: string): string {
  return isMac && key === 'Ctrl' ? '⌘' : key;
}

const BUTTON =
  'flex h-7 w-7 items-center justify-center rounded-md text-[13px] font-semibold text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500';

/**
 * The keyboard shortcuts: a toolbar button and the `?` key open a modal
 * dialog listing them (KEY_HELP). Escape or Close leaves it, and the focus
 * goes back to where it was when the dialog opened.
 */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const show = () => {
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : buttonRef.current;
    setOpen(true);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (typingIn(event.target) || dialogRef.current?.open) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onClose = () => {
    setOpen(false);
    const target = returnTo.current?.isConnected ? returnTo.current : buttonRef.current;
    target?.focus();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label="Keyboard shortcuts"
        aria-haspopup="dialog"
        title="Keyboard shortcuts (?)"
        onClick={show}
        className={BUTTON}
      >
        <span aria-hidden="true">?</span>
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="shortcuts-title"
        onClose={onClose}
        className="m-auto max-h-[90vh] w-[520px] max-w-[95vw] overflow-y-auto rounded-lg border border-slate-300 p-0 text-[13px] text-slate-900 shadow-xl backdrop:bg-slate-900/30"
      >
        {open ? (
          <div className="space-y-3 p-4">
            <div className="flex items-center justify-between gap-3">
              <h2 id="shortcuts-title" className="text-sm font-semibold">
                Keyboard shortcuts
              </h2>
              <button
                type="button"
                onClick={() => dialogRef.current?.close()}
                className="rounded border border-slate-300 bg-white px-2.5 py-1 text-[12px] font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500"
              >
                Close
              </button>
            </div>
            {KEY_HELP.map((group) => (
              <section key={group.title} aria-labelledby={`keys-${group.title}`}>
                <h3
                  id={`keys-${group.title}`}
                  className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600"
                >
                  {group.title}
                </h3>
                <dl className="grid grid-cols-[11.5rem_1fr] gap-x-3 gap-y-1 text-[12.5px]">
                  {group.items.map((item) => (
                    <div key={`${item.keys.join('|')} ${item.does}`} className="contents">
                      <dt className="text-slate-700">
                        {item.keys.map((combo, i) => (
                          <span key={combo.join('+')}>
                            {i > 0 ? <span className="px-1 text-slate-600">or</span> : null}
                            {combo.map((key, j) => (
                              <span key={key}>
                                {j > 0 ? '+' : null}
                                <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[11px] text-slate-800">
                                  {keyName(key)}
                                </kbd>
                              </span>
                            ))}
                          </span>
                        ))}
                      </dt>
                      <dd className="text-slate-700">{item.does}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        ) : null}
      </dialog>
    </>
  );
}
