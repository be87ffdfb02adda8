import { type ReactNode, useId, useState } from 'react';
import { UNTITLED_PLAN_NAME } from '../../model/defaults';
import { PLAN_LIMITS } from '../../model/types';
import { usePlanner } from '../../store/store';
import { readNameText } from '../entryText';
import { ImportPlanButton } from './ImportPlanButton';
import { TemplatesMenu } from './TemplatesMenu';

/** The product mark: a firewall with two open ports. */
function ProductMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0">
      <rect x="1" y="1" width="22" height="22" rx="5" className="fill-blue-600" />
      <path
        d="M5 8h14M5 12h14M5 16h14M9 8v4M15 12v4M12 4v4M12 16v4"
        stroke="white"
        strokeWidth="1.4"
        fill="none"
      />
      <circle cx="9" cy="16" r="1.6" className="fill-amber-300" />
      <circle cx="15" cy="8" r="1.6" className="fill-amber-300" />
    </svg>
  );
}

/**
 * The top bar: the product name, the plan name, Templates and Import plan.
 * The right end is kept free for the plan-wide commands (undo, share, export).
 * It stays one row from 1024 px wide: the plan-name field never shrinks (10rem,
 * a readable name); below 1280 px Templates, Import plan and Copy share link
 * show only their icons instead.
 */
export function Toolbar({ children }: { children?: ReactNode } = {}) {
  const name = usePlanner((s) => s.plan.name);
  const renamePlan = usePlanner((s) => s.renamePlan);
  const nameId = useId();
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <header className="flex h-11 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 text-[13px]">
      <div className="flex items-center gap-2">
        <ProductMark />
        <h1 className="whitespace-nowrap text-sm font-semibold tracking-tight text-slate-900">
          Exchange Port Planner
        </h1>
      </div>
      <div className="h-5 w-px bg-slate-200" />
      {/* Only the note beside the field gives way (it is cut short; its whole text is the field's title). */}
      <div className="flex min-w-0 items-center gap-1.5">
        <label htmlFor={nameId} className="whitespace-nowrap text-xs font-medium text-slate-500">
          Plan name
        </label>
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={PLAN_LIMITS.nameLength}
          placeholder={UNTITLED_PLAN_NAME}
          spellCheck={false}
          onChange={(e) => {
            // A pasted control character never reaches the plan name (SPEC §2); the title says what went.
            const entry = readNameText(e.target.value);
            setRemoved(entry.removed);
            renamePlan(entry.value);
          }}
          title={removed ?? undefined}
          aria-describedby={removed ? `${nameId}-removed` : undefined}
          className="w-40 shrink-0 rounded xl:w-56 border border-transparent bg-transparent px-1.5 py-0.5 text-[13px] font-medium text-slate-900 hover:border-slate-300 focus-visible:border-blue-500 focus-visible:bg-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500/40"
        />
        {removed ? (
          <span
            id={`${nameId}-removed`}
            role="status"
            className="min-w-0 max-w-64 truncate text-[11px] text-amber-700"
          >
            {removed}
          </span>
        ) : null}
      </div>
      <div className="flex items-center gap-1.5">
        <TemplatesMenu />
        <ImportPlanButton />
      </div>
      <div className="ml-auto flex items-center gap-1.5">{children}</div>
    </header>
  );
}
