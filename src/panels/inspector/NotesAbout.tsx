import { useShallow } from 'zustand/react/shallow';
import { usePlanner } from '../../store/store';

/**
 * The review notes about one object (or, with `about` null, the plan), as
 * plain text: a count and the notes, open ones first. Notes never change
 * flows or findings (SPEC §2).
 */
export function NotesAbout({ about }: { about: string | null }) {
  const notes = usePlanner(useShallow((s) => s.plan.notes.filter((n) => n.about === about)));
  if (notes.length === 0) return null;
  const open = notes.filter((n) => !n.resolved);
  const sorted = [...open, ...notes.filter((n) => n.resolved)];
  return (
    <section aria-label="Review notes" className="space-y-1 border-t border-slate-200 pt-2">
      <h4 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        Notes · {notes.length} ({open.length} open)
      </h4>
      <ul className="space-y-1">
        {sorted.map((note) => (
          <li
            key={note.id}
            className={`rounded border px-2 py-1 text-xs leading-snug whitespace-pre-wrap break-words ${
              note.resolved
                ? 'border-slate-200 bg-slate-50 text-slate-500'
                : 'border-amber-200 bg-amber-50 text-slate-800'
            }`}
          >
            {note.resolved ? <span className="mr-1 font-medium">Resolved:</span> : null}
            {note.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
