import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { menuItemAfterKey } from '../tabKeys';

/**
 * What a key pressed inside an open menu does (WAI-ARIA menu pattern): move
 * to another item, close and give the focus back to the menu button
 * (Escape), close and let the focus go on (Tab), or nothing.
 */
export type MenuKeyAction = { move: number } | { close: 'return-focus' | 'let-focus-go' } | null;

export function menuKeyAction(key: string, active: number, count: number): MenuKeyAction {
  const target = menuItemAfterKey(key, active, count);
  if (target !== null) return { move: target };
  if (key === 'Escape') return { close: 'return-focus' };
  if (key === 'Tab') return { close: 'let-focus-go' };
  return null;
}

/** What makes a menu item part of the menu's roving focus. */
export interface MenuItemProps {
  ref: (el: HTMLElement | null) => void;
  tabIndex: number;
  onMouseEnter: () => void;
}

export interface MenuButtonOptions {
  /**
   * `menu`: a WAI-ARIA menu, its items moved through with the arrow keys.
   * `dialog`: a popover of other controls, closed with Escape.
   */
  popup: 'menu' | 'dialog';
  /** How many items the menu has now (a menu only). */
  itemCount?: number;
  /** Runs as the popup opens (a menu that loads its items starts loading here). */
  onOpen?: () => void;
  /** Runs whenever the popup closes, whichever way. */
  onClose?: () => void;
  /** What takes the focus when a dialog opens; a menu focuses its active item. */
  initialFocus?: (popup: HTMLElement) => HTMLElement | null | undefined;
}

/**
 * A button that opens a menu or a popover, and everything the four toolbar
 * popups share: the open state, the button's ARIA attributes, opening from
 * the keyboard (Down, Enter and Space at the first item, Up at the last), a
 * press outside closing it, Escape closing it and giving the focus back to
 * the button, Tab closing a menu, and the focus moving in as it opens.
 */
export function useMenuButton({ popup, itemCount = 0, onOpen, onClose, initialFocus }: MenuButtonOptions) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const popupId = useId();
  // The latest callbacks, so the listeners below need not be added again on every render.
  const latest = useRef({ onClose, initialFocus });
  latest.current = { onClose, initialFocus };

  const show = (at: 'first' | 'last' = 'first') => {
    onOpen?.();
    setActive(at === 'first' ? 0 : Math.max(itemCount - 1, 0));
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    latest.current.onClose?.();
    if (returnFocus) buttonRef.current?.focus();
  };

  // A menu's active item takes the focus as it opens, as it moves, and when its items arrive.
  useEffect(() => {
    if (!open || popup !== 'menu') return;
    itemRefs.current[Math.min(active, itemCount - 1)]?.focus();
  }, [open, popup, active, itemCount]);

  useEffect(() => {
    if (!open || popup !== 'dialog' || !popupRef.current) return;
    latest.current.initialFocus?.(popupRef.current)?.focus();
  }, [open, popup]);

  // A press outside the popup and its button closes it, leaving the focus where the press put it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && !popupRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
        latest.current.onClose?.();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onButtonKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      show('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      show('last');
    }
  };

  const onPopupKeyDown = (e: KeyboardEvent) => {
    const action: MenuKeyAction =
      popup === 'menu'
        ? menuKeyAction(e.key, active, itemCount)
        : e.key === 'Escape'
          ? { close: 'return-focus' }
          : null;
    if (action === null) return;
    if ('move' in action) {
      e.preventDefault();
      setActive(action.move);
    } else if (action.close === 'return-focus') {
      e.preventDefault();
      close(true);
    } else {
      close(false);
    }
  };

  return {
    open,
    /** The menu item that holds the focus. */
    active,
    show,
    close,
    buttonProps: {
      ref: buttonRef,
      'aria-haspopup': popup,
      'aria-expanded': open,
      'aria-controls': open ? popupId : undefined,
      onClick: () => (open ? close(false) : show('first')),
      onKeyDown: popup === 'menu' ? onButtonKeyDown : undefined,
    },
    popupProps: { ref: popupRef, id: popupId, onKeyDown: onPopupKeyDown },
    /** Roving focus for the menu item at `index`: only the active one is in the tab order. */
    itemProps: (index: number): MenuItemProps => ({
      ref: (el: HTMLElement | null) => {
        itemRefs.current[index] = el;
      },
      tabIndex: index === active ? 0 : -1,
      onMouseEnter: () => setActive(index),
    }),
  };
}
