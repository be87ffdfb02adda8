import type { Plan } from '../model/types';

/** A canvas viewport: the pan offset in screen pixels and the zoom factor. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** How a plan opens: at a saved viewport, or fitted into view. */
export type OpeningView = Viewport | 'fit';

/**
 * How a plan that is opened (from the plan list, a share link, the first
 * visit) should be shown, keyed by the plan object the store is given, so
 * only the plan it was meant for takes it. The canvas takes it when that plan
 * arrives: a stored plan comes back at its saved view, any other opened plan
 * is fitted into view even if it shares its ids with the plan before (a
 * copy). Taking it removes it, so an Undo back to that plan keeps the view
 * the person has.
 */
const views = new WeakMap<Plan, OpeningView>();

export function openAtView(plan: Plan, view: OpeningView): void {
  views.set(plan, view);
}

export function takeOpeningView(plan: Plan): OpeningView | undefined {
  const view = views.get(plan);
  views.delete(plan);
  return view;
}
