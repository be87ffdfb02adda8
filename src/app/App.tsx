import { ReactFlowProvider } from '@xyflow/react';
import { PlanCanvas } from '../canvas/PlanCanvas';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { ResultsPanel } from '../panels/ResultsPanel';
import { Toolbar } from '../panels/Toolbar';
import { Notices } from './Notices';
import { ResultsSplit } from './ResultsSplit';
import { UndoRedo } from './UndoRedo';
import { useFirstVisit } from './useFirstVisit';
import { useShortcuts } from './useShortcuts';

/**
 * The planner's shell: toolbar on top; palette, canvas and inspector side by
 * side; the findings and the port matrix under the canvas. The only place
 * that puts the panels and the canvas together.
 */
export function App() {
  useFirstVisit();
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="flex h-screen min-h-0 flex-col bg-slate-100 text-[13px] text-slate-900 antialiased">
        <Toolbar>
          <UndoRedo />
        </Toolbar>
        <div className="flex min-h-0 flex-1">
          <div className="w-[184px] shrink-0 border-r border-slate-200">
            <Palette />
          </div>
          <main className="flex min-w-0 flex-1 flex-col">
            <ResultsSplit
              top={
                <>
                  <PlanCanvas />
                  <Notices />
                </>
              }
              bottom={<ResultsPanel />}
            />
          </main>
          <div className="w-[340px] shrink-0 border-l border-slate-200 bg-white">
            <Inspector />
          </div>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
