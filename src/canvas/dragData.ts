import { type DrawableKind, isDrawableKind } from '../model/kinds';

/** The drag-and-drop type a palette item carries onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-epp-node';

/** The palette kind a drop carries, or null for anything else dropped on the canvas. */
export function paletteKindOf(text: string): DrawableKind | null {
  return isDrawableKind(text) ? text : null;
}
