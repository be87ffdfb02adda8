import { type ReactNode, useId, useState } from 'react';
import { PLAN_LIMITS } from '../model/types';
import { type EntryText, readAddressText, readInterfaceText, readNameText } from './entryText';
import { portToText, readPortText } from './portText';

/** Shared look of the inspector's controls: compact, slate, blue focus ring. */
export const CONTROL =
  'w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 focus-visible:border-blue-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500/40 disabled:bg-slate-100 disabled:text-slate-400';

export const BUTTON =
  'inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:opacity-50';

export const DANGER_BUTTON =
  'inline-flex items-center gap-1 rounded border border-red-200 bg-white px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-red-500';

const LABEL = 'block text-xs font-medium text-slate-600';
const HELP = 'mt-0.5 text-[11px] leading-snug text-slate-500';

interface FieldFrame {
  label: string;
  /** A short explanation under the control (a KB reference, what the value does). */
  help?: ReactNode;
  /** A limitation of the current version, shown in amber beside the help. */
  note?: string | null;
  /** The key a finding names this field by (see findingFix.ts): it marks the field so a finding can reveal it. */
  field?: string;
}

function Notes({ helpId, help, note }: { helpId: string; help?: ReactNode; note?: string | null }) {
  if (!help && !note) return null;
  return (
    <p id={helpId} className={HELP}>
      {note ? <span className="mr-1 font-medium text-amber-700">{note}.</span> : null}
      {help}
    </p>
  );
}

function hasNotes(help: ReactNode, note: string | null | undefined): boolean {
  return Boolean(help) || Boolean(note);
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}

export function TextField({
  label,
  field,
  help,
  note,
  value,
  onChange,
  placeholder,
}: FieldFrame & { value: string; onChange: (value: string) => void; placeholder?: string }) {
  const id = useId();
  const helpId = `${id}-help`;
  const removedId = `${id}-removed`;
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <div data-field={field}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        className={CONTROL}
        value={value}
        maxLength={PLAN_LIMITS.nameLength}
        placeholder={placeholder}
        spellCheck={false}
        aria-describedby={describedBy(hasNotes(help, note) && helpId, removed && removedId)}
        onChange={(e) => {
          // A pasted control character never reaches the plan (SPEC §2); the person is told what went.
          const entry = readNameText(e.target.value);
          setRemoved(entry.removed);
          onChange(entry.value);
        }}
      />
      {removed ? (
        <p id={removedId} role="status" className="mt-0.5 text-[11px] leading-snug text-amber-700">
          {removed}
        </p>
      ) : null}
      <Notes helpId={helpId} help={help} note={note} />
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  text: string;
}

export function SelectField<T extends string>({
  label,
  field,
  help,
  note,
  value,
  choices,
  onChange,
  disabled,
}: FieldFrame & {
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div data-field={field}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select
        id={id}
        className={CONTROL}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy(hasNotes(help, note) && helpId)}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </select>
      <Notes helpId={helpId} help={help} note={note} />
    </div>
  );
}

export function CheckboxField({
  label,
  field,
  help,
  note,
  checked,
  onChange,
  disabled,
}: FieldFrame & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div data-field={field}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="size-3.5 rounded border-slate-300 accent-blue-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy(hasNotes(help, note) && helpId)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id} className={`text-[13px] ${disabled ? 'text-slate-400' : 'text-slate-800'}`}>
          {label}
        </label>
      </div>
      <Notes helpId={helpId} help={help} note={note} />
    </div>
  );
}

/**
 * A port box. A valid entry is applied as it is typed, so the analysis
 * follows at once; an invalid one stays in the box with its reason and never
 * reaches the plan. `allowEmpty` makes an empty box mean dynamic.
 */
