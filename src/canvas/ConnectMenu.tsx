import { useEffect, useRef } from 'react';
import { usePlanner } from '../store/store';
import { CONNECT_CHOICES, connectNodes } from './connectActions';

export interface ConnectRequest {
  a: string;
  b: string;
  /** Where the connection was dropped, relative to the canvas. */
  x: number;
  y: number;
}

/**
 * Asked when a connection is drawn between servers of different sites: a
 * network link, a Site Connector or an X.400 Connector. Arrow keys move
 * between the choices, Escape closes.
 */
export function ConnectMenu({ request, onClose }: { request: ConnectRequest; onClose: () => void }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const names = usePlanner((s) => {
    const a = s.plan.nodes.find((n) => n.id === request.a)?.name ?? request.a;
    const b = s.plan.nodes.find((n) => n.id === request.b)?.name ?? request.b;
    return `${a} and ${b}`;
  });

  useEffect(() => {
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      // The keyboard goes back to the node the connection was drawn from, not to the page body.
      document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(request.a)}"]`)?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={`Connect ${names}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="absolute z-20 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      style={{ left: request.x + 8, top: request.y + 8 }}
    >
      <div className="px-2 pt-1 pb-1.5 text-[11px] text-slate-500">
        Connect <span className="font-medium text-slate-700">{names}</span> with…
      </div>
      {CONNECT_CHOICES.map((choice) => (
        <button
          key={choice.kind}
          type="button"
          role="menuitem"
          className="block w-full rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus-visible:bg-blue-50 focus-visible:outline-none"
          onClick={() => {
            connectNodes(choice.kind, request.a, request.b);
            onClose();
          }}
        >
          <span className="block text-[12px] font-medium text-slate-800">{choice.label}</span>
          <span className="block text-[11px] text-slate-500">{choice.hint}</span>
        </button>
      ))}
    </div>
  );
}
