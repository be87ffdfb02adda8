import { ReactFlowProvider } from '@xyflow/react';
import { Palette } from '../canvas/Palette';
import { PlanCanvas } from '../canvas/PlanCanvas';
import { Inspector } from '../panels/inspector/Inspector';
import { ResultsPanel } from '../panels/results/ResultsPanel';
import { CompareDialog } from '../panels/review/CompareDialog';
import { ReviewOverlay } from '../panels/review/ReviewOverlay';
import { ExportMenu } from '../panels/toolbar/ExportMenu';
import { ReviewButtons } from '../panels/toolbar/ReviewButtons';
import { ShareLinkButton } from '../panels/toolbar/ShareLinkButton';
import { Toolbar } from '../panels/toolbar/Toolbar';
import { useMenuExports } from './exportFormats';
import { Notices } from './Notices';
import { OtherTabBanner } from './OtherTabBanner';
import { PlanFileDrop } from './PlanFileDrop';
import { PlanList } from './PlanList';
import { ResultsSplit } from './ResultsSplit';
import { ReviewPackPrint, useReviewPackAction } from './ReviewPack';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SkipLink } from './SkipLink';
import { StorageWarning } from './StorageWarning';
import { UndoRedo } from './UndoRedo';
import { usePlannerLifecycle } from './usePlannerLifecycle';
import { useShortcuts } from './useShortcuts';
import { ViewportAutosave } from './ViewportAutosave';

/**
 * The planner's shell: toolbar on top; palette, canvas and inspector side by
 * side; the findings and the port matrix under the canvas. The only place
 * that puts the panels and the canvas together.
 */
export function App() {
  usePlannerLifecycle();
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="flex h-screen min-h-0 flex-col bg-slate-100 text-[13px] text-slate-900 antialiased">
        <SkipLink />
        <Toolbar>
          <ReviewButtons />
          <PlanList />
          <ShareLinkButton />
          <AppExportMenu />
          <UndoRedo />
          <ShortcutsHelp />
        </Toolbar>
        <StorageWarning />
        <ViewportAutosave />
        <div className="flex min-h-0 flex-1">
          <div className="w-[184px] shrink-0 border-r border-slate-200">
            <Palette />
          </div>
          <main className="flex min-w-0 flex-1 flex-col">
            <ResultsSplit
              top={
                <>
                  <PlanCanvas />
                  <ReviewOverlay />
                  <PlanFileDrop />
                  <Notices lead={<OtherTabBanner />} />
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
      <CompareDialog />
      <ReviewPackPrint />
    </ReactFlowProvider>
  );
}

/** The Export menu with the plan's exports, the diagram pictures and the review pack, which need the canvas (inside its provider). */
function AppExportMenu() {
  const reviewPack = useReviewPackAction();
  return <ExportMenu formats={useMenuExports()} actions={[reviewPack]} />;
}
