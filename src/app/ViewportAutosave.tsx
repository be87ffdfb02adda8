import { useOnViewportChange } from '@xyflow/react';
import { plannerPersistence } from '../store/persistence';

/** Saves the canvas viewport of the open plan when the person stops panning or zooming. */
export function ViewportAutosave() {
  useOnViewportChange({ onEnd: (viewport) => plannerPersistence().viewChanged(viewport) });
  return null;
}
