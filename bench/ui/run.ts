/**
 * UI benchmark (`npm run bench:ui`): the planner against a bare React Flow
 * page, in headless Chromium, on generated organizations of 250, 500 and
 * 1,000 nodes. For each size and page: time to first render of an imported
 * plan, frames per second while dragging a node and while panning, and the
 * time from an inspector edit to the updated port badges (the bare page:
 * from typing to the changed node label). Medians over repetitions; prints
 * a table with ours/bare ratios and which targets are met.
 *
 * The first render is of the view the plan opens at (a large plan: zoom 1 on
 * its top-left end), the bare page given the same view. The drag, pan and
 * edits follow a press of the planner's Fit View button, with the whole plan
 * in view, and the bare page is opened at that same view: both pages have
 * the same nodes on screen, all of them.
 *
 * Options: --sizes 250,500,1000  --reps 3  --uncapped (lift Chromium's
 * 60 fps frame limit, to see headroom above it)  --profile (at the largest
 * size, a trace and a CPU profile of the planner's first render, of one
 * edit and of a drag, to show where the time goes; builds unminified).
 * --rules-only (only the time from an inspector edit to the Firewall rules
 * text, on the planner, without the bare page; with --profile, a CPU profile
 * of one more such edit at each size).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../playwright.config';
import { generatePlan } from '../../src/test/generatePlan';
import { chosenEdit, type EditChoice } from './editChoice';
import {
  canvasBox,
  closePage,
  editLatency,
  emptyPoint,
  firstRender,
  fitWholePlan,
  gestureFps,
  nodesInView,
  nodeToDrag,
  openPage,
  type Scene,
  viewportOf,
} from './measure';
import { startCpuProfile, traceTasks } from './profile';
import { type Figures, printTable, rulesEditRow, type SizeResult } from './report';
import { serveFolder } from './server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${ROOT}bench/out/`;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const SIZES = (option('sizes') ?? '250,500,1000').split(',').map(Number);
const REPS = Number(option('reps') ?? 3);
const UNCAPPED = process.argv.includes('--uncapped');
const PROFILE = process.argv.includes('--profile');
const RULES_ONLY = process.argv.includes('--rules-only');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Where a drag's and an edit's time goes in the planner (needs the unminified build of --profile). */
async function profileOurs(
  browser: Browser,
  url: string,
  planFile: string,
  page: Page,
  dragged: { x: number; y: number },
  field: Locator,
  port: number,
): Promise<string> {
  const lines = ['', 'Where the time goes in the planner:'];
  // First render, on fresh pages: once under a trace, once under the CPU profiler.
  const fresh = async () => {
    const other = await openPage(browser, url);
    await other.locator('.react-flow__node').first().waitFor();
    return other;
  };
  let other = await fresh();
  const rendered = other;
  lines.push(
    ...(await traceTasks(other, 'Import to first render', () =>
      firstRender(rendered, planFile).then(() => {}),
    )),
  );
  lines.push('  Import to first render, frame by frame (a gap is time without a frame: one long task):');
  for (const f of await other.evaluate(() => window.__bench.firstRenderTimeline())) {
    lines.push(
      `    ${f.at.toFixed(0).padStart(6)} ms (gap ${f.gap.toFixed(0).padStart(5)} ms): ${f.nodes} nodes (${f.hidden} not yet measured), ${f.edges} edges`,
    );
  }
  await closePage(other);
  other = await fresh();
  const stopRender = await startCpuProfile(other, 'Import to first render');
  await firstRender(other, planFile);
  lines.push(...(await stopRender()));
  await closePage(other);

  // The edits first: the server is still selected; a drag selects the dragged node.
  await editLatency(page, field, String(port), '.react-flow__edgelabel-renderer', async (lastKey) => {
    lines.push(...(await traceTasks(page, 'One inspector edit to its badges', lastKey)));
  });
  await editLatency(page, field, String(port + 1), '.react-flow__edgelabel-renderer', async (lastKey) => {
    const stopEdit = await startCpuProfile(page, 'One inspector edit to its badges');
    await lastKey();
    lines.push(...(await stopEdit()));
  });
  lines.push(
    ...(await traceTasks(page, 'Dragging a node', () => gestureFps(page, dragged, 60).then(() => {}))),
  );
  const stop = await startCpuProfile(page, 'Dragging a node');
  await gestureFps(page, dragged, 60);
  lines.push(...(await stop()));
  return lines.join('\n');
}

/**
 * The edit's time to the Firewall rules view: the view opened on a firewall
 * its flows cross (nftables, the default format), then the same field edited
 * again, `reps` times, from port `from` on; each time until the new port is in
 * the rules text. The medians of those times.
 */
async function measureRulesEdit(
  page: Page,
  field: Locator,
  edit: EditChoice,
  from: number,
  reps: number,
): Promise<number> {
  await page.getByRole('tab', { name: 'Firewall rules', exact: true }).click();
  await page.getByLabel('Firewall', { exact: true }).selectOption({ label: edit.firewallName });
  await page.getByRole('figure').first().waitFor();
  const times: number[] = [];
  for (let rep = 0; rep < reps; rep++)
    times.push((await editLatency(page, field, String(from + rep), '#results-panel-rules')).dom);
  return median(times);
}

