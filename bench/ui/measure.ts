/**
 * What the UI benchmark does in a page, the same for the planner and the
 * bare React Flow page: open it, import a plan, find a node and empty canvas,
 * drag or pan for a while counting frames, time an edit. The timing itself
 * runs inside the page (IN_PAGE_SCRIPT).
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { wiggle } from './gesture';
import { IN_PAGE_SCRIPT } from './inPage';

export const VIEWPORT = { width: 1280, height: 800 };
export const GESTURE_MS = 2000;
const TIMEOUT_MS = 180_000;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the planner showed after the import, so the bare page can show the same. */
export interface Scene {
  canvas: Box;
  viewport: { x: number; y: number; zoom: number };
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(IN_PAGE_SCRIPT);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/**
 * Imports the plan file through the page's "Import plan" input; milliseconds
 * to the first frame that showed the plan as it stays (see IN_PAGE_SCRIPT).
 */
export async function firstRender(page: Page, planFile: string): Promise<number> {
  await page.evaluate(() => window.__bench.armFirstRender());
  await page.getByLabel('Import plan').setInputFiles(planFile);
  // Still for a second: nothing more is coming.
  await page.waitForFunction(() => window.__bench.firstRenderSettled(), null, {
    timeout: TIMEOUT_MS,
    polling: 250,
  });
  const ms = await page.evaluate(() => window.__bench.finishFirstRender());
  if (ms === null) throw new Error('The canvas never showed the plan with every node measured.');
  // The generated plan's sites are "site1", "site2"…: the canvas shows the new plan, not the one before.
  if ((await page.locator('.react-flow__node[data-id^="site"]').count()) === 0) {
    throw new Error('The canvas settled without the imported plan.');
  }
  return ms;
}

export async function canvasBox(page: Page): Promise<Box> {
  const box = await page.getByRole('region', { name: 'Plan canvas' }).boundingBox();
  if (!box) throw new Error('The plan canvas is not on screen.');
  return box;
}

export async function viewportOf(page: Page): Promise<Scene['viewport']> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => getComputedStyle(el).transform);
  // matrix(a, b, c, d, e, f): a is the zoom, e and f the translation.
  const values = /matrix\(([^)]+)\)/.exec(transform)?.[1]?.split(',').map(Number) ?? [1, 0, 0, 1, 0, 0];
  return { zoom: values[0] ?? 1, x: values[4] ?? 0, y: values[5] ?? 0 };
}

/**
 * Shows the whole plan with the planner's own Fit View button, as a person
 * would before working across it, and waits until every node in view is
 * drawn and measured; the view it ends at.
 */
export async function fitWholePlan(page: Page): Promise<Scene> {
  await page.getByRole('button', { name: 'Fit View', exact: true }).click();
  await settle(page);
  await page.waitForFunction(
    () => document.querySelector('.react-flow__node[style*="visibility: hidden"]') === null,
    null,
    { timeout: TIMEOUT_MS, polling: 100 },
  );
  await settle(page);
  return { canvas: await canvasBox(page), viewport: await viewportOf(page) };
}

/**
 * The nodes drawn wholly inside the canvas; with `clickable`, only those not
 * covered there (a click at their centre reaches them, not a cue or a note
 * drawn over the canvas).
 */
export function nodesInView(page: Page, canvas: Box, clickable = false): Promise<string[]> {
  return page.evaluate(
    ([b, onlyClickable]) => {
      const ids: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const r = el.getBoundingClientRect();
        if (r.left < b.x || r.top < b.y || r.right > b.x + b.width || r.bottom > b.y + b.height) continue;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (onlyClickable && hit?.closest('.react-flow__node') !== el) continue;
        ids.push(el.dataset.id ?? '');
      }
      return ids;
    },
    [canvas, clickable] as const,
  );
}