export function PortField({
  label,
  field,
  help,
  note,
  value,
  onChange,
  allowEmpty,
  refuse,
}: FieldFrame & {
  value: number | null;
  onChange: (port: number | null) => void;
  allowEmpty: boolean;
  /** A further rule for a port that is a port: why this one cannot be stored here, or null. */
  refuse?: (port: number | null) => string | null;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(() => portToText(value));
  const [shown, setShown] = useState(value);
  const readText = (t: string) => {
    const read = readPortText(t, allowEmpty);
    const refusal = read.ok && refuse ? refuse(read.port) : null;
    return refusal ? { ok: false as const, reason: refusal } : read;
  };
  // The plan changed underneath (undo, another edit): show the new value unless the box already says it.
  if (value !== shown) {
    setShown(value);
    const typed = readText(text);
    if (!typed.ok || typed.port !== value) setText(portToText(value));
  }
  const typed = readText(text);
  const error = typed.ok ? null : typed.reason;
  return (
    <div data-field={field}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`${CONTROL} font-mono ${error ? 'border-red-500 bg-red-50 focus-visible:border-red-500 focus-visible:ring-red-500/40' : ''}`}
        value={text}
        placeholder={allowEmpty ? 'dynamic (1024–65535)' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, hasNotes(help, note) && helpId)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const read = readText(next);
          if (read.ok && read.port !== value) {
            setShown(read.port);
            onChange(read.port);
          }
        }}
        onBlur={() => {
          // A valid entry is tidied ("  6001" → "6001"); an invalid one stays for the person to fix.
          const read = readText(text);
          if (read.ok) setText(portToText(read.port));
        }}
      />
      {error ? (
        <p id={errorId} className="mt-0.5 text-[11px] font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Notes helpId={helpId} help={help} note={note} />
    </div>
  );
}

/**
 * A text box checked by `read` (an address, an interface name). A valid entry
 * is applied as it is typed, so the analysis follows at once, and tidied to
 * its stored form when the box is left; an invalid one is never applied. Its
 * reason shows once the person leaves the box (or presses Enter), and from
 * then on as they type, so a half-typed address is not called wrong.
 */
export function EntryField({
  label,
  field,
  help,
  note,
  value,
  onChange,
  read,
  placeholder,
}: FieldFrame & {
  value: string | null;
  onChange: (value: string | null) => void;
  read: (text: string) => EntryText;
  placeholder?: string;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  const [checked, setChecked] = useState(false);
  // The plan changed underneath (undo, another edit): show the new value unless the box already means it.
  if (value !== shown) {
    setShown(value);
    const typed = read(text);
    if (!typed.ok || typed.value !== value) setText(value ?? '');
  }
  const typed = read(text);
  const error = !typed.ok && checked ? typed.reason : null;
  const settle = () => {
    setChecked(true);
    const now = read(text);
    if (now.ok) setText(now.value ?? '');
  };
  return (
    <div data-field={field}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className={`${CONTROL} font-mono ${error ? 'border-red-500 bg-red-50 focus-visible:border-red-500 focus-visible:ring-red-500/40' : ''}`}
        value={text}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, hasNotes(help, note) && helpId)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const now = read(next);
          if (now.ok && now.value !== value) {
            setShown(now.value);
            onChange(now.value);
          }
        }}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') settle();
        }}
      />
      {error ? (
        <p id={errorId} className="mt-0.5 text-[11px] font-medium text-red-700">
          {error}; not applied.
        </p>
      ) : null}
      <Notes helpId={helpId} help={help} note={note} />
    </div>
  );
}

/** The address of an endpoint or network (SPEC §2, v2), stored in canonical form. */
export function AddressField({
  value,
  onChange,
  help = 'An IPv4 or IPv6 address, a CIDR block such as 10.1.0.0/16, or any. Firewall rules name it.',
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  help?: ReactNode;
}) {
  return (
    <EntryField
      label="Address"
      field="address"
      value={value}
      onChange={onChange}
      read={readAddressText}
      placeholder="none — e.g. 10.1.0.10"
      help={help}
    />
  );
}

/** A firewall's interface or zone name on one link (SPEC §2, v2). */
export function InterfaceField({
  label,
  value,
  onChange,
  help,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  help?: ReactNode;
}) {
  return (
    <EntryField
      label={label}
      value={value}
      onChange={onChange}
      read={readInterfaceText}
      placeholder="unnamed — e.g. outside"
      help={help}
    />
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2 border-t border-slate-200 pt-2">
      <legend className="pr-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

/** Read-only facts: label and value pairs. */
export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-500">{term}</dt>
          <dd className="min-w-0 break-words text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
