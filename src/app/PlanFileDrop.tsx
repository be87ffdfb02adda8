import { useFileDrop } from './useFileDrop';

/** While a file is dragged over the canvas: what letting go will do. */
export function PlanFileDrop() {
  const over = useFileDrop();
  if (!over) return null;
  return (
    <div className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-xl border-2 border-dashed border-blue-500 bg-blue-50/70">
      <p className="rounded-lg bg-white px-4 py-2 text-[13px] font-medium text-blue-800 shadow">
        Drop the plan file to import it (Undo brings back the current plan)
      </p>
    </div>
  );
}
