import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, type StoragePlannerPage, test } from './planStorage';

/**
 * Hostile input from every door: names that try to drive the page, the image
 * exports and bidirectional text; tampered storage; two tabs on one plan;
 * mangled share links; and the Content-Security-Policy of the built app.
 */

const RLO_NAME = '\u202Eevil.exe \u05E9\u05E8\u05EA';
const ZALGO = `Z${'\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(6)}algo`;
/** Names the plan format allows that are hard on text layout, XML and the image export. */
const HOSTILE_NAMES = [
  RLO_NAME,
  ZALGO,
  'non\uFFFEchar\uFFFF',
  '<b>&amp;]]></b>',
  '\u{1F525}\u{1F9EF} \u{1D11E}',
  'x'.repeat(120),
  '\u200F\u202B\u2067nested',
];

function hostilePlan(names: readonly string[]) {
  return {
    format: 'exchange-port-plan',
    version: 2,
    name: RLO_NAME,
    sites: [{ id: 's1', name: names[1], position: { x: 360, y: 0 }, size: { width: 340, height: 240 } }],
    nodes: [
      {
        id: 'c1',
        type: 'client',
        name: names[0],
        protocol: 'pop3',
        server: 'ex1',
        position: { x: 0, y: 80 },
      },
      { id: 'fw1', type: 'firewall', name: names[2], position: { x: 190, y: 80 } },
      { id: 'ex1', type: 'server', name: names[3], site: 's1', exchange: '5.5', position: { x: 420, y: 80 } },
      { id: 'n1', type: 'network', name: names[4], position: { x: 190, y: 260 } },
      { id: 'h1', type: 'smtpHost', name: names[5], position: { x: 0, y: 260 } },
      { id: 'd1', type: 'dns', name: names[6], position: { x: 0, y: 400 } },
    ],
    links: [
      { id: 'l1', a: 'c1', b: 'fw1' },
      { id: 'l2', a: 'fw1', b: 'ex1' },
      { id: 'l3', a: 'fw1', b: 'n1' },
    ],
  };
}

/** Records every Content-Security-Policy violation of the page, on every load, from its very first script on. */
async function recordViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return seen;
}

async function importPlan(planner: StoragePlannerPage, path: string, document: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(document, null, 2));
  await planner.importFile(path);
}

test('hostile names pass through the canvas, both image exports and the Imported notice', async ({
  planner,
}, testInfo) => {
  await planner.start();
  await importPlan(planner, testInfo.outputPath('hostile.plan.json'), hostilePlan(HOSTILE_NAMES));
  await expect(planner.planName).toHaveValue(RLO_NAME);

  // The notice isolates the name: the override ends at the name, the rest of the sentence reads as written.
  const notice = planner.status.filter({ hasText: 'Imported' });
  await expect(notice.locator('bdi').first()).toHaveText(RLO_NAME);
  await expect(notice).toContainText('. Undo brings back the previous plan.');

  for (const name of [HOSTILE_NAMES[0], HOSTILE_NAMES[2], HOSTILE_NAMES[3]] as string[])
    await expect(planner.node(name)).toBeVisible();

  // Stacked combining marks stay inside the site's label box.
  const label = planner.canvas.locator('bdi', { hasText: 'algo' }).first();
  const clip = await label.evaluate((el) => getComputedStyle(el.parentElement as Element).overflow);
  expect(clip).toContain('hidden');

  const png = await planner.exportFile('Export PNG');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(5_000);

  const svg = (await planner.exportFile('Export SVG')).bytes.toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  // The SVG is well-formed XML that a browser can draw, with every name in it as text.
  const parsed = await planner.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.getElementsByTagName('parsererror').length, text: doc.documentElement.textContent };
  }, svg);
  expect(parsed.error).toBe(0);
  for (const name of [HOSTILE_NAMES[0], HOSTILE_NAMES[3], HOSTILE_NAMES[4]] as string[])
    expect(parsed.text).toContain(name);
  await expect(planner.alert).toHaveText('');
  await planner.screenshot('hostile-names');
});

test('finding messages isolate every name: a right-to-left override ends with its name', async ({
  planner,
}, testInfo) => {
  await planner.start();
  await importPlan(planner, testInfo.outputPath('hostile.plan.json'), hostilePlan(HOSTILE_NAMES));
  const finding = planner.finding('ADDRESS_MISSING', RLO_NAME);
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText(`${RLO_NAME} has no address, but its flows cross ${HOSTILE_NAMES[2]}`);
  // Each name stands in its own <bdi>; no override or embedding is left in the words around them.
  await expect(finding.locator('bdi')).toHaveText([RLO_NAME, HOSTILE_NAMES[2] as string, RLO_NAME]);
  const around = await finding.evaluate((item) => {
    const copy = item.cloneNode(true) as Element;
    for (const bdi of copy.querySelectorAll('bdi')) bdi.remove();
    return copy.textContent ?? '';
  });
  expect(around).toContain(' has no address, but its flows cross : the firewall rules cannot name it.');
  expect(around).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200F]/);
  await finding.scrollIntoViewIfNeeded();
  await planner.screenshot('finding-names-isolated');
});