/** Only the edit → rules text figure, for each size (`--rules-only`). */
async function measureRulesOnly(browser: Browser, url: string, size: PlanOnDisk): Promise<number> {
  const page = await openPage(browser, url);
  try {
    await page.locator('.react-flow__node').first().waitFor();
    await firstRender(page, size.file);
    // A large plan opens at zoom 1 on its top-left end: the whole plan in view, as the full run measures it.
    const fitted = await fitWholePlan(page);
    const edit = chosenEdit(size.plan, await nodesInView(page, fitted.canvas, true));
    await page.locator(`.react-flow__node[data-id="${edit.serverId}"]`).click();
    const field = page.getByRole('region', { name: 'Inspector' }).getByLabel(edit.fieldLabel);
    const figure = await measureRulesEdit(page, field, edit, edit.firstPort, REPS);
    if (PROFILE) {
      const stop = await startCpuProfile(page, 'Inspector edit to the rules text');
      await editLatency(page, field, String(edit.firstPort + REPS), '#results-panel-rules');
      console.log((await stop()).join('\n'));
    }
    return figure;
  } finally {
    await closePage(page);
  }
}

async function measureOurs(
  browser: Browser,
  url: string,
  size: PlanOnDisk,
  profiled: boolean,
): Promise<{ figures: Figures; opening: Scene; scene: Scene; dragId: string }> {
  const renders: number[] = [];
  let page: Page | null = null;
  for (let rep = 0; rep < REPS; rep++) {
    if (page) await closePage(page);
    page = await openPage(browser, url);
    // The first visit opens the combined example; the generated plan replaces it.
    await page.locator('.react-flow__node').first().waitFor();
    renders.push(await firstRender(page, size.file));
  }
  if (!page) throw new Error('no repetitions');
  const drawn = await page.locator('.react-flow__node').count();
  // The view the plan opened at (a large plan: zoom 1 on its top-left end), for the bare page's first render.
  const opening: Scene = { canvas: await canvasBox(page), viewport: await viewportOf(page) };
  const openingInView = (await nodesInView(page, opening.canvas)).length;
  // The gestures and edits with the whole plan in view, as before the planner opened at zoom 1:
  // every node on screen is the case these figures are about, and the bare page is shown the same.
  const scene = await fitWholePlan(page);
  const inView = (await nodesInView(page, scene.canvas)).length;

  const dragged = await nodeToDrag(page, size.siteIds);
  const drags: number[] = [];
  for (let rep = 0; rep < REPS; rep++) drags.push(await gestureFps(page, dragged, 60));
  const pane = await emptyPoint(page);
  const pans: number[] = [];
  for (let rep = 0; rep < REPS; rep++) pans.push(await gestureFps(page, pane, 150));

  const edit: EditChoice = chosenEdit(size.plan, await nodesInView(page, scene.canvas, true));
  await page.locator(`.react-flow__node[data-id="${edit.serverId}"]`).click();
  const field = page.getByRole('region', { name: 'Inspector' }).getByLabel(edit.fieldLabel);
  const edits: { dom: number; frame: number }[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    edits.push(
      await editLatency(page, field, String(edit.firstPort + rep), '.react-flow__edgelabel-renderer'),
    );
  }
  const profile = profiled
    ? await profileOurs(browser, url, size.file, page, dragged, field, edit.firstPort + REPS)
    : null;
  // The profile's drag selected the dragged node: the server goes back in the inspector.
  if (profile) await page.locator(`.react-flow__node[data-id="${edit.serverId}"]`).click();
  // After the profile's two edits (ports firstPort + REPS and + REPS + 1), on ports still free.
  const rulesEdit = await measureRulesEdit(page, field, edit, edit.firstPort + REPS + 2, REPS);
  await closePage(page);
  if (profile) console.log(profile);
  return {
    figures: {
      firstRender: median(renders),
      dragFps: median(drags),
      panFps: median(pans),
      edit: median(edits.map((e) => e.dom)),
      editFrame: median(edits.map((e) => e.frame)),
      editWhat: `${edit.fieldLabel} of ${edit.serverName}`,
      rulesEdit,
      drawn,
      inView,
      openingInView,
    },
    opening,
    scene,
    dragId: dragged.id,
  };
}

/** The bare page's address showing `scene`'s canvas size and view; `edit` is the node its Label box renames. */
function bareAddress(url: string, scene: Scene, edit: string): string {
  const query = new URLSearchParams({
    w: String(Math.round(scene.canvas.width)),
    h: String(Math.round(scene.canvas.height)),
    x: String(scene.viewport.x),
    y: String(scene.viewport.y),
    zoom: String(scene.viewport.zoom),
    edit,
  });
  return `${url}?${query}`;
}

/**
 * The bare page: its first render at the view the planner opened at
 * (`opening`), its gestures and edit at the view the planner measured them
 * in (`scene`, the whole plan), each with the planner's canvas size.
 */
