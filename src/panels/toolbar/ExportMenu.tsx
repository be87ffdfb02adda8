import { useReactFlow } from '@xyflow/react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type DiagramFormat, diagramImage, imageFileName } from '../../canvas/imageExport';
import { planFileBlob, planFileName } from '../../io/planFile';
import { usePlanner } from '../../store/store';
import { downloadBlob } from '../download';
import { BUTTON } from '../fields';
import { menuItemAfterKey } from '../tabKeys';

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
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

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

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && !menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openMenu = (at: number) => {
    setActive(at);
    setOpen(true);
  };

  const onButtonKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openMenu(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(items.length - 1);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const target = menuItemAfterKey(e.key, active, items.length);
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
        className={`${BUTTON} ${busy ? 'opacity-60' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        onClick={() => (open ? close(false) : openMenu(0))}
        onKeyDown={onButtonKeyDown}
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
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Export"
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 top-full z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {items.map((item, i) => (
            <button
              key={item.label}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              aria-labelledby={`${menuId}-${i}-label`}
              aria-describedby={`${menuId}-${i}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => {
                close(true);
                void item.run();
              }}
              className="block w-full rounded px-2 py-1.5 text-left hover:bg-blue-50 focus-visible:bg-blue-50 focus-visible:outline-none"
            >
              <span id={`${menuId}-${i}-label`} className="block text-xs font-medium text-slate-900">
                {item.label}
              </span>
              <span id={`${menuId}-${i}`} className="block text-[11px] text-slate-500">
                {item.description}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
