import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { type DiagramFormat, diagramImage, imageFileName } from '../../canvas/imageExport';
import { planFileBlob, planFileName } from '../../io/planFile';
import { usePlanner } from '../../store/store';
import { downloadBlob } from '../download';
import { BUTTON } from '../fields';
import { useMenuButton } from './useMenuButton';

interface ExportItem {
  label: string;
  description: string;
  run: () => Promise<void> | void;
}

/**
 * The Export menu (WAI-ARIA menu button): the plan as a plan file (SPEC §2,
 * what Import plan and the command line read), and the diagram as a PNG or
 * SVG picture with its port badges.
 */
export function ExportMenu() {
  const notify = usePlanner((s) => s.notify);
  const flow = useReactFlow();
  const [busy, setBusy] = useState(false);

  const exportPlan = () => {
    const plan = usePlanner.getState().plan;
    const name = planFileName(plan);
    downloadBlob(name, planFileBlob(plan));
    notify({ kind: 'info', text: `Exported the plan as ${name}.` });
  };

  const exportImage = async (format: DiagramFormat) => {
    setBusy(true);
    // A plan of hundreds of nodes takes a while to draw.
    notify({ kind: 'info', text: `Drawing the diagram as ${format.toUpperCase()}…` });
    try {
      const blob = await diagramImage(format, flow);
      if (!blob) {
        notify({ kind: 'info', text: 'The plan is empty: there is no diagram to export yet.' });
        return;
      }
      const name = imageFileName(planFileName(usePlanner.getState().plan), format);
      downloadBlob(name, blob);
      notify({ kind: 'info', text: `Exported the diagram as ${name}.` });
    } catch (error) {
      notify({
        kind: 'error',
        text: `The diagram could not be drawn as ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const items: ExportItem[] = [
    { label: 'Export plan', description: 'The plan file (JSON) to import again or share', run: exportPlan },
    { label: 'Export PNG', description: 'The diagram as a picture', run: () => exportImage('png') },
    { label: 'Export SVG', description: 'The diagram as a scalable drawing', run: () => exportImage('svg') },
  ];

  const { open, close, buttonProps, popupProps, itemProps } = useMenuButton({
    popup: 'menu',
    itemCount: items.length,
  });

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
        <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 text-slate-500">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open ? (
        <div
          {...popupProps}
          role="menu"
          aria-label="Export"
          tabIndex={-1}
          className="absolute right-0 top-full z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {items.map((item, i) => (
            <button
              key={item.label}
              {...itemProps(i)}
              type="button"
              role="menuitem"
              aria-labelledby={`${popupProps.id}-${i}-label`}
              aria-describedby={`${popupProps.id}-${i}`}
              onClick={() => {
                close(true);
                void item.run();
              }}
              className="block w-full rounded px-2 py-1.5 text-left hover:bg-blue-50 focus-visible:bg-blue-50 focus-visible:outline-none"
            >
              <span id={`${popupProps.id}-${i}-label`} className="block text-xs font-medium text-slate-900">
                {item.label}
              </span>
              <span id={`${popupProps.id}-${i}`} className="block text-[11px] text-slate-500">
                {item.description}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
