import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import type { CanvasEdge, CanvasNode } from '../canvas/adapter';
import { type DiagramSource, diagramImage } from '../canvas/imageExport';
import { CHANGE_STYLE } from '../canvas/nodes/ReviewMarks';
import type { PackDiagram } from '../panels/review/ReviewPackDocument';
import { ReviewPackDocument } from '../panels/review/ReviewPackDocument';
import { type ReviewPackContent, reviewPackContent } from '../panels/review/reviewPack';
import { analysisOf } from '../store/analysis';
import { reviewComparisonOf } from '../store/comparison';
import { baselineLabel, reviewDateText } from '../store/reviewSlice';
import { usePlanner } from '../store/store';

interface PrintedPack {
  content: ReviewPackContent;
  diagram: PackDiagram | null;
  /** The diagram shows compare mode's marks, so the legend explains them. */
  marked: boolean;
}

/** The pack being printed; null when none is (then printing the page prints the planner). */
const usePrintedPack = create<{ pack: PrintedPack | null }>()(() => ({ pack: null }));

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function clearPack(): void {
  const { pack } = usePrintedPack.getState();
  if (pack?.diagram) URL.revokeObjectURL(pack.diagram.url);
  usePrintedPack.setState({ pack: null });
}

/** The diagram drawn as SVG, and its size once the browser has read it. */
async function packDiagram(flow: DiagramSource): Promise<PackDiagram | null> {
  const blob = await diagramImage('svg', flow);
  if (!blob) return null;
  const url = URL.createObjectURL(blob);
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    URL.revokeObjectURL(url);
    throw new Error('the browser could not draw the diagram');
  }
  return { url, width: image.naturalWidth, height: image.naturalHeight };
}

/**
 * Prints the review pack: the plan's design-review document (title block,
 * diagram and legend, findings, changes since the baseline, open notes, port
 * matrix per firewall). The diagram is drawn with compare mode's marks: those
 * of the plan it is being compared with, else of its review baseline (compare
 * mode is entered for the drawing and left after). The browser's print dialog
 * then prints it, or saves it as PDF.
 */
export async function printReviewPack(flow: DiagramSource): Promise<void> {
  const store = usePlanner.getState();
  const { plan, compared, baseline, notify } = store;
  notify({ kind: 'info', text: 'Preparing the review pack…' });
  const against =
    compared ??
    (baseline
      ? { plan: baseline.plan, source: 'baseline' as const, label: baselineLabel(baseline.reviewedAt) }
      : null);
  const entered = compared === null && against !== null;
  let diagram: PackDiagram | null;
  try {
    if (entered && against) {
      store.startCompare(against);
      // React draws the marks and the ghosts, then React Flow measures the ghosts it had not drawn.
      for (let i = 0; i < 3; i++) await nextFrame();
    }
    diagram = await packDiagram(flow);
  } catch (error) {
    notify({
      kind: 'error',
      text: `The review pack could not be made: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  } finally {
    if (entered) usePlanner.getState().stopCompare();
  }
  const review = against
    ? { comparison: reviewComparisonOf(against.plan, plan).comparison, since: against.label }
    : null;
  const content = reviewPackContent({
    plan,
    analysis: analysisOf(plan),
    review,
    printed: reviewDateText(Date.now()),
  });
  clearPack();
  usePrintedPack.setState({ pack: { content, diagram, marked: against !== null } });
  // React puts the document in the page before the print dialog reads it.
  await nextFrame();
  await nextFrame();
  notify({
    kind: 'info',
    text: 'Review pack ready. In the print dialog, choose a printer or Save as PDF (A4 or Letter).',
  });
  window.print();
}

/** The Export menu's entry that prints the pack: it needs the canvas, so it is made here. */
export function useReviewPackAction() {
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  return {
    id: 'review-pack',
    title: 'Print review pack',
    description:
      'Title, diagram, findings, changes since the baseline, open notes and port matrix, to print or save as PDF',
    run: () => printReviewPack(flow),
  };
}

/**
 * Where the pack is put while it is printed: beside the planner's root, shown
 * on paper only (index.css hides the planner when printing it). It goes when
 * the print dialog closes.
 */
export function ReviewPackPrint() {
  const pack = usePrintedPack((s) => s.pack);
  useEffect(() => {
    window.addEventListener('afterprint', clearPack);
    return () => window.removeEventListener('afterprint', clearPack);
  }, []);
  if (!pack) return null;
  return createPortal(
    <div className="epp-pack-root">
      <ReviewPackDocument
        content={pack.content}
        diagram={pack.diagram}
        legend={<PackLegend marked={pack.marked} />}
      />
    </div>,
    document.body,
  );
}

/** The diagram's key: the canvas legend, and compare mode's marks when the diagram shows them. */
function PackLegend({ marked }: { marked: boolean }) {
  return (
    <ul aria-label="Legend">
      <li>
        <svg aria-hidden="true" width="26" height="8">
          <line x1="1" y1="4" x2="25" y2="4" stroke="#94a3b8" strokeWidth="1.75" />
        </svg>
        Network link
      </li>
      <li>
        <svg aria-hidden="true" width="26" height="8">
          <line x1="1" y1="4" x2="25" y2="4" stroke="#7c3aed" strokeWidth="2" strokeDasharray="5 3" />
        </svg>
        Site or X.400 connector
      </li>
      <li>
        <span className="epp-pack-badge border-slate-300 bg-white text-slate-700">135</span>
        <span className="epp-pack-badge border-amber-300 bg-amber-50 text-amber-800">1024-65535</span>
        <span className="epp-pack-badge border-red-300 bg-red-50 text-red-700">102</span>
        Ports on a firewall edge: fixed, dynamic range, broken relation
      </li>
      <li>
        <span className="epp-pack-dot bg-red-600" />
        <span className="epp-pack-dot bg-amber-400" />
        <span className="epp-pack-dot bg-sky-500" />
        Findings: error, warning, info
      </li>
      <li>
        <span className="epp-pack-badge rounded-full border-amber-500 bg-amber-300 text-amber-950">1</span>
        Open review notes
      </li>
      {marked
        ? (['added', 'removed', 'changed', 'rules'] as const).map((kind) => {
            const style = CHANGE_STYLE[kind];
            return (
              <li key={kind}>
                <svg aria-hidden="true" width="26" height="8">
                  <line
                    x1="1"
                    y1="4"
                    x2="25"
                    y2="4"
                    stroke={style.colour}
                    strokeWidth="3"
                    strokeDasharray={style.dash || undefined}
                  />
                </svg>
                <span className={`epp-pack-badge ${style.badge}`}>{style.symbol}</span>
                {style.word}
              </li>
            );
          })
        : null}
    </ul>
  );
}
