import { useState } from 'react';
import { loadPlan } from '../../model/load';
import { usePlanner } from '../../store/store';
import { BUTTON } from '../fields';
import { type ExampleEntry, readExampleIndex } from './exampleIndex';
import { ChevronDown, DescribedMenuItem, MenuPopup, ToolbarButtonName } from './menuParts';
import { useMenuButton } from './useMenuButton';

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
  const [index, setIndex] = useState<IndexState>({ kind: 'idle' });
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

  const { open, close, buttonProps, popupProps, itemProps } = useMenuButton({
    popup: 'menu',
    itemCount: entries.length,
    onOpen: loadIndex,
  });

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

  return (
    <div className="relative">
      <button {...buttonProps} type="button" className={BUTTON} title="Templates">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
          <path
            d="M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
            strokeLinejoin="round"
          />
        </svg>
        <ToolbarButtonName>Templates</ToolbarButtonName>
        <ChevronDown />
      </button>
      {open ? (
        <MenuPopup
          {...popupProps}
          label="Templates"
          placement="left-0 max-h-[75vh] w-96 max-w-[90vw] overflow-y-auto"
        >
          {index.kind === 'failed' ? (
            <p className="px-2 py-1.5 text-xs text-red-700">Could not load the examples: {index.error}</p>
          ) : index.kind !== 'ready' ? (
            <p className="px-2 py-1.5 text-xs text-slate-500">Loading examples…</p>
          ) : (
            entries.map((entry, i) => (
              <DescribedMenuItem
                key={entry.id}
                {...itemProps(i)}
                itemId={`${popupProps.id}-${i}`}
                title={entry.title}
                description={entry.description}
                onClick={() => void choose(entry)}
              />
            ))
          )}
        </MenuPopup>
      ) : null}
    </div>
  );
}
