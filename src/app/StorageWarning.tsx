import type { Failure } from '../io/planLibrary';
import { usePlanner } from '../store/store';

function warningText(problem: Failure): string {
  return problem.error === 'quota'
    ? 'Browser storage is full: this plan is not being saved. It stays open here; export it with Export plan, or delete plans you no longer need from Plans.'
    : 'This browser does not let the planner store data (a private window, or site data blocked): this plan is not being saved. It stays open here; export it with Export plan to keep it.';
}

/**
 * A banner for as long as the open plan cannot be saved in the browser. It
 * stays until a save succeeds again, since every edit until then is only in
 * memory.
 */
export function StorageWarning() {
  const problem = usePlanner((s) => s.storageProblem);
  if (!problem) return null;
  return (
    <div
      role="alert"
      className="flex shrink-0 items-center gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-[12.5px] text-amber-900"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-amber-600">
        <path d="M8 1.5 15 14H1z" fill="currentColor" />
        <path d="M8 6v4M8 11.5v1" stroke="white" strokeWidth="1.5" />
      </svg>
      <span>{warningText(problem)}</span>
    </div>
  );
}
