import { describe, expect, it } from 'vitest';
import { menuItemAfterKey, tabAfterKey } from './tabKeys';

describe('tabAfterKey', () => {
  it('moves with the arrows and wraps around', () => {
    expect(tabAfterKey('ArrowRight', 0, 2)).toBe(1);
    expect(tabAfterKey('ArrowRight', 1, 2)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 3)).toBe(2);
    expect(tabAfterKey('ArrowDown', 1, 3)).toBe(2);
    expect(tabAfterKey('ArrowUp', 1, 3)).toBe(0);
  });

  it('goes to the ends with Home and End, and ignores other keys', () => {
    expect(tabAfterKey('Home', 2, 3)).toBe(0);
    expect(tabAfterKey('End', 0, 3)).toBe(2);
    expect(tabAfterKey('Enter', 0, 3)).toBeNull();
    expect(tabAfterKey('ArrowRight', 0, 0)).toBeNull();
  });
});

describe('menuItemAfterKey', () => {
  it('moves up and down with wrap-around and jumps to the ends, ignoring left and right', () => {
    expect(menuItemAfterKey('ArrowDown', 2, 3)).toBe(0);
    expect(menuItemAfterKey('ArrowUp', 0, 3)).toBe(2);
    expect(menuItemAfterKey('Home', 2, 3)).toBe(0);
    expect(menuItemAfterKey('End', 0, 3)).toBe(2);
    expect(menuItemAfterKey('ArrowRight', 0, 3)).toBeNull();
    expect(menuItemAfterKey('ArrowLeft', 1, 3)).toBeNull();
    expect(menuItemAfterKey('ArrowDown', 0, 0)).toBeNull();
  });
});
