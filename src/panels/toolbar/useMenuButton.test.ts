import { describe, expect, it } from 'vitest';
import { menuKeyAction } from './useMenuButton';

describe('menuKeyAction', () => {
  it('moves between items with the arrows, Home and End', () => {
    expect(menuKeyAction('ArrowDown', 0, 3)).toEqual({ move: 1 });
    expect(menuKeyAction('ArrowUp', 0, 3)).toEqual({ move: 2 });
    expect(menuKeyAction('End', 0, 3)).toEqual({ move: 2 });
    expect(menuKeyAction('Home', 2, 3)).toEqual({ move: 0 });
  });

  it('closes on Escape giving the focus back, and on Tab letting it go on', () => {
    expect(menuKeyAction('Escape', 1, 3)).toEqual({ close: 'return-focus' });
    expect(menuKeyAction('Tab', 1, 3)).toEqual({ close: 'let-focus-go' });
  });

  it('closes on Escape even while the items are still loading', () => {
    expect(menuKeyAction('Escape', 0, 0)).toEqual({ close: 'return-focus' });
    expect(menuKeyAction('ArrowDown', 0, 0)).toBeNull();
  });

  it('leaves other keys, and the sideways arrows, to the item', () => {
    expect(menuKeyAction('Enter', 1, 3)).toBeNull();
    expect(menuKeyAction('ArrowRight', 1, 3)).toBeNull();
    expect(menuKeyAction('a', 1, 3)).toBeNull();
  });
});
