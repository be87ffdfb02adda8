import { useId, useRef, useState } from 'react';
import type { PlanEntry } from '../../io/planLibrary';
import { UNTITLED_PLAN_NAME } from '../../model/defaults';
import { PLAN_LIMITS } from '../../model/types';
import { readNameText } from '../entryText';
import { BUTTON } from '../fields';
import { ChevronDown } from './menuParts';
import { useMenuButton } from './useMenuButton';

export interface PlanListMenuProps {
  /** The stored plans, most recently saved first. */
  plans: readonly PlanEntry[];
  currentId: string | null;
  /** The open plan's name as it is now (the stored list catches up when it is saved). */
  currentName: string;
  onOpen: (id: string) => void;
  onNew: () => void;
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
  /** The plan deleted last, while it can still be put back. */
  deleted: { name: string } | null;
  onUndoDelete: () => void;
}

const PLACEHOLDER = UNTITLED_PLAN_NAME;
const ICON_BUTTON =
  'flex size-6 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500';

function savedAt(time: number): string {
  if (time <= 0) return 'saved earlier';
  const date = new Date(time);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  const clock = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay
    ? `saved today at ${clock}`
    : `saved ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}, ${clock}`;
}

/**
 * "Plans": the plans kept in this browser, in a popover. Each can be opened,
 * renamed in place, duplicated or deleted; a delete can be undone from the
 * same place. The open plan is marked.
 */
export function PlanListMenu(props: PlanListMenuProps) {
  const { plans, currentId, currentName, deleted } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  const { open, close, buttonProps, popupProps } = useMenuButton({
    popup: 'dialog',
    onClose: () => setRenaming(null),
    // The open plan's row takes the focus when the popover opens.
    initialFocus: (panel) =>
      panel.querySelector<HTMLElement>('[aria-current="true"]') ?? panel.querySelector<HTMLElement>('button'),
  });

  const nameOf = (entry: PlanEntry) => (entry.id === currentId ? currentName : entry.name);

  return (
    <div className="relative">
      <button {...buttonProps} type="button" className={BUTTON}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
          <path
            d="M3 3.5h10M3 8h10M3 12.5h10"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
        Plans
        <ChevronDown />
      </button>
      {open ? (
        <div
          {...popupProps}
          role="dialog"
          aria-label="Plans"
          // Escape in the rename field cancels the rename only.
          onKeyDown={(e) => {
            if (renaming === null) popupProps.onKeyDown(e);
          }}
          className="absolute right-0 top-full z-50 mt-1 w-[400px] max-w-[90vw] rounded-md border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
            <h2 className="text-xs font-semibold text-slate-700">Plans in this browser</h2>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                props.onNew();
                // The button that opened the menu keeps the keyboard: never the page body.
                close(true);
              }}
            >
              New plan
            </button>
          </div>
          {deleted ? (
            <div className="flex items-center gap-2 border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs text-slate-700">
              <span className="min-w-0 flex-1 truncate">Deleted “{deleted.name || PLACEHOLDER}”.</span>
              <button type="button" className={BUTTON} onClick={props.onUndoDelete}>
                Undo delete
              </button>
            </div>
          ) : null}
          {plans.length === 0 ? (
            <p className="px-3 py-3 text-xs text-slate-500">No plans are stored in this browser.</p>
          ) : (
            <ul aria-label="Saved plans" className="max-h-[60vh] overflow-y-auto p-1">
              {plans.map((entry) => (
                <PlanRow
                  key={entry.id}
                  entry={entry}
                  name={nameOf(entry)}
                  isOpen={entry.id === currentId}
                  renaming={renaming === entry.id}
                  onOpen={() => {
                    props.onOpen(entry.id);
                    close(true);
                  }}
                  onStartRename={() => setRenaming(entry.id)}
                  onRename={(name) => {
                    setRenaming(null);
                    if (name !== null && name !== nameOf(entry)) props.onRename(entry.id, name);
                  }}
                  onDuplicate={() => props.onDuplicate(entry.id)}
                  onDelete={() => props.onDelete(entry.id)}
                />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}

interface PlanRowProps {
  entry: PlanEntry;
  name: string;
  isOpen: boolean;
  renaming: boolean;
  onOpen: () => void;
  onStartRename: () => void;
  /** The new name, or null when renaming was cancelled. */
  onRename: (name: string | null) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function PlanRow({
  entry,
  name,
  isOpen,
  renaming,
  onOpen,
  onStartRename,
  onRename,
  onDuplicate,
  onDelete,
}: PlanRowProps) {
  const nameId = useId();
  const shown = name || PLACEHOLDER;
  return (
    <li
      className={`flex items-center gap-1 rounded px-1 py-0.5 ${isOpen ? 'bg-blue-50' : 'hover:bg-slate-50'}`}
    >
      {renaming ? (
        <RenameInput name={name} onDone={onRename} />
      ) : (
        <button
          type="button"
          aria-current={isOpen ? 'true' : undefined}
          onClick={onOpen}
          className="min-w-0 flex-1 rounded px-1.5 py-1 text-left focus-visible:outline-2 focus-visible:outline-blue-500"
        >
          <span
            id={nameId}
            className={`block truncate text-xs font-medium ${name ? 'text-slate-900' : 'italic text-slate-500'}`}
          >
            {shown}
          </span>
          <span className="block text-[11px] text-slate-600">
            {isOpen ? <span className="mr-1 font-medium text-blue-700">Open ·</span> : null}
            {savedAt(entry.updatedAt)}
          </span>
        </button>
      )}
      <button
        type="button"
        aria-label="Rename"
        aria-describedby={nameId}
        title="Rename"
        onClick={onStartRename}
        className={ICON_BUTTON}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5">
          <path d="M10.5 2.5 13.5 5.5 6 13H3v-3z" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      <button
        type="button"
        aria-label="Duplicate"
        aria-describedby={nameId}
        title="Duplicate"
        onClick={onDuplicate}
        className={ICON_BUTTON}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5">
          <rect
            x="5"
            y="5"
            width="8.5"
            height="8.5"
            rx="1"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
          <path d="M3 10.5V3.5a1 1 0 0 1 1-1h6.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      <button
        type="button"
        aria-label="Delete"
        aria-describedby={nameId}
        title="Delete"
        onClick={onDelete}
        className={`${ICON_BUTTON} hover:bg-red-100 hover:text-red-700`}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5">
          <path
            d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
        </svg>
      </button>
    </li>
  );
}

function RenameInput({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(name);
  const [removed, setRemoved] = useState<string | null>(null);
  const done = useRef(false);
  const finish = (result: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(result);
  };
  return (
    <input
      // biome-ignore lint/a11y/noAutofocus: the field appears because the person asked to rename
      autoFocus
      type="text"
      aria-label="Rename plan"
      value={value}
      maxLength={PLAN_LIMITS.nameLength}
      spellCheck={false}
      onFocus={(e) => e.currentTarget.select()}
      // A pasted control character never reaches the plan name (SPEC §2); the field's title says what went.
      onChange={(e) => {
        const entry = readNameText(e.target.value);
        setValue(entry.value);
        setRemoved(entry.removed);
      }}
      title={removed ?? undefined}
      aria-description={removed ?? undefined}
      onBlur={() => finish(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
      className="min-w-0 flex-1 rounded border border-blue-500 bg-white px-1.5 py-1 text-xs text-slate-900 outline-none ring-2 ring-blue-500/40"
    />
  );
}