/** A node (not a site) fully on screen, nearest the canvas middle; its id and centre. */
export async function nodeToDrag(
  page: Page,
  siteIds: readonly string[],
): Promise<{ id: string; x: number; y: number }> {
  const box = await canvasBox(page);
  const found = await page.evaluate(
    ([b, sites]) => {
      const skip = new Set(sites);
      let best: { id: string; x: number; y: number } | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const id = el.dataset.id ?? '';
        if (skip.has(id)) continue;
        const r = el.getBoundingClientRect();
        if (r.left < b.x || r.top < b.y || r.right > b.x + b.width || r.bottom > b.y + b.height) continue;
        const c = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        if (document.elementFromPoint(c.x, c.y)?.closest('.react-flow__node') !== el) continue;
        const d = Math.hypot(c.x - (b.x + b.width / 2), c.y - (b.y + b.height / 2));
        if (d < bestDistance) {
          bestDistance = d;
          best = { id, ...c };
        }
      }
      return best;
    },
    [box, siteIds] as const,
  );
  if (!found) throw new Error('No node is fully on screen to drag.');
  return found;
}

/** The point of empty canvas (the pane itself) nearest the canvas middle. */
export async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page);
  const found = await page.evaluate((b) => {
    let best: { x: number; y: number } | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let y = b.y + 20; y < b.y + b.height - 20; y += 12) {
      for (let x = b.x + 20; x < b.x + b.width - 20; x += 12) {
        if (!document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) continue;
        const d = Math.hypot(x - (b.x + b.width / 2), y - (b.y + b.height / 2));
        if (d < bestDistance) {
          bestDistance = d;
          best = { x, y };
        }
      }
    }
    return best;
  }, box);
  if (!found) throw new Error('No empty canvas to pan from.');
  return found;
}

/** Frames per second the page draws while a gesture moves the mouse (see `wiggle`). */
export async function gestureFps(page: Page, at: { x: number; y: number }, reach: number): Promise<number> {
  const frames = await wiggle(page, at, reach, GESTURE_MS, {
    start: () => page.evaluate(() => window.__bench.startFrames()),
    stop: () => page.evaluate(() => window.__bench.stopFrames?.()),
  });
  await settle(page);
  return frames?.fps ?? 0;
}

/** Lets the page finish what a gesture or an edit started. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)));
      }),
  );
}

/**
 * Types `text` into a text box as a person would (a key every 120 ms) and
 * times the last key to `text` showing inside `within`. `around` wraps the
 * last key, for a profile of just the edit.
 */
export async function editLatency(
  page: Page,
  field: Locator,
  text: string,
  within: string,
  around?: (lastKey: () => Promise<void>) => Promise<void>,
): Promise<{ dom: number; frame: number }> {
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text.slice(0, -1), { delay: 120 });
  await page.waitForTimeout(120);
  await page.evaluate(([t, w]) => window.__bench.armEdit(t, w), [text, within] as const);
  const lastKey = async () => {
    await page.keyboard.press(text.slice(-1));
    await page.waitForFunction(() => window.__bench.edit?.frame != null, null, { timeout: 30_000 });
  };
  await (around ? around(lastKey) : lastKey());
  const edit = await page.evaluate(() => window.__bench.edit);
  await settle(page);
  return { dom: (edit?.dom ?? 0) - (edit?.input ?? 0), frame: (edit?.frame ?? 0) - (edit?.input ?? 0) };
}

declare global {
  interface Window {
    __bench: {
      armFirstRender(): void;
      firstRender?: { start: number | null; lastChange: number | null };
      firstRenderSettled(): boolean;
      finishFirstRender(): number | null;
      firstRenderTimeline(): { at: number; gap: number; nodes: number; edges: number; hidden: number }[];
      startFrames(): void;
      stopFrames?: () => { frames: number; fps: number; p95Gap: number; maxGap: number };
      armEdit(text: string, within: string): void;
      edit?: { input: number | null; dom: number | null; frame: number | null };
    };
  }
}
