import { type ChangeEvent, useState } from 'react';
import { isolate } from '../../io/bidi';
import { type PlanFileInput, readPlanFile } from '../../io/planFile';
import { usePlanner } from '../../store/store';
import { ToolbarButtonName } from './menuParts';

/**
 * Opens a plan file the person chose or dropped on the canvas, through the
 * same validation as every other way in (SPEC §2), as one undo step; a
 * refused file leaves the current plan exactly as it was and says why.
 * True when the plan was opened.
 */
export async function importPlanFile(file: PlanFileInput): Promise<boolean> {
  const { setPlan, notify } = usePlanner.getState();
  const loaded = await readPlanFile(file);
  if (!loaded.ok) {
    notify({ kind: 'error', text: loaded.error });
    return false;
  }
  setPlan(loaded.plan);
  const name = loaded.plan.name ? `"${isolate(loaded.plan.name)}"` : 'the plan';
  const from = file.name ? ` from ${isolate(file.name)}` : '';
  notify({ kind: 'info', text: `Imported ${name}${from}. Undo brings back the previous plan.` });
  return true;
}

/**
 * "Import plan": a file input dressed as a button. The file goes through the
 * same validation as every other way in (SPEC §2); a refused file leaves the
 * current plan exactly as it was and says why.
 */
export function ImportPlanButton() {
  const [busy, setBusy] = useState(false);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      await importPlanFile(file);
    } finally {
      setBusy(false);
      // Cleared so that choosing the same file again (after fixing it) imports it again.
      input.value = '';
    }
  };

  return (
    <label
      title="Import plan"
      className={`inline-flex cursor-pointer items-center gap-1 whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-500 ${busy ? 'opacity-60' : ''}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
        <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <ToolbarButtonName>Import plan</ToolbarButtonName>
      <input
        type="file"
        accept=".json,application/json"
        className="sr-only"
        disabled={busy}
        onChange={(e) => void onChange(e)}
      />
    </label>
  );
}
