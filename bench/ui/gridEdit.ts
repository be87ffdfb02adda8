/**
 * The grid plans (src/test/gridPlan.ts) in the browser: time to open each,
 * and for a step (renaming the plan, choosing a firewall, renaming it) the longest task on
 * the page's main thread and the time until the answer is shown. Run against
 * a built planner: `npx tsx bench/ui/gridEdit.ts URL [--profile] [--trace] [--raw] [--sizes 20,49]`
 * (`--profile` and `--trace` want an unminified build: `npx vite build --minify false`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../playwright.config';
import { gridPlan } from '../../src/test/gridPlan';
import { startCpuProfile, traceTasks } from './profile';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const PROFILE = process.argv.includes('--profile');
const TRACE = process.argv.includes('--trace');
/** --raw: write the CPU profile (with --profile) or the trace (with --trace) whole, under bench/out/, for DevTools. */
const RAW = process.argv.includes('--raw');
const OUT = fileURLToPath(new URL('../out/', import.meta.url));
const sizesAt = process.argv.indexOf('--sizes');
const SIZES = (sizesAt >= 0 ? (process.argv[sizesAt + 1] ?? '') : '20,49').split(',').map(Number);
const GRIDS: Record<number, number> = { 20: 500, 49: 2500 };

/** Collects the page's long tasks (over 50 ms) from its first script on. */
function watchLongTasks(): void {
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    const taken = w.longTasks;
    w.longTasks = [];
    return taken;
  });
}

/** Waits until the planner shows an answer for the current plan (nothing is being analysed). */
async function settled(page: Page): Promise<void> {
  // Only the results panel's status line: reading the whole page's text would itself be a long task.
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('p[aria-live="polite"]')].some((p) => p.textContent === 'Analysing…'),
    null,
    { timeout: 120_000, polling: 100 },
  );
}

function summary(tasks: number[]): string {
  const max = Math.max(0, ...tasks);
  const sum = tasks.reduce((a, b) => a + b, 0);
  return `longest task ${Math.round(max)} ms, ${tasks.length} long tasks, ${Math.round(sum)} ms in them`;
}

async function edit(page: Page, title: string, act: () => Promise<void>): Promise<void> {
  await takeLongTasks(page);
  const stop = PROFILE && !RAW ? await startCpuProfile(page, title) : null;
  const cdp = RAW && PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const started = Date.now();
  let answered = 0;
  const run = async () => {
    await act();
    // The analysis runs in the worker; wait for it to start and end.
    await page.waitForTimeout(100);
    await settled(page);
    answered = Date.now() - started;
    await page.waitForTimeout(1000);
  };
  if (TRACE) {
    const browser = page.context().browser();
    if (RAW && browser) {
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
      });
      await run();
      await writeFile(`${OUT}grid-${title.replaceAll(' ', '-')}.trace.json`, await browser.stopTracing());
    } else console.log((await traceTasks(page, title, run)).join('\n'));
  } else await run();
  console.log(`  ${title}: answer shown after ${answered} ms; ${summary(await takeLongTasks(page))}`);
  if (stop) console.log((await stop()).join('\n'));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(`${OUT}grid-${title.replaceAll(' ', '-')}.cpuprofile`, JSON.stringify(profile));
  }
}

if (RAW) await mkdir(OUT, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
for (const n of SIZES) {
  const file = join(tmpdir(), `grid-${n}.json`);
  await writeFile(file, JSON.stringify(gridPlan(n, GRIDS[n] ?? n * n)));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(watchLongTasks);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Import plan').waitFor({ state: 'attached' });
  await takeLongTasks(page);
  console.log(`grid ${n}×${n}:`);
  const stopOpen = PROFILE && !RAW ? await startCpuProfile(page, 'open') : null;
  const opened = Date.now();
  await page.getByLabel('Import plan').setInputFiles(file);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(100);
  await settled(page);
  console.log(`  open: answer shown after ${Date.now() - opened} ms; ${summary(await takeLongTasks(page))}`);
  if (stopOpen) console.log((await stopOpen()).join('\n'));
  await page.waitForTimeout(1000);
  await takeLongTasks(page);

  const planName = await page.getByRole('banner').getByLabel('Plan name').elementHandle();
  await edit(page, 'rename the plan', async () => {
    await planName?.fill(`Grid ${n} renamed`);
  });
  const firewall = page.locator('.react-flow__node-firewall').first();
  // Choosing a firewall opens its rules in the inspector.
  await edit(page, 'select a firewall', async () => {
    // Before the inspector wrote the chosen firewall's rules alone, this held the page for half a minute.
    await firewall.click({ timeout: 120_000 });
  });
  // Found before the step: finding a field by role and label walks the whole page, the step would count it.
  const nameField = await page
    .getByRole('region', { name: 'Inspector' })
    .getByLabel('Name', { exact: true })
    .elementHandle();
  await edit(page, 'rename a firewall', async () => {
    await nameField?.fill('FW renamed');
  });
  await context.close();
}
await browser.close();