async function measureBare(
  browser: Browser,
  url: string,
  size: PlanOnDisk,
  opening: Scene,
  scene: Scene,
  dragId: string,
): Promise<Figures> {
  const renders: number[] = [];
  let page: Page | null = null;
  for (let rep = 0; rep < REPS; rep++) {
    if (page) await closePage(page);
    page = await openPage(browser, bareAddress(url, opening, dragId));
    await page.getByLabel('Import plan').waitFor();
    renders.push(await firstRender(page, size.file));
  }
  if (!page) throw new Error('no repetitions');
  const drawn = await page.locator('.react-flow__node').count();
  const openingInView = (await nodesInView(page, await canvasBox(page))).length;
  const sameView =
    opening.viewport.x === scene.viewport.x &&
    opening.viewport.y === scene.viewport.y &&
    opening.viewport.zoom === scene.viewport.zoom;
  if (!sameView) {
    // The view is the page's default: opened again at the planner's fitted view, the import not timed.
    await closePage(page);
    page = await openPage(browser, bareAddress(url, scene, dragId));
    await page.getByLabel('Import plan').waitFor();
    await firstRender(page, size.file);
  }
  const inView = (await nodesInView(page, await canvasBox(page))).length;
  const dragged = await page.locator(`.react-flow__node[data-id="${dragId}"]`).boundingBox();
  if (!dragged) throw new Error(`The bare page does not show node ${dragId}.`);
  const at = { x: dragged.x + dragged.width / 2, y: dragged.y + dragged.height / 2 };
  const drags: number[] = [];
  for (let rep = 0; rep < REPS; rep++) drags.push(await gestureFps(page, at, 60));
  const pane = await emptyPoint(page);
  const pans: number[] = [];
  for (let rep = 0; rep < REPS; rep++) pans.push(await gestureFps(page, pane, 150));
  const field = page.getByLabel('Label');
  const edits: { dom: number; frame: number }[] = [];
  for (let rep = 0; rep < REPS; rep++)
    edits.push(await editLatency(page, field, String(7771 + rep), '.react-flow__nodes'));
  await closePage(page);
  return {
    firstRender: median(renders),
    dragFps: median(drags),
    panFps: median(pans),
    edit: median(edits.map((e) => e.dom)),
    editFrame: median(edits.map((e) => e.frame)),
    editWhat: 'label of the dragged node',
    rulesEdit: null,
    drawn,
    inView,
    openingInView,
  };
}

interface PlanOnDisk {
  requested: number;
  plan: ReturnType<typeof generatePlan>;
  file: string;
  /** Sites and nodes: every one is a React Flow node. */
  drawnNodes: number;
  /** Links and connectors: every one is a React Flow edge. */
  edges: number;
  siteIds: string[];
}

async function main(): Promise<void> {
  await mkdir(`${OUT}ui`, { recursive: true });
  console.log('Building the planner and the bare React Flow page…');
  await build({
    root: ROOT,
    logLevel: 'error',
    // Unminified when profiling, so the profile names functions.
    build: { outDir: `${OUT}app`, emptyOutDir: true, chunkSizeWarningLimit: 4000, minify: !PROFILE },
  });
  await build({ configFile: `${ROOT}bench/ui/bare/vite.config.ts` });
  const app = await serveFolder(`${OUT}app`);
  const bare = await serveFolder(`${OUT}bare`);

  const sizes: PlanOnDisk[] = [];
  for (const requested of SIZES) {
    const plan = generatePlan({ nodes: requested, seed: 1 });
    const file = `${OUT}ui/generated-${requested}.plan.json`;
    await writeFile(file, JSON.stringify(plan));
    sizes.push({
      requested,
      plan,
      file,
      drawnNodes: plan.sites.length + plan.nodes.length,
      edges: plan.links.length + plan.connectors.length,
      siteIds: plan.sites.map((s) => s.id),
    });
  }

  const args = [
    ...chromiumLaunchOptions.args,
    ...(UNCAPPED ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : []),
  ];
  const browser = await chromium.launch({ ...chromiumLaunchOptions, args, headless: true });
  const results: SizeResult[] = [];
  try {
    if (RULES_ONLY) {
      for (const size of sizes) {
        const row = rulesEditRow(size.plan.nodes.length, await measureRulesOnly(browser, app.url, size));
        console.log(
          `${row.nodes} nodes: ${row.metric} ${row.ours} (median of ${REPS}); target ${row.target}`,
        );
      }
      return;
    }
    for (const size of sizes) {
      console.log(
        `Measuring ${size.plan.nodes.length} nodes (${size.drawnNodes} drawn with sites, ${size.edges} edges)…`,
      );
      const ours = await measureOurs(browser, app.url, size, PROFILE && size === sizes[sizes.length - 1]);
      const base = await measureBare(browser, bare.url, size, ours.opening, ours.scene, ours.dragId);
      results.push({ nodes: size.plan.nodes.length, ours: ours.figures, bare: base });
    }
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
  printTable(results, {
    reps: REPS,
    uncapped: UNCAPPED,
    load: loadavg()[0] ?? 0,
    browser: browser.version(),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
