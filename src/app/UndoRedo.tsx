import { useStore } from 'zustand';
import { usePlanner } from '../store/store';
import { redo, undo } from './useShortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

const BUTTON =
  'flex h-7 w-7 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-35 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:outline-blue-500';

/** One history button: its name, key hint, action and the two strokes of its arrow. */
function HistoryButton(props: {
  name: string;
  keys: string;
  enabled: boolean;
  run: () => void;
  arrow: [string, string];
}) {
  return (
    <button
      type="button"
      aria-label={props.name}
      title={`${props.name} (${props.keys})`}
      disabled={!props.enabled}
      onClick={props.run}
      className={BUTTON}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={props.arrow[0]} />
        <path d={props.arrow[1]} />
      </svg>
    </button>
  );
}

/** Undo and Redo as buttons, for those who do not use the keys. */
export function UndoRedo() {
  const canUndo = useStore(usePlanner.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(usePlanner.temporal, (s) => s.futureStates.length > 0);
  return (
    <div className="flex items-center">
      <HistoryButton
        name="Undo"
        keys={`${MOD}Z`}
        enabled={canUndo}
        run={undo}
        arrow={['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11']}
      />
      <HistoryButton
        name="Redo"
        keys={`${MOD}${isMac ? '⇧Z' : 'Y'}`}
        enabled={canRedo}
        run={redo}
        arrow={['m15 14 5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13']}
      />
    </div>
  );
}
