import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlanner } from '../../store/store';
import { NoteComposer, NoteItem } from '../review/NotesPanel';
import { objectLabels, PLAN_SUBJECT } from '../review/objectLabels';

/**
 * The review notes about one object (or, with `about` null, the plan) in the
 * inspector: each note, open ones first, to edit, resolve, reopen or delete,
 * and a field for a new one — the Notes tab's editing, for what is selected.
 * Every change is one undoable plan edit. Notes never change flows or
 * findings (SPEC §2).
 */
export function NotesAbout({ about }: { about: string | null }) {
  const notes = usePlanner(useShallow((s) => s.plan.notes.filter((n) => n.about === about)));
  const plan = usePlanner((s) => s.plan);
  const labels = useMemo(() => objectLabels(plan), [plan]);
  const subject = about === null ? PLAN_SUBJECT : (labels.get(about) ?? about);
  const open = notes.filter((n) => !n.resolved);
  const sorted = [...open, ...notes.filter((n) => n.resolved)];
  return (
    <section aria-label={`Notes about ${subject}`} className="space-y-1.5 border-t border-slate-200 pt-2">
      <h4 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        Notes{notes.length > 0 ? ` · ${notes.length} (${open.length} open)` : ''}
      </h4>
      {sorted.length > 0 ? (
        <ul aria-label={`Notes about ${subject}`} className="space-y-1">
          {sorted.map((note) => (
            <NoteItem key={note.id} note={note} subject={subject} showSubject={false} />
          ))}
        </ul>
      ) : null}
      <NoteComposer key={about ?? ''} about={about} subject={subject} />
    </section>
  );
}
