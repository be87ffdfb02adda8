import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Note } from '../../model/types';
import { noteTextProblem } from '../../store/noteEdits';
import { usePlanner } from '../../store/store';
import { usePanelState } from '../panelState';
import { objectLabels, PLAN_SUBJECT } from './objectLabels';

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-[12px] font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500';
const PRIMARY =
  'rounded bg-blue-600 px-2.5 py-1 text-[12px] font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-500';
const PLAN_VALUE = '';

/**
 * The review notes of the plan (SPEC §2): a form for a new note about the
 * selected object or the plan, and every note with what it is about, open
 * ones first. Every change is a plan edit: undoable and autosaved. Note text
 * is shown as text, never as markup.
 */
export function NotesPanel() {
  const plan = usePlanner((s) => s.plan);
  const labels = useMemo(() => objectLabels(plan), [plan]);
  const notes = plan.notes;
  const open = notes.filter((n) => !n.resolved);
  const sorted = [...open, ...notes.filter((n) => n.resolved)];
  return (
    <div className="grid h-full min-h-0 grid-cols-[minmax(240px,320px)_1fr] gap-0">
      <NewNoteForm labels={labels} />
      <section aria-labelledby="notes-list-heading" className="min-h-0 overflow-auto px-3 py-2">
        <h3
          id="notes-list-heading"
          className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-500"
        >
          Review notes · {open.length} open, {notes.length - open.length} resolved
        </h3>
        {sorted.length === 0 ? (
          <p className="text-xs text-slate-500">
            No notes yet. Select a site, node, link or connector (or nothing, for the plan) and write a note.
          </p>
        ) : (
          <ul aria-label="Review notes" className="space-y-1.5">
            {sorted.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                subject={note.about === null ? PLAN_SUBJECT : (labels.get(note.about) ?? note.about)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NewNoteForm({ labels }: { labels: ReadonlyMap<string, string> }) {
  const selected = usePlanner(useShallow((s) => (s.selection.length === 1 ? s.selection[0] : undefined)));
  const noteRequest = usePanelState((s) => s.noteRequest);
  const [about, setAbout] = useState<string>(selected ?? PLAN_VALUE);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const aboutId = useId();

  // The form follows the selection: a note is usually about what was just picked on the canvas.
  useEffect(() => {
    setAbout(selected ?? PLAN_VALUE);
  }, [selected]);
  useEffect(() => {
    if (noteRequest > 0) textRef.current?.focus();
  }, [noteRequest]);

  const options = useMemo(() => [...labels].sort((a, b) => a[1].localeCompare(b[1], 'en')), [labels]);
  const subjectGone = about !== PLAN_VALUE && !labels.has(about);

  const submit = () => {
    const result = usePlanner.getState().addNote(about === PLAN_VALUE ? null : about, text);
    if (!result.ok) {
      setError(result.error);
      textRef.current?.focus();
      return;
    }
    setText('');
    setError(null);
    usePlanner.getState().notify({ kind: 'info', text: 'Added the note.' });
  };

  return (
    <form
      aria-label="New note"
      className="space-y-1.5 border-r border-slate-200 px-3 py-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={aboutId} className="block text-[11px] font-semibold text-slate-600">
        About
      </label>
      <select
        id={aboutId}
        value={subjectGone ? PLAN_VALUE : about}
        onChange={(e) => setAbout(e.target.value)}
        className="w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-[12px]"
      >
        <option value={PLAN_VALUE}>{PLAN_SUBJECT}</option>
        {options.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      <NoteText
        label="Note"
        text={text}
        error={error}
        rows={3}
        placeholder="Why is 1024-65535 open here?"
        buttonClass={PRIMARY}
        textRef={textRef}
        onText={(next) => {
          setText(next);
          if (error) setError(null);
        }}
        onSubmit={submit}
      />
    </form>
  );
}

/**
 * One note with its commands: edit (Ctrl+Enter saves, Escape cancels),
 * resolve or reopen, delete; each an undoable plan edit. `showSubject` adds a
 * button that selects what it is about (the inspector, which shows it already,
 * leaves it out).
 */
export function NoteItem({
  note,
  subject,
  showSubject = true,
}: {
  note: Note;
  subject: string;
  showSubject?: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editId = useId();
  const errorId = useId();
  const show = () => {
    if (note.about === null) return;
    const store = usePlanner.getState();
    store.select([note.about]);
    store.focus([note.about]);
  };
  const save = () => {
    if (editing === null) return;
    const problem = noteTextProblem(editing);
    if (problem) {
      setError(problem);
      return;
    }
    usePlanner.getState().updateNote(note.id, { text: editing });
    setEditing(null);
    setError(null);
  };
  return (
    <li
      aria-label={`${note.resolved ? 'Resolved' : 'Open'} note about ${subject}`}
      className={`rounded border px-2 py-1.5 ${
        note.resolved
          ? 'border-slate-200 bg-slate-50 text-slate-500'
          : 'border-amber-300 bg-amber-50 text-slate-800'
      }`}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <span
          className={`rounded px-1 text-[10.5px] font-semibold uppercase ${
            note.resolved ? 'bg-slate-200 text-slate-600' : 'bg-amber-200 text-amber-900'
          }`}
        >
          {note.resolved ? '✓ Resolved' : '● Open'}
        </span>
        {note.about === null || !showSubject ? (
          <span className="text-[12px] font-medium">{subject}</span>
        ) : (
          <button
            type="button"
            onClick={show}
            aria-label={`Show ${subject} on the canvas`}
            className="text-[12px] font-medium text-blue-700 underline decoration-dotted hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-500"
          >
            {subject}
          </button>
        )}
        <span className="ml-auto flex gap-1">
          {editing === null ? (
            <>
              <button
                type="button"
                className={BUTTON}
                aria-label={`Edit note about ${subject}`}
                onClick={() => setEditing(note.text)}
              >
                Edit
              </button>
              <button
                type="button"
                className={BUTTON}
                aria-label={`${note.resolved ? 'Reopen' : 'Resolve'} note about ${subject}`}
                onClick={() => usePlanner.getState().updateNote(note.id, { resolved: !note.resolved })}
              >
                {note.resolved ? 'Reopen' : 'Resolve'}
              </button>
              <button
                type="button"
                className={BUTTON}
                aria-label={`Delete note about ${subject}`}
                onClick={() => {
                  usePlanner.getState().deleteElements([note.id]);
                  usePlanner
                    .getState()
                    .notify({ kind: 'info', text: 'Deleted the note (Undo brings it back).' });
                }}
              >
                Delete
              </button>
            </>
          ) : null}
        </span>
      </div>
      {editing === null ? (
        <p className="mt-1 text-[12px] leading-snug whitespace-pre-wrap break-words">{note.text}</p>
      ) : (
        <div className="mt-1 space-y-1">
          <label htmlFor={editId} className="sr-only">
            Note text
          </label>
          <textarea
            id={editId}
            value={editing}
            rows={3}
            // biome-ignore lint/a11y/noAutofocus: Edit swaps the text for this field; focus goes where the person is about to type
            autoFocus
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setEditing(null);
                setError(null);
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                save();
              }
            }}
            className="w-full resize-y rounded border border-slate-300 bg-white px-1.5 py-1 text-[12px] text-slate-900"
          />
          {error ? (
            <p id={errorId} role="alert" className="text-[12px] text-red-700">
              {error}
            </p>
          ) : null}
          <div className="flex gap-1">
            <button type="button" className={PRIMARY} onClick={save}>
              Save note
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setEditing(null);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/**
 * A note about one object (or, with `about` null, the plan), written where the
 * object is shown: the inspector. Adds it as the Notes tab's form does (one
 * undoable plan edit); a refused text is said in place and kept.
 */
export function NoteComposer({ about, subject }: { about: string | null; subject: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const result = usePlanner.getState().addNote(about, text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setText('');
    setError(null);
    usePlanner.getState().notify({ kind: 'info', text: `Added a note about ${subject}.` });
  };
  return (
    <form
      aria-label={`Add a note about ${subject}`}
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <NoteText
        label="New note"
        text={text}
        error={error}
        rows={2}
        buttonClass={BUTTON}
        onText={(next) => {
          setText(next);
          if (error) setError(null);
        }}
        onSubmit={submit}
      />
    </form>
  );
}

/**
 * A note's text box with its refusal and its Add button, shared by the Notes
 * tab's form and the inspector's: Ctrl+Enter (⌘+Enter) adds, a refused text
 * is said under the box and kept.
 */
function NoteText({
  label,
  text,
  error,
  rows,
  placeholder,
  buttonClass,
  textRef,
  onText,
  onSubmit,
}: {
  label: string;
  text: string;
  error: string | null;
  rows: number;
  placeholder?: string;
  buttonClass: string;
  textRef?: RefObject<HTMLTextAreaElement | null>;
  onText: (text: string) => void;
  onSubmit: () => void;
}) {
  const textId = useId();
  const errorId = useId();
  return (
    <>
      <label htmlFor={textId} className="block text-[11px] font-semibold text-slate-600">
        {label}
      </label>
      <textarea
        id={textId}
        ref={textRef}
        value={text}
        rows={rows}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
        placeholder={placeholder}
        className="w-full resize-y rounded border border-slate-300 px-1.5 py-1 text-[12px]"
      />
      {error ? (
        <p id={errorId} role="alert" className="text-[12px] text-red-700">
          {error}
        </p>
      ) : null}
      <button type="submit" className={buttonClass}>
        Add note
      </button>
      <span className="ml-2 text-[11px] text-slate-600">Ctrl+Enter</span>
    </>
  );
}
