import { useState } from 'react';
import { type ExportFormat, exportRefusal } from '../../io/exports';
import { analysisOf } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { saveExport } from '../download';
import { BUTTON } from '../fields';
import { ChevronDown, DescribedMenuItem, MenuPopup } from './menuParts';
import { useMenuButton } from './useMenuButton';

/** A menu entry that does something other than save a file (the review pack opens the print dialog). */
export interface ExportAction {
  id: string;
  title: string;
  description: string;
  run: () => Promise<void>;
}

export interface ExportMenuProps {
  /** The rows of the exports table to offer, in order; the app adds the diagram pictures. */
  formats: readonly ExportFormat[];
  /** Entries after the files: the review pack. */
  actions?: readonly ExportAction[];
}

/**
 * The Export menu (WAI-ARIA menu button): one item per export it is given —
 * the port matrix and all flows as CSV (what the command line writes), the
 * plan file (what Import plan reads), the diagram as a picture; then the
 * actions it is given (the review pack, printed).
 */
export function ExportMenu({ formats, actions = [] }: ExportMenuProps) {
  const notify = usePlanner((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const { open, close, buttonProps, popupProps, itemProps } = useMenuButton({
    popup: 'menu',
    itemCount: formats.length + actions.length,
  });

  const run = async (format: ExportFormat) => {
    // The plan as it is when chosen, with its analysis (computed once per plan change).
    const plan = usePlanner.getState().plan;
    const input = { plan, analysis: analysisOf(plan) };
    const refused = exportRefusal(format, input);
    if (refused !== null) {
      notify({ kind: 'error', text: refused });
      return;
    }
    const slow = format.workingText !== undefined;
    if (format.workingText !== undefined) {
      setBusy(true);
      notify({ kind: 'info', text: format.workingText });
    }
    try {
      const name = await saveExport(format, input);
      notify({
        kind: 'info',
        text:
          name === null
            ? (format.emptyText ?? 'There is nothing to export.')
            : `Exported ${format.subject} as ${name}.`,
      });
    } catch (error) {
      notify({
        kind: 'error',
        text: `${upperFirst(format.subject)} could not be exported as ${format.label}: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      if (slow) setBusy(false);
    }
  };

  return (
    <div className="relative">
      <button
        {...buttonProps}
        type="button"
        className={`${BUTTON} ${busy ? 'opacity-60' : ''}`}
        aria-busy={busy}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
          <path d="M8 10V2M4.5 5.5 8 2l3.5 3.5M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        Export
        <ChevronDown />
      </button>
      {open ? (
        <MenuPopup {...popupProps} label="Export" placement="right-0 w-64">
          {formats.map((format, i) => (
            <DescribedMenuItem
              key={format.id}
              {...itemProps(i)}
              itemId={`${popupProps.id}-${i}`}
              title={`Export ${format.label}`}
              description={format.description}
              onClick={() => {
                close(true);
                void run(format);
              }}
            />
          ))}
          {actions.map((action, i) => (
            <DescribedMenuItem
              key={action.id}
              {...itemProps(formats.length + i)}
              itemId={`${popupProps.id}-${formats.length + i}`}
              title={action.title}
              description={action.description}
              onClick={() => {
                close(true);
                void action.run();
              }}
            />
          ))}
        </MenuPopup>
      ) : null}
    </div>
  );
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
