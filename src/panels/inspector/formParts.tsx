import type { ReactNode } from 'react';
import { usePlanner } from '../../store/store';
import { DANGER_BUTTON } from '../fields';

/** The heading of an inspector form: what kind of thing it is, then its name. */
export function FormHeader({ kind, name, children }: { kind: string; name: string; children?: ReactNode }) {
  return (
    <div>
      <p className="text-[11px] font-semibold uppercase tracking-wide text-blue-700">{kind}</p>
      <h3 className="truncate text-sm font-semibold text-slate-900" title={name}>
        {name || '(no name)'}
      </h3>
      {children}
    </div>
  );
}

/** Deletes what the form shows (and, through the store, what depends on it). */
export function DeleteButton({
  ids,
  label = 'Delete',
  hint,
}: {
  ids: readonly string[];
  label?: string;
  hint?: string;
}) {
  const deleteElements = usePlanner((s) => s.deleteElements);
  return (
    <div className="border-t border-slate-200 pt-2">
      <button type="button" className={DANGER_BUTTON} onClick={() => deleteElements(ids)}>
        {label}
      </button>
      {hint ? <p className="mt-1 text-[11px] text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** The name a node is shown by: its name, else its id. */
export function useNodeName(id: string | null): string | null {
  return usePlanner((s) => {
    if (id === null) return null;
    const node = s.plan.nodes.find((n) => n.id === id);
    return node ? node.name || node.id : null;
  });
}
