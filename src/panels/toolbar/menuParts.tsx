import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { MenuItemProps } from './useMenuButton';

/**
 * A toolbar button's name, shown from 1280 px wide. Narrower, the button shows
 * only its icon so that the plan-name field keeps its room and the toolbar one
 * row; the name stays in the button for screen readers (and its title for a
 * pointer), so the control is named the same at every width.
 */
export function ToolbarButtonName({ children }: { children: ReactNode }) {
  return <span className="sr-only xl:not-sr-only xl:whitespace-nowrap">{children}</span>;
}

/** The small arrow after a toolbar button's name that says it opens a popup. */
export function ChevronDown() {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 text-slate-500">
      <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export interface DescribedMenuItemProps extends MenuItemProps {
  /** Unique in the page; the title and the description take their ids from it. */
  itemId: string;
  /** The item's accessible name. */
  title: string;
  /** Read after the name as its description. */
  description: string;
  onClick: () => void;
}

/** A menu item with a title, its name, and a line under it that describes it. */
export function DescribedMenuItem({
  itemId,
  title,
  description,
  onClick,
  ...roving
}: DescribedMenuItemProps) {
  return (
    <button
      {...roving}
      type="button"
      role="menuitem"
      aria-labelledby={`${itemId}-title`}
      aria-describedby={`${itemId}-description`}
      onClick={onClick}
      className="block w-full rounded px-2 py-1.5 text-left hover:bg-blue-50 focus-visible:bg-blue-50 focus-visible:outline-none"
    >
      <span id={`${itemId}-title`} className="block text-xs font-medium text-slate-900">
        {title}
      </span>
      <span id={`${itemId}-description`} className="block text-[11px] leading-snug text-slate-500">
        {description}
      </span>
    </button>
  );
}

export interface MenuPopupProps {
  ref: Ref<HTMLDivElement>;
  id: string;
  onKeyDown: (e: KeyboardEvent) => void;
  /** The menu's accessible name: the name of the button that opens it. */
  label: string;
  /** Where it sits under its button and how wide it is. */
  placement: string;
  children: ReactNode;
}

/** The box of a WAI-ARIA menu under its menu button; its items hold the focus, not the box. */
export function MenuPopup({ label, placement, children, ...popup }: MenuPopupProps) {
  return (
    <div
      {...popup}
      role="menu"
      aria-label={label}
      tabIndex={-1}
      className={`absolute top-full z-50 mt-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg ${placement}`}
    >
      {children}
    </div>
  );
}
