import type { PaletteKind } from './icons';

/** The drag-and-drop type a palette item carries onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-epp-node';

const KINDS: readonly PaletteKind[] = ['server', 'client', 'firewall', 'network', 'smtpHost', 'site'];

/** The palette kind a drop carries, or null for anything else dropped on the canvas. */
export function paletteKindOf(text: string): PaletteKind | null {
  return (KINDS as readonly string[]).includes(text) ? (text as PaletteKind) : null;
}
