/** One page's figures for one plan size. */
export interface Figures {
  /** Milliseconds from choosing the file to the first frame with the whole plan drawn. */
  firstRender: number;
  dragFps: number;
  panFps: number;
  /** Milliseconds from the last key of an edit to its text in the DOM. */
  edit: number;
  /** The same, to the frame after. */
  editFrame: number;
  editWhat: string;
  /** Milliseconds from the last key of the same edit to the new port in the Firewall rules text; null where not measured. */
  rulesEdit: number | null;
  /** Node elements in the DOM once the plan is drawn (a canvas may draw only those in view). */
  drawn: number;
  /** Nodes (sites too) wholly in view while dragging, panning and editing. */
  inView: number;
  /** Nodes (sites too) wholly in view at the view the plan opened at, when its first render was timed. */
  openingInView: number;
}

export interface SizeResult {
  nodes: number;
  ours: Figures;
  bare: Figures;
}

/** How far the planner may trail the bare page: 1.3 times the time, or 1/1.3 of the frame rate. */
export const MAX_RATIO = 1.3;
export const MIN_DRAG_FPS_AT_1000 = 30;
export const MAX_EDIT_MS_AT_500 = 100;
export const MAX_RULES_EDIT_MS_AT_500 = 150;

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

/** The size a target names, applied to a generated plan of about that many nodes. */
function near(nodes: number, target: number): boolean {
  return Math.abs(nodes - target) <= target * 0.05;
}

export interface Row {
  nodes: string;
  metric: string;
  ours: string;
  bare: string;
  ratio: string;
  target: string;
}

/** The row of an edit's time to the Firewall rules text (the bare page has no rules). */
export function rulesEditRow(nodes: number, ms: number): Row {
  return {
    nodes: String(nodes),
    metric: 'edit → rules text (ms)',
    ours: fixed(ms),
    bare: '—',
    ratio: '—',
    target: near(nodes, 500)
      ? `< ${MAX_RULES_EDIT_MS_AT_500} ms: ${ms < MAX_RULES_EDIT_MS_AT_500 ? 'met' : 'NOT met'}`
      : '(for information)',
  };
}

/**
 * Prints the figures as a table: N, metric, ours, bare, ours/bare, and the
 * targets, met or not. For times the ratio is ours/bare (lower is better);
 * for frame rates too, so a ratio under 1 means fewer frames than bare.
 */
export function printTable(
  results: readonly SizeResult[],
  run: { reps: number; uncapped: boolean; load: number; browser: string },
): void {
  const rows: Row[] = [];
  const verdicts: string[] = [];
  for (const { nodes, ours, bare } of results) {
    const n = String(nodes);
    const renderRatio = ours.firstRender / bare.firstRender;
    const dragRatio = ours.dragFps / bare.dragFps;
    const panRatio = ours.panFps / bare.panFps;
    const editRatio = ours.edit / bare.edit;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const dragTargets = [`ratio ≥ ${fixed(1 / MAX_RATIO, 2)}: ${met(dragRatio >= 1 / MAX_RATIO)}`];
    if (near(nodes, 1000))
      dragTargets.push(`≥ ${MIN_DRAG_FPS_AT_1000} fps: ${met(ours.dragFps >= MIN_DRAG_FPS_AT_1000)}`);
    const editTarget = near(nodes, 500)
      ? `< ${MAX_EDIT_MS_AT_500} ms: ${met(ours.edit < MAX_EDIT_MS_AT_500)}`
      : '(ratio for information)';
    rows.push(
      {
        nodes: n,
        metric: 'first render (ms)',
        ours: fixed(ours.firstRender),
        bare: fixed(bare.firstRender),
        ratio: fixed(renderRatio, 2),
        target: `ratio ≤ ${MAX_RATIO}: ${met(renderRatio <= MAX_RATIO)}`,
      },
      {
        nodes: n,
        metric: 'drag a node (fps)',
        ours: fixed(ours.dragFps, 1),
        bare: fixed(bare.dragFps, 1),
        ratio: fixed(dragRatio, 2),
        target: dragTargets.join('; '),
      },
      {
        nodes: n,
        metric: 'pan (fps)',
        ours: fixed(ours.panFps, 1),
        bare: fixed(bare.panFps, 1),
        ratio: fixed(panRatio, 2),
        target: `ratio ≥ ${fixed(1 / MAX_RATIO, 2)}: ${met(panRatio >= 1 / MAX_RATIO)}`,
      },
      {
        nodes: n,
        metric: 'edit → badges (ms)',
        ours: `${fixed(ours.edit)} (${fixed(ours.editFrame)} to frame)`,
        bare: `${fixed(bare.edit)} (${fixed(bare.editFrame)} to frame)`,
        ratio: fixed(editRatio, 2),
        target: editTarget,
      },
    );
    if (ours.rulesEdit !== null) rows.push(rulesEditRow(nodes, ours.rulesEdit));
    verdicts.push(
      `  ${n} nodes: node elements drawn after the import: ours ${ours.drawn}, bare ${bare.drawn}; wholly in view as the plan opened: ours ${ours.openingInView}, bare ${bare.openingInView}; wholly in view while measuring gestures and edits: ours ${ours.inView}, bare ${bare.inView}; ours edits "${ours.editWhat}", bare the ${bare.editWhat}.`,
    );
  }
  const head: Row = {
    nodes: 'N',
    metric: 'metric',
    ours: 'ours',
    bare: 'bare',
    ratio: 'ours/bare',
    target: 'target',
  };
  const all = [head, ...rows];
  const w = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    [
      padLeft(r.nodes, w('nodes')),
      pad(r.metric, w('metric')),
      padLeft(r.ours, w('ours')),
      padLeft(r.bare, w('bare')),
      padLeft(r.ratio, w('ratio')),
      r.target,
    ].join('  ');
  console.log('');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(
    `Medians of ${run.reps} repetitions; headless ${run.browser}; 1-minute load average ${run.load.toFixed(1)}.`,
  );
  console.log(
    run.uncapped
      ? 'Frame rate limit lifted (--disable-frame-rate-limit): fps shows headroom, not what a 60 Hz screen shows.'
      : 'Headless Chromium draws at most about 60 frames a second: fps at that cap hides any headroom (try --uncapped).',
  );
  console.log('N is the number of plan nodes; sites are drawn as React Flow nodes too, on both pages.');
  console.log('Edit: from the input event of the last key to the new text in the DOM (MutationObserver).');
  for (const v of verdicts) console.log(v);
}