test('a plan file with control characters, lone surrogates or far coordinates is refused, naming the path', async ({
  planner,
}, testInfo) => {
  await planner.start();
  const base = hostilePlan(['c', 's', 'f', 'e', 'n', 'h', 'd']);
  const cases: [string, (doc: ReturnType<typeof hostilePlan>) => void, RegExp][] = [
    ['esc', (d) => Object.assign(d.nodes[0] ?? {}, { name: 'EX\u001b[31m' }), /nodes\[0\]\.name/],
    ['nul', (d) => Object.assign(d.nodes[1] ?? {}, { name: 'a\u0000b' }), /nodes\[1\]\.name/],
    ['vt', (d) => Object.assign(d.sites[0] ?? {}, { name: 'a\u000bb' }), /sites\[0\]\.name/],
    ['surrogate', (d) => Object.assign(d.nodes[2] ?? {}, { name: 'a\ud800b' }), /nodes\[2\]\.name/],
    [
      'far',
      (d) => Object.assign(d.nodes[3] ?? {}, { position: { x: 1e308, y: -1e308 } }),
      /nodes\[3\]\.position/,
    ],
  ];
  for (const [label, spoil, path] of cases) {
    const document = structuredClone(base);
    spoil(document);
    await importPlan(planner, testInfo.outputPath(`${label}.plan.json`), document);
    await expect(planner.alert).toContainText('cannot be imported');
    await expect(planner.alert).toContainText(path);
    await expect(planner.planName).toHaveValue('Contoso Benelux');
  }
});

test('the name boxes leave out a pasted control character and say so', async ({ planner }) => {
  await planner.start();
  await planner.planName.fill('Bene\u001b[2Jlux');
  await expect(planner.planName).toHaveValue('Bene[2Jlux');
  await expect(
    planner.page.getByText('A name holds no control characters: U+001B was left out.'),
  ).toBeVisible();

  await planner.selectNode('EXAMS01');
  const name = planner.inspector.getByLabel('Name', { exact: true });
  await name.fill('EX\u0007AMS\u000001');
  await expect(name).toHaveValue('EXAMS01');
  await expect(planner.inspector.getByText(/U\+0007 was left out/)).toBeVisible();
});

test('a tampered stored view (zoom 1e-300) still shows the plan, and Fit View recovers', async ({
  planner,
}) => {
  await planner.start();
  await planner.page.waitForFunction(() => localStorage.getItem('epp:v1:current') !== null);
  await planner.page.evaluate(() => {
    const id = localStorage.getItem('epp:v1:current');
    localStorage.setItem(`epp:v1:view:${id}`, JSON.stringify({ x: 0, y: 0, zoom: 1e-300 }));
  });
  await planner.reopen();
  const transform = await planner.viewportTransform();
  const zoom = Number(/scale\(([^)]+)\)/.exec(transform)?.[1]);
  expect(zoom).toBeGreaterThanOrEqual(0.05);
  // The plan opens at its usual first view (the left of the example); Fit View then shows all of it.
  await expect(planner.node('FW-EDGE')).toBeInViewport();
  await planner.page.getByRole('button', { name: /fit view/i }).click();
  await expect(planner.node('EXAMS01')).toBeInViewport();
});

test('percent-encoded share links open; a mangled one is refused with a message', async ({ planner }) => {
  await planner.start();
  const link = await planner.copyShareLink();
  const fragment = link.slice(link.indexOf('#') + 1);
  const base = link.slice(0, link.indexOf('#'));

  await planner.page.goto(`${base}#${encodeURIComponent(fragment)}`);
  await expect(planner.status).toContainText('Opened a shared plan');
  await expect(planner.planName).toHaveValue('Contoso Benelux (shared)');

  await planner.page.goto(`${base}#%20${fragment.replace('=', '%3D')}`);
  await expect(planner.status).toContainText('Opened a shared plan');

  await planner.page.goto(`${base}#plan%3D2.%ZZ`);
  await expect(planner.alert).toContainText('share link');
});

