import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { generatePlan } from '../src/test/generatePlan';
import { PlannerPage } from './fixtures';

/**
 * A newcomer's first view on a laptop and a small screen (issue 11, points 1
 * and 2): the combined example opens with legible node text and says where
 * the rest of it is; Fit View says when it has made text unreadable; palette
 * buttons never put an item on top of what is drawn.
 */

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** The smallest text people can read on the canvas, in CSS pixels. */
const LEGIBLE_PX = 11;

type Side = 'left' | 'right' | 'up' | 'down';

interface CanvasFacts {
  /** The rendered size, in CSS pixels, of the smallest text of every node and site label. */
  smallestLabelPx: number;
  labelCount: number;
  /** Plan nodes not wholly inside the canvas, by the side they overshoot most. */
  hidden: Record<Side, string[]>;
  /** What each side's cue says ("12 more items to the right …: show them"), when it is shown. */
  cues: Partial<Record<Side, string>>;
  /** The smallest rendered link handle of a node in view, in CSS pixels. */
  smallestHandlePx: number;
}

/** Measures what the canvas draws, as a person sees it: rendered sizes and positions. */
function canvasFacts(page: Page): Promise<CanvasFacts> {
  return page.evaluate(() => {
    const flow = document.querySelector<HTMLElement>('[aria-label="Plan canvas"] .react-flow');
    if (!flow) throw new Error('no canvas');
    const view = flow.getBoundingClientRect();
    let smallest = Number.POSITIVE_INFINITY;
    let count = 0;
    const hidden: Record<string, string[]> = { left: [], right: [], up: [], down: [] };
    let smallestHandle = Number.POSITIVE_INFINITY;
    for (const node of document.querySelectorAll<HTMLElement>(
      '[aria-label="Plan canvas"] .react-flow__node',
    )) {
      const box = node.getBoundingClientRect();
      const scale = box.width / node.offsetWidth;
      // Every element that holds text of its own: the name, the detail and note lines, a site's title.
      for (const element of node.querySelectorAll<HTMLElement>('*')) {
        // Markers (finding counts, note pins) are badges, not labels.
        if (element.closest('[role="img"], .epp-note-pin')) continue;
        const ownText = [...element.childNodes].some(
          (child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '',
        );
        if (!ownText) continue;
        const px = Number.parseFloat(getComputedStyle(element).fontSize) * scale;
        smallest = Math.min(smallest, px);
        count++;
      }
      if (node.classList.contains('react-flow__node-site')) continue;
      const over = {
        left: view.left - box.left,
        right: box.right - view.right,
        up: view.top - box.top,
        down: box.bottom - view.bottom,
      };
      const worst = (Object.entries(over) as [string, number][]).sort((a, b) => b[1] - a[1])[0];
      if (worst && worst[1] > 0.5)
        hidden[worst[0]]?.push(node.getAttribute('aria-label') ?? node.dataset.id ?? '');
      else {
        for (const handle of node.querySelectorAll('.react-flow__handle')) {
          const h = handle.getBoundingClientRect();
          smallestHandle = Math.min(smallestHandle, h.width, h.height);
        }
      }
    }
    const cues: Record<string, string> = {};
    for (const cue of document.querySelectorAll<HTMLElement>('[aria-label="Plan canvas"] [data-cue]')) {
      if (cue.dataset.cue && cue.dataset.cue !== 'zoom')
        cues[cue.dataset.cue] = cue.getAttribute('aria-label') ?? '';
    }
    return {
      smallestLabelPx: smallest,
      labelCount: count,
      hidden: hidden as CanvasFacts['hidden'],
      cues,
      smallestHandlePx: smallestHandle,
    };
  });
}

/** Every plan node out of view has a cue on its side whose count includes it; no cue points at nothing. */
function expectCuesForHidden(facts: CanvasFacts): void {
  for (const side of ['left', 'right', 'up', 'down'] as const) {
    const out = facts.hidden[side];
    if (out.length === 0) {
      expect(facts.cues[side], `no cue ${side} when nothing is there`).toBeUndefined();
      continue;
    }
    const cue = facts.cues[side] ?? '';
    expect(cue, `a cue for the ${out.length} item(s) ${side}`).toMatch(
      new RegExp(`^${out.length} more items? (?:to the left|to the right|above|below)`),
    );
  }
}

/** Waits until the view stops moving (an animated pan or zoom has ended). */
async function settled(page: Page): Promise<void> {
  const transform = () =>
    page
      .locator('[aria-label="Plan canvas"] .react-flow__viewport')
      .evaluate((e) => getComputedStyle(e).transform);
  let last = '';
  await expect
    .poll(async () => {
      const now = await transform();
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

for (const screen of SCREENS) {
  test.describe(`at ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: screen });

    test('the opening view of the combined example has legible labels and says where the rest of the plan is', async ({
      page,
    }) => {
      const planner = new PlannerPage(page);
      await planner.start();
      await settled(page);
      const facts = await canvasFacts(page);
      console.log(
        `opening view ${screen.width}×${screen.height}: smallest label ${facts.smallestLabelPx.toFixed(2)} px over ${facts.labelCount} labels; out of view: ${JSON.stringify(facts.hidden)}`,
      );
      expect(facts.labelCount).toBeGreaterThan(20);
      expect(facts.smallestLabelPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
      // Link handles keep their drawn size (9 px), large enough to grab.
      expect(facts.smallestHandlePx).toBeGreaterThanOrEqual(9);
      // The example is wider than any laptop's canvas at a legible zoom: the rest is announced.
      expect(facts.hidden.right.length).toBeGreaterThan(0);
      expectCuesForHidden(facts);
      await expect(
        page.getByRole('button', { name: /more items to the right \(in .*Utrecht.*Brussels.*\): show them/ }),
      ).toBeVisible();
      await planner.screenshot(`first-view-${screen.width}`);

      // The cue on the right walks the view to the far end of the plan, at the same legible zoom,
      // a column of nodes at a time (the example has 12).
      for (let step = 0; step < 12 && facts.cues.right; step++) {
        const before = facts.hidden.right;
        await page.locator('[aria-label="Plan canvas"] [data-cue="right"]').click();
        await settled(page);
        Object.assign(facts, await canvasFacts(page));
        expect(facts.smallestLabelPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
        expectCuesForHidden(facts);
        // Each press shows at least one of the nodes that lay to the right wholly …
        const stillOut = Object.values(facts.hidden).flat();
        expect(before.filter((name) => !stillOut.includes(name)).length, `press ${step + 1}`).toBeGreaterThan(
          0,
        );
        // … and carries none of them past the left edge.
        expect(
          facts.hidden.left.filter((name) => before.includes(name)),
          `press ${step + 1}`,
        ).toEqual([]);
      }
      expect(facts.cues.right).toBeUndefined();
      expect(facts.hidden.right).toEqual([]);
      await expect(planner.node('EXUTR01')).toBeInViewport();
      await planner.screenshot(`first-view-${screen.width}-far-end`);
    });

    test('Fit View that shrinks text below legible says so, and one press makes it legible again', async ({
      page,
    }) => {
      const planner = new PlannerPage(page);
      await planner.start();
      await page.getByRole('button', { name: 'Fit View' }).click();
      await settled(page);
      let facts = await canvasFacts(page);
      console.log(
        `after Fit View ${screen.width}×${screen.height}: smallest label ${facts.smallestLabelPx.toFixed(2)} px`,
      );
      // The whole plan is in view …
      expect(Object.values(facts.hidden).flat()).toEqual([]);
      // … too small to read, and the canvas says so: below 40 % it draws an overview without names.
      expect(facts.smallestLabelPx).toBeLessThan(LEGIBLE_PX);
      const cue = planner.canvas.locator('[data-cue="zoom"]');
      await expect(cue).toBeVisible();
      const zoom = await page
        .locator('.react-flow__viewport')
        .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
      await expect(cue).toContainText(
        zoom < 0.4
          ? `Overview at ${Math.round(zoom * 100)} %: boxes by kind, borders by findings; names, ports and link dots from 40 %.`
          : `Zoomed out to ${Math.round(zoom * 100)} %: names too small to read.`,
      );
      await planner.screenshot(`fit-view-${screen.width}`);
      await cue.getByRole('button', { name: 'Zoom to read' }).click();
      await settled(page);
      facts = await canvasFacts(page);
      expect(facts.smallestLabelPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
      await expect(cue).toBeHidden();
      expectCuesForHidden(facts);
    });

    test('palette buttons put each item on a free spot: Site twice, Firewall, Network never cover what is drawn', async ({
      page,
    }) => {
      const planner = new PlannerPage(page);
      await planner.start();
      await settled(page);
      const added: string[] = [];
      for (const item of ['Site', 'Site', 'Firewall', 'Network'] as const) {
        const before = await planner.canvasNodes().count();
        await planner.paletteButton(item).click();
        await expect(planner.canvasNodes()).toHaveCount(before + 1);
        await settled(page);
        const { mine, others, view } = await page.evaluate(() => {
          const root = document.querySelector('[aria-label="Plan canvas"]');
          if (!root) throw new Error('no canvas');
          const rect = (e: Element) => {
            const r = e.getBoundingClientRect();
            return {
              x: r.x,
              y: r.y,
              width: r.width,
              height: r.height,
              what: e.getAttribute('aria-label') ?? e.textContent ?? '',
            };
          };
          const selected = root.querySelector('.react-flow__node.selected');
          if (!selected) throw new Error('the added item is not selected');
          const isSite = selected.classList.contains('react-flow__node-site');
          const nodes = [...root.querySelectorAll('.react-flow__node')].filter((n) => n !== selected);
          const others = [
            // A node never goes on another node; a site never on a site or a node.
            ...nodes.filter((n) => isSite || !n.classList.contains('react-flow__node-site')).map(rect),
            // Nor on a site's title, an edge label or a port badge.
            ...[...root.querySelectorAll('[data-site-title]')].filter((t) => !selected.contains(t)).map(rect),
            ...[...root.querySelectorAll('.react-flow__edgelabel-renderer > *')].map(rect),
          ];
          const flow = root.querySelector('.react-flow');
          if (!flow) throw new Error('no canvas');
          return { mine: rect(selected), others, view: rect(flow) };
        });
        added.push(mine.what);
        for (const other of others) {
          const overlap =
            mine.x < other.x + other.width &&
            other.x < mine.x + mine.width &&
            mine.y < other.y + other.height &&
            other.y < mine.y + mine.height;
          expect(overlap, `${mine.what} covers ${other.what}`).toBe(false);
        }
        // The item is in view: placed there, or brought there.
        expect(mine.x).toBeGreaterThanOrEqual(view.x - 0.5);
        expect(mine.y).toBeGreaterThanOrEqual(view.y - 0.5);
        expect(mine.x + mine.width).toBeLessThanOrEqual(view.x + view.width + 0.5);
        expect(mine.y + mine.height).toBeLessThanOrEqual(view.y + view.height + 0.5);
      }
      expect(added).toEqual([
        expect.stringMatching(/^Site SITE01/),
        expect.stringMatching(/^Site SITE02/),
        expect.stringMatching(/^Firewall FW01/),
        expect.stringMatching(/^Network NET01/),
      ]);
      await planner.screenshot(`palette-placement-${screen.width}`);
    });
  });
}

/** Horizontal overflow, in CSS pixels, of the page, the toolbar, every finding card and the port matrix. */
function overflows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const over = (e: Element | null) => (e ? e.scrollWidth - e.clientWidth : 0);
    const result: Record<string, number> = {
      page: over(document.documentElement),
      body: over(document.body),
      toolbar: over(document.querySelector('header')),
    };
    for (const [i, card] of [...document.querySelectorAll('[aria-label="Findings"] li > button')].entries())
      result[`finding ${i + 1}`] = over(card);
    const matrix = document.querySelector('[aria-label="Port matrix"]');
    if (matrix) {
      result.matrix = over(matrix.parentElement);
      result['matrix table'] = Math.max(
        0,
        matrix.getBoundingClientRect().width - (matrix.parentElement?.clientWidth ?? 0),
      );
    }
    return result;
  });
}

/** The plan-name field is never squeezed below this, in CSS pixels (a typical name, "Contoso Benelux", needs about 110). */
const MIN_NAME_FIELD_PX = 120;

/**
 * The toolbar's plan-name field as drawn: its value, the width of it not cut
 * off by the toolbar, the room inside it for text, and how wide its text is.
 */
function planNameField(
  page: Page,
): Promise<{ value: string; visibleWidth: number; innerWidth: number; textWidth: number }> {
  return page
    .getByRole('banner')
    .getByLabel('Plan name')
    .evaluate((input: HTMLInputElement) => {
      const box = input.getBoundingClientRect();
      let left = box.left;
      let right = box.right;
      // Every box around it that clips what overflows it cuts what can be seen.
      for (let e = input.parentElement; e; e = e.parentElement) {
        if (getComputedStyle(e).overflowX === 'visible') continue;
        const clip = e.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no canvas context to measure text');
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const padding = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
      return {
        value: input.value,
        visibleWidth: Math.max(0, Math.min(right, window.innerWidth) - Math.max(left, 0)),
        innerWidth: input.clientWidth - padding,
        textWidth: context.measureText(input.value).width,
      };
    });
}

for (const screen of [...SCREENS, { width: 2560, height: 1440 }]) {
  test(`at ${screen.width}×${screen.height} nothing overflows sideways: page, toolbar, finding cards, port matrix`, async ({
    page,
  }) => {
    await page.setViewportSize(screen);
    const planner = new PlannerPage(page);
    await planner.start();
    // The toolbar stays one row.
    const toolbar = await page.locator('header').boundingBox();
    expect(toolbar?.height).toBeLessThanOrEqual(48);
    // … and its plan-name field keeps room to read the plan's name whole ("Contoso Benelux").
    const field = await planNameField(page);
    console.log(`plan name field at ${screen.width}×${screen.height}: ${JSON.stringify(field)}`);
    expect(field.value).toBe('Contoso Benelux');
    expect(field.visibleWidth).toBeGreaterThanOrEqual(MIN_NAME_FIELD_PX);
    expect(field.textWidth, 'the name fits in the field').toBeLessThanOrEqual(field.innerWidth);
    await page.locator('header').screenshot({
      path: fileURLToPath(new URL(`screenshots/toolbar-${screen.width}.png`, import.meta.url)),
    });
    const findings = await overflows(page);
    await planner.screenshot(`findings-${screen.width}`);
    await planner.openTab('Port matrix');
    await expect(planner.matrix.locator('tbody tr[data-row]').first()).toBeVisible();
    const matrix = await overflows(page);
    await planner.screenshot(`matrix-${screen.width}`);
    console.log(
      `overflow at ${screen.width}×${screen.height}: ${JSON.stringify({ ...findings, ...matrix })}`,
    );
    for (const [what, by] of Object.entries({ ...findings, ...matrix }))
      expect(by, what).toBeLessThanOrEqual(0);
    expect(Object.keys(findings).some((k) => k.startsWith('finding'))).toBe(true);
    expect(matrix.matrix).toBeDefined();

    // The note beside the field that a pasted control character was left out fits the same row.
    await page.getByRole('banner').getByLabel('Plan name').fill('Contoso\u0007 Benelux');
    await expect(page.getByRole('banner').getByRole('status')).toContainText('U+0007 was left out');
    expect((await page.locator('header').boundingBox())?.height).toBeLessThanOrEqual(48);
    expect((await overflows(page)).toolbar, 'toolbar with the note').toBeLessThanOrEqual(0);
    expect((await planNameField(page)).visibleWidth).toBeGreaterThanOrEqual(MIN_NAME_FIELD_PX);
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
    await page.locator('header').screenshot({
      path: fileURLToPath(new URL(`screenshots/toolbar-note-${screen.width}.png`, import.meta.url)),
    });
  });
}

test('the port matrix download follows the firewall filter: one firewall, its rows and its name', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.start();
  await planner.openTab('Port matrix');
  const download = async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download port matrix CSV' }).click(),
    ]);
    return { name: file.suggestedFilename(), text: (await readFile(await file.path())).toString('utf8') };
  };
  const all = await download();
  expect(all.name).toBe('contoso-benelux-port-matrix.csv');
  const allRows = all.text.trim().split(/\r?\n/).slice(1);
  expect(new Set(allRows.map((r) => r.split(',')[0])).size).toBeGreaterThan(1);

  await page.getByLabel('Firewall', { exact: true }).selectOption({ label: 'FW-EDGE' });
  const one = await download();
  expect(one.name).toBe('contoso-benelux-port-matrix-FW-EDGE.csv');
  const lines = one.text.trim().split(/\r?\n/);
  expect(lines[0]).toBe(all.text.split(/\r?\n/)[0]);
  const rows = lines.slice(1);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows).toEqual(allRows.filter((r) => r.startsWith('FW-EDGE,')));
  // As many rows as the filtered table shows.
  await expect(planner.matrix.locator('tbody tr[data-row]')).toHaveCount(rows.length);

  await page.getByLabel('Firewall', { exact: true }).selectOption({ label: 'All firewalls' });
  expect((await download()).text).toBe(all.text);
});

test('Fit View on a plan of 500 nodes, which draws only what is in view, shows every node at once', async ({
  page,
}, testInfo) => {
  const planner = new PlannerPage(page);
  await planner.start();
  const plan = generatePlan({ nodes: 500, seed: 1 });
  const file = testInfo.outputPath('generated-500.plan.json');
  await writeFile(file, JSON.stringify(plan));
  await planner.importFile(file);
  await expect(planner.canvas.locator('.react-flow__node[data-id="site1"]')).toBeVisible();
  await settled(page);
  // Opened at zoom 1 on its top-left end: most of the plan lies beyond the right and bottom edges.
  await expect(planner.canvas.locator('[data-cue="right"]')).toBeVisible();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settled(page);
  // Every site and node drawn and wholly inside the canvas, with nothing left for a cue to point at.
  const drawn = plan.sites.length + plan.nodes.length;
  await expect(planner.canvasNodes()).toHaveCount(drawn);
  const facts = await canvasFacts(page);
  expect(Object.values(facts.hidden).flat()).toEqual([]);
  for (const side of ['left', 'right', 'up', 'down']) {
    await expect(planner.canvas.locator(`[data-cue="${side}"]`)).toHaveCount(0);
  }
  await planner.screenshot('fit-view-500-nodes');

  // So far out (about 11 %) the canvas is an overview: boxes by kind, no names, and it says so.
  const cue = planner.canvas.locator('[data-cue="zoom"]');
  await expect(cue).toContainText(/^Overview at \d+ %: boxes by kind, borders by findings/);
  const server = plan.nodes.find((n) => n.type === 'server');
  if (!server) throw new Error('the generated plan has no server');
  const serverNode = planner.node(server.name);
  // Its name is on the node still (what a screen reader reads) but not drawn.
  await expect(serverNode).toBeVisible();
  await expect(serverNode.getByText(server.name, { exact: true })).toBeHidden();
  await expect(serverNode.locator('.epp-overview-fill')).toBeVisible();
  await expect(planner.canvas.locator('.react-flow__edgelabel-renderer')).toBeHidden();

  // One press back to legible text: names drawn, boxes gone.
  await cue.getByRole('button', { name: 'Zoom to read' }).click();
  await settled(page);
  await expect(cue).toBeHidden();
  const shown = planner.canvas.locator('.react-flow__node:not(.react-flow__node-site)').first();
  await expect(shown.locator('.epp-overview-fill')).toBeHidden();
  await expect(shown.locator('.epp-node bdi').first()).toBeVisible();
});
