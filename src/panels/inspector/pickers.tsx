import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareStrings } from '../../engine/compare';
import { NODE_KINDS } from '../../model/kinds';
import type { NodeOfType, NodeType, PlanNode } from '../../model/types';
import { usePlanner } from '../../store/store';
import { type Choice, SelectField } from '../fields';

const NONE = '';

function byName(a: PlanNode, b: PlanNode): number {
  return compareStrings(a.name || a.id, b.name || b.id) || compareStrings(a.id, b.id);
}

/** The plan's nodes of `types`, sorted by name; a new array only when one of them changes. */
export function useNodesOf<T extends NodeType>(types: readonly T[]): NodeOfType<T>[] {
  const nodes = usePlanner(
    useShallow((s) =>
      s.plan.nodes.filter((n): n is NodeOfType<T> => (types as readonly string[]).includes(n.type)),
    ),
  );
  return useMemo(() => [...nodes].sort(byName), [nodes]);
}

/**
 * A reference to one node of `types`, or none. Only nodes of those kinds are
 * offered; a reference the plan holds to anything else stays visible, named
 * as what it is, rather than silently becoming "none".
 */
export function NodeSelectField<T extends NodeType>({
  label,
  types,
  value,
  onChange,
  noneText = '— none —',
  optionLabel,
  help,
  note,
  field,
}: {
  label: string;
  /** The key a finding names this field by (findingFix.ts). */
  field?: string;
  types: readonly T[];
  value: string | null;
  onChange: (id: string | null) => void;
  noneText?: string;
  /** The text of one offered node; its name by default. */
  optionLabel?: (node: NodeOfType<T>) => string;
  help?: React.ReactNode;
  note?: string | null;
}) {
  const nodes = useNodesOf(types);
  const other = usePlanner((s) => (value === null ? undefined : s.plan.nodes.find((n) => n.id === value)));
  const choices: Choice<string>[] = [
    { value: NONE, text: noneText },
    ...nodes.map((n) => ({ value: n.id, text: optionLabel ? optionLabel(n) : n.name || n.id })),
  ];
  if (value !== null && !nodes.some((n) => n.id === value)) {
    const what = other
      ? `${other.name || other.id} (a ${NODE_KINDS[other.type].label.toLowerCase()})`
      : `${value} (missing)`;
    choices.push({ value, text: what });
  }
  return (
    <SelectField
      label={label}
      field={field}
      value={value ?? NONE}
      choices={choices}
      onChange={(id) => onChange(id === NONE ? null : id)}
      help={help}
      note={note}
    />
  );
}

export interface ListOption {
  id: string;
  text: string;
  /** Why this choice will not work, shown beside it (an unsupported version). */
  shortfall?: string | null;
  /** Kept as it is (the last of a list that must not be empty). */
  locked?: boolean;
}

/**
 * A multi-select as a group of checkboxes: `chosen` keeps the order of the
 * plan's list, and a newly ticked item goes to its end.
 */
export function CheckList({
  legend,
  options,
  chosen,
  onChange,
  empty,
  field,
}: {
  legend: string;
  /** The key a finding names this list by (findingFix.ts). */
  field?: string;
  options: readonly ListOption[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  empty: string;
}) {
  const id = useId();
  return (
    <fieldset data-field={field} className="space-y-1">
      <legend className="text-xs font-medium text-slate-600">{legend}</legend>
      {options.length === 0 ? <p className="text-[11px] text-slate-500">{empty}</p> : null}
      {options.map((o) => {
        const on = chosen.includes(o.id);
        const boxId = `${id}-${o.id}`;
        return (
          <div key={o.id} className="flex items-start gap-2">
            <input
              id={boxId}
              type="checkbox"
              className="mt-0.5 size-3.5 rounded border-slate-300 accent-blue-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
              checked={on}
              disabled={o.locked}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))
              }
            />
            <label htmlFor={boxId} className="text-[12.5px] leading-snug text-slate-800">
              {o.text}
              {o.shortfall ? <span className="ml-1 font-medium text-amber-700">— {o.shortfall}</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