test('two tabs on one plan: a rename in one and a firewall in the other are both kept', async ({
  planner,
  context,
}) => {
  await planner.start();
  await planner.page.waitForFunction(() => localStorage.getItem('epp:v1:current') !== null);
  const tabB = (await import('./planStorage')).StoragePlannerPage;
  const b = new tabB(await context.newPage());
  await b.reopen();
  const firewallsBefore = await b.canvas.getByRole('group', { name: /^Firewall / }).count();

  // Tab A renames the plan; tab B adds a firewall, then hears of A's save. The banner may arrive
  // before or in the middle of the drag: it floats over the top of the canvas, so nothing under the
  // pointer moves; the drop is below the place it takes.
  const paletteBefore = await b.paletteButton('Firewall').boundingBox();
  const canvasBefore = await b.canvas.boundingBox();
  await planner.planName.fill('Renamed in tab A');
  await b.dragFromPalette('Firewall', { x: 300, y: 120 });
  const banner = b.page.getByRole('alert', { name: 'Plan changed in another tab' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Renamed in tab A');
  expect(await b.paletteButton('Firewall').boundingBox()).toEqual(paletteBefore);
  expect(await b.canvas.boundingBox()).toEqual(canvasBefore);

  // B's autosave does not write over A's version while the choice is open.
  await b.page.waitForTimeout(1200);
  const stored = await b.page.evaluate(() => {
    const id = localStorage.getItem('epp:v1:current');
    return JSON.parse(localStorage.getItem(`epp:v1:plan:${id}`) ?? '{}') as { name: string };
  });
  expect(stored.name).toBe('Renamed in tab A');

  await banner.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(banner).toBeHidden();
  await expect(b.planName).toHaveValue('Contoso Benelux (this tab)');
  await expect(b.canvas.getByRole('group', { name: /^Firewall / })).toHaveCount(firewallsBefore + 1);
  // Both versions are in the list, in both tabs.
  await expect
    .poll(() => b.planNames())
    .toEqual(expect.arrayContaining(['Renamed in tab A', 'Contoso Benelux (this tab)']));
  await expect
    .poll(() => planner.planNames())
    .toEqual(expect.arrayContaining(['Renamed in tab A', 'Contoso Benelux (this tab)']));
  await b.page.close();
});

test('two tabs racing: whichever saves last, the other is told and can open that version', async ({
  planner,
  context,
}) => {
  await planner.start();
  await planner.page.waitForFunction(() => localStorage.getItem('epp:v1:current') !== null);
  const { StoragePlannerPage } = await import('./planStorage');
  const b = new StoragePlannerPage(await context.newPage());
  await b.reopen();
  // Both act at once, before either can hear of the other.
  await Promise.all([planner.planName.fill('Race A'), b.planName.fill('Race B')]);
  await planner.page.waitForTimeout(1500);
  const storedName = await planner.page.evaluate(() => {
    const id = localStorage.getItem('epp:v1:current');
    return (JSON.parse(localStorage.getItem(`epp:v1:plan:${id}`) ?? '{}') as { name: string }).name;
  });
  // The tab whose version is not the stored one was told; nothing was replaced silently.
  const loser = storedName === 'Race A' ? b : planner;
  const banner = loser.page.getByRole('alert', { name: 'Plan changed in another tab' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: "Open the other tab's version" }).click();
  await expect(loser.planName).toHaveValue(storedName);
  await b.page.close();
});

test('no Content-Security-Policy violation on the main paths', async ({ planner }, testInfo) => {
  const violations = await recordViolations(planner.page);
  await planner.start();
  const policy = await planner.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');

  await planner.selectNode('EXAMS01');
  await planner.inspector.getByLabel('MTA port').fill('6010');
  await planner.dragFromPalette('Firewall', { x: 140, y: 460 });
  await planner.exportFile('Export PNG');
  await planner.exportFile('Export SVG');
  await planner.download('Download port matrix CSV');
  const link = await planner.copyShareLink();
  await planner.page.goto(link.replace('#', '?again#'));
  await expect(planner.status).toContainText('Opened a shared plan');
  await importPlan(planner, testInfo.outputPath('hostile.plan.json'), hostilePlan(HOSTILE_NAMES));
  await expect(planner.planName).toHaveValue(RLO_NAME);
  await planner.exportFile('Export SVG');
  await planner.page.waitForTimeout(300);
  expect(violations).toEqual([]);

  // The page fetches nothing but its own files: a data: URL is refused (the exports never needed one).
  const fetched = await planner.page.evaluate(() =>
    fetch('data:text/plain,injected').then(
      () => 'fetched',
      () => 'refused',
    ),
  );
  expect(fetched).toBe('refused');
  await expect.poll(() => violations).toEqual([expect.stringMatching(/^connect-src data/)]);
});
