import { useMemo, useState } from 'react';
import { useAnalysis } from '../store/analysis';
import { useReviewComparison } from '../store/comparison';
import { withLayout } from '../store/layout';
import { usePlanner } from '../store/store';
import { type CanvasView, createAdapter, type Dimensions } from './adapter';
import { changeMarksOf } from './changeMarks';
import { emphasisOf, highlightedPort } from './emphasis';

/**
 * The canvas's React Flow nodes and edges, rebuilt by the adapter only when
 * the plan, its analysis, the selection, the highlight, the comparison of
 * compare mode or a measured size changes (the engine itself runs once per plan change, in `useAnalysis`).
 */
export function useCanvasView(
  measured: ReadonlyMap<string, Dimensions>,
  measuredVersion: number,
): CanvasView {
  const plan = usePlanner((s) => s.plan);
  const selection = usePlanner((s) => s.selection);
  const highlight = usePlanner((s) => s.highlight);
  const analysis = useAnalysis();
  const laidOut = useMemo(() => withLayout(plan), [plan]);
  const selectionSet = useMemo(() => new Set(selection), [selection]);
  // Only the links matter to the emphasis: an edit of a name or a position keeps it.
  const links = laidOut.links;
  const emphasis = useMemo(
    () => emphasisOf({ links }, analysis, selection, highlight),
    [links, analysis, selection, highlight],
  );
  const highlightPort = useMemo(() => highlightedPort(analysis, highlight), [analysis, highlight]);
  const review = useReviewComparison();
  const changes = useMemo(() => (review ? changeMarksOf(review) : null), [review]);
  const [adapt] = useState(createAdapter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measuredVersion stands for the contents of the measured map
  return useMemo(
    () =>
      adapt({ plan: laidOut, analysis, selection: selectionSet, emphasis, highlightPort, measured, changes }),
    [adapt, laidOut, analysis, selectionSet, emphasis, highlightPort, measured, changes, measuredVersion],
  );
}
