import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { loadPlan } from '../../model/load';
import { usePlanner } from '../../store/store';
import { BUTTON } from '../fields';
import { menuItemAfterKey } from '../tabKeys';
import { type ExampleEntry, readExampleIndex } from './exampleIndex';

const EXAMPLES_URL = `${import.meta.env.BASE_URL}examples/`;

type IndexState =
  | { kind: 'idle' | 'loading' }
  | { kind: 'ready'; entries: ExampleEntry[] }
  | { kind: 'failed'; error: string };

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
  return response.json();
}

/**
 * The Templates menu (WAI-ARIA menu button): one item per worked example of
 * public/examples, each opened through the same validation as an import.
 */
export function TemplatesMenu() {
  const setPlan = usePlanner((s) => s.setPlan);
  const notify = usePlanner((s) => s.notify);
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState<IndexState>({ kind: 'idle' });
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const entries = index.kind === 'ready' ? index.entries : [];

  const loadIndex = () => {
    if (index.kind === 'loading' || index.kind === 'ready') return;
    setIndex({ kind: 'loading' });
    fetchJson(`${EXAMPLES_URL}index.json`)
      .then((json) => setIndex({ kind: 'ready', entries: readExampleIndex(json) }))
      .catch((error: unknown) =>
        setIndex({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
      );
  };

  const openMenu = (at: 'first' | 'last') => {
    loadIndex();
    setActive(at === 'first' ? 0 : Math.max(entries.length - 1, 0));
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // The active item takes the focus whenever the menu opens or the index arrives.
  useEffect(() => {
    if (!open) return;
    items.current[Math.min(active, entries.length - 1)]?.focus();
  }, [open, active, entries.length]);

  // A press outside the menu closes it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && !menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choose = async (entry: ExampleEntry) => {
    close(true);
    try {
      const loaded = loadPlan(await fetchJson(`${EXAMPLES_URL}${entry.file}`));
      if (loaded.ok) {
        setPlan(loaded.plan);
        notify({
          kind: 'info',
          text: `Opened the example "${entry.title}". Undo brings back the previous plan.`,
        });
      } else {
        notify({ kind: 'error', text: `Could not open the example "${entry.title}": ${loaded.error}` });
      }
    } catch (error) {
      notify({
        kind: 'error',
        text: `Could not open the example "${entry.title}": ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const onButtonKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openMenu('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu('last');
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const target = menuItemAfterKey(e.key, active, entries.length);
    if (target !== null) {
      e.preventDefault();
      setActive(target);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className={BUTTON}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        Templates
        <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 text-slate-500">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Templates"
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          className="absolute left-0 top-full z-50 mt-1 max-h-[75vh] w-96 max-w-[90vw] overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {index.kind === 'failed' ? (
            <p className="px-2 py-1.5 text-xs text-red-700">Could not load the examples: {index.error}</p>
          ) : index.kind !== 'ready' ? (
            <p className="px-2 py-1.5 text-xs text-slate-500">Loading examples…</p>
          ) : (
            entries.map((entry, i) => (
              <button
                key={entry.id}
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                onClick={() => void choose(entry)}
                aria-labelledby={`${menuId}-${i}-title`}
                aria-describedby={`${menuId}-${i}-description`}
                onMouseEnter={() => setActive(i)}
                className="block w-full rounded px-2 py-1.5 text-left hover:bg-blue-50 focus-visible:bg-blue-50 focus-visible:outline-none"
              >
                <span id={`${menuId}-${i}-title`} className="block text-xs font-medium text-slate-900">
                  {entry.title}
                </span>
                <span
                  id={`${menuId}-${i}-description`}
                  className="block text-[11px] leading-snug text-slate-500"
                >
                  {entry.description}
                </span>
              </button>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
