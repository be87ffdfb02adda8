import { useEffect, useState } from 'react';
import { importPlanFile } from '../panels/toolbar/ImportPlanButton';
import { usePlanner } from '../store/store';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

function onCanvas(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.react-flow') !== null;
}

/**
 * A plan file dropped on the canvas is imported exactly as "Import plan"
 * imports it (one undo step; a refused file changes nothing). A file dropped
 * anywhere else is not opened by the browser in place of the planner. The
 * palette's own drags carry no files and are left alone. True while a file
 * is dragged over the canvas.
 */
export function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const here = onCanvas(event.target);
      if (event.dataTransfer) event.dataTransfer.dropEffect = here ? 'copy' : 'none';
      setOver(here);
    };
    const onDragLeave = (event: DragEvent) => {
      // Leaving the window (no element left for) ends it; moving between elements does not.
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (!onCanvas(event.target)) {
        usePlanner.getState().notify({ kind: 'info', text: 'Drop a plan file on the canvas to import it.' });
        return;
      }
      void importPlanFile(file);
    };
    window.addEventListener('dragenter', onDragOver);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragOver);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}
