import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { examples } from './examples';
import { expect, type StoragePlannerPage, test } from './planStorage';

const MARKUP = '<img src=x onerror=alert(1)>';
const MARKUP_FIREWALL = '<svg onload=alert(2)>FW';
const MARKUP_SERVER = 'EX"><img src=y onerror=alert(3)>';
const MARKUP_PLAN = '<script>alert(4)</script> plan';

/** A plan whose every name is markup: a POP3 client through a firewall to a server. */
const markupPlan = {
  format: 'exchange-port-plan',
  version: 2,
  name: MARKUP_PLAN,
  sites: [{ id: 's1', name: '<b>Site</b>', position: { x: 360, y: 0 }, size: { width: 320, height: 220 } }],
  nodes: [
    { id: 'c1', type: 'client', name: MARKUP, protocol: 'pop3', server: 'ex1', position: { x: 0, y: 80 } },
    { id: 'fw1', type: 'firewall', name: MARKUP_FIREWALL, position: { x: 190, y: 80 } },
    {
      id: 'ex1',
      type: 'server',
      name: MARKUP_SERVER,
      site: 's1',
      exchange: '5.5',
      position: { x: 420, y: 80 },
    },
  ],
  links: [
    { id: 'l1', a: 'c1', b: 'fw1' },
    { id: 'l2', a: 'fw1', b: 'ex1' },
  ],
};

/** Width and height of a PNG, from its header. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
    true,
  );
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Drops a file on the canvas as a file manager would. */
async function dropFile(planner: StoragePlannerPage, name: string, text: string): Promise<void> {
  const dataTransfer = await planner.page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      return transfer;
    },
    [name, text] as const,
  );
  const pane = planner.canvas.locator('.react-flow__pane');
  await pane.dispatchEvent('dragenter', { dataTransfer });
  await pane.dispatchEvent('dragover', { dataTransfer });
  await expect(planner.page.getByText('Drop the plan file to import it')).toBeVisible();
  await pane.dispatchEvent('drop', { dataTransfer });
  await expect(planner.page.getByText('Drop the plan file to import it')).toHaveCount(0);
}

test('the diagram exports as PNG and as SVG, with the port badges', async ({ planner }) => {
  await planner.start();
  // A selection is not part of the picture, and stays selected afterwards.
  await planner.selectNode('FW-INTERNAL');

  const png = await planner.exportFile('Export PNG');
  expect(png.name).toBe('contoso-benelux.png');
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThan(1500);
  expect(size.width / size.height).toBeGreaterThan(2);

  const svg = await planner.exportFile('Export SVG');
  expect(svg.name).toBe('contoso-benelux.svg');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg')).toBe(true);
  // Only the styles that matter to the drawing are written out (all of them would be 5 MB).
  expect(svg.bytes.length).toBeLessThan(2_000_000);
  // Every node, and the badges of the firewall edges: the dynamic range and the MTA's static port.
  for (const name of ['FW-EDGE', 'FW-WAN', 'EXAMS01', 'EXBRU01', 'Internet SMTP hosts'])
    expect(text).toContain(name);
  expect(text).toContain('>1024-65535<');
  expect(text).toContain('>6003<');
  expect(text).not.toContain('react-flow__handle');
  await expect(planner.inspector.getByRole('heading', { level: 3, name: 'FW-INTERNAL' })).toBeVisible();
});

test('names full of markup stay text on the canvas, in the inspector, the matrix and the exported SVG', async ({
  planner,
  page,
}, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const file = testInfo.outputPath('markup.plan.json');
  await writeFile(file, JSON.stringify(markupPlan, null, 2));

  await planner.start();
  await planner.importFile(file);
  await expect(planner.planName).toHaveValue(MARKUP_PLAN);
  await expect(planner.node(MARKUP)).toBeVisible();
  await expect(planner.node(MARKUP_FIREWALL)).toBeVisible();
  await expect(planner.node(MARKUP_SERVER)).toBeVisible();
  await expect(planner.canvas.getByText(MARKUP, { exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"], img[src="y"], svg[onload], script:text("alert")')).toHaveCount(0);

  await planner.selectNode(MARKUP_FIREWALL);
  const rows = await planner.matrixRows();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.flat().join('\n')).toContain(MARKUP);
  expect(rows.flat().join('\n')).toContain(MARKUP_SERVER);

  const svg = (await planner.exportFile('Export SVG')).bytes.toString('utf8');
  expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(svg).toContain('&lt;svg onload=alert(2)&gt;FW');
  expect(svg).not.toContain('<img src=x');
  expect(svg).not.toContain('<img src=y');
  expect(svg).not.toContain('<svg onload');
  expect(svg).not.toContain('<script');
  // The POP3 client's ports on its firewall edge: 110, and SMTP 25 for the mail it sends.
  expect(svg).toContain('>110<');
  expect(svg).toContain('>25<');

  expect(dialogs).toEqual([]);
  await planner.screenshot('markup-names');
});

test('Export plan downloads the plan file, which Import plan opens again as the same plan', async ({
  planner,
}, testInfo) => {
  await planner.start();
  await planner.selectNode('EXAMS01');
  await planner.inspector.getByLabel('MTA port').fill('6010');
  const matrix = await planner.matrixTable();

  const exported = await planner.exportFile('Export plan');
  expect(exported.name).toBe('contoso-benelux.plan.json');
  const document = JSON.parse(exported.bytes.toString('utf8'));
  expect(document).toMatchObject({ format: 'exchange-port-plan', version: 2, name: 'Contoso Benelux' });
  const server = document.nodes.find((n: { name: string }) => n.name === 'EXAMS01');
  expect(server.staticPorts.mta).toBe(6010);

  const file = testInfo.outputPath(exported.name);
  await writeFile(file, exported.bytes);
  await planner.openPlans();
  await planner.plansDialog.getByRole('button', { name: 'New plan' }).click();
  await expect(planner.canvasNodes()).toHaveCount(0);
  await planner.importFile(file);
  await expect(planner.planName).toHaveValue('Contoso Benelux');
  expect(await planner.matrixTable()).toEqual(matrix);
});

test('a plan file dropped on the canvas is imported; a refused one changes nothing', async ({ planner }) => {
  const pop3 = examples.find((e) => e.id === 'pop3');
  if (!pop3) throw new Error('No POP3 example');
  await planner.start();

  await dropFile(planner, 'pop3.json', await readFile(pop3.path, 'utf8'));
  await expect(planner.status).toContainText('from pop3.json');
  await expect(planner.planName).toHaveValue(pop3.planName);
  await planner.undoButton.click();
  await expect(planner.planName).toHaveValue('Contoso Benelux');

  const refused = fileURLToPath(new URL('plans/bad-port.plan.json', import.meta.url));
  await dropFile(planner, 'bad-port.plan.json', await readFile(refused, 'utf8'));
  await expect(planner.alert).toContainText('The file "bad-port.plan.json" cannot be imported');
  await expect(planner.planName).toHaveValue('Contoso Benelux');
  await expect(planner.node('EXAMS01')).toBeVisible();

  // The palette's own drag and drop still adds a node.
  const before = await planner.canvasNodes().count();
  await planner.dragFromPalette('Firewall', { x: 120, y: 420 });
  await expect(planner.canvasNodes()).toHaveCount(before + 1);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`the SVG is a drawing of shapes and text that a browser opens, and the PNG carries the same title block and legend, at ${size.width}×${size.height}`, async ({
    planner,
    page,
    browser,
  }, testInfo) => {
    // Two exports and a second page on a busy machine.
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await planner.start();
    const svg = (await planner.exportFile('Export SVG')).bytes.toString('utf8');
    expect(svg).not.toContain('foreignObject');

    // Opened on its own, as a file, in a fresh browser tab.
    const file = testInfo.outputPath('contoso-benelux.svg');
    await writeFile(file, svg);
    // The drawing's own size, so the screenshot shows all of it.
    const [svgWidth, svgHeight] = (/width="(\d+)" height="(\d+)"/.exec(svg) ?? []).slice(1).map(Number);
    const viewer = await browser.newPage({
      viewport: {
        width: Math.min(svgWidth ?? size.width, 3200),
        height: Math.min(svgHeight ?? size.height, 1600),
      },
    });
    try {
      await viewer.goto(`file://${file}`);
      const drawn = await viewer.evaluate(() => {
        const root = document.documentElement;
        const texts = [...document.querySelectorAll('text')].map((t) => t.textContent ?? '');
        const box = (root as unknown as SVGSVGElement).getBBox();
        return {
          root: root.localName,
          parseErrors: document.getElementsByTagName('parsererror').length,
          html: document.querySelectorAll('foreignObject, div, span').length,
          texts,
          rects: document.querySelectorAll('rect').length,
          paths: document.querySelectorAll('path.link, path.connector').length,
          width: box.width,
        };
      });
      expect(drawn.root).toBe('svg');
      expect(drawn.parseErrors).toBe(0);
      expect(drawn.html).toBe(0);
      expect(drawn.width).toBeGreaterThan(1000);
      for (const name of ['FW-EDGE', 'FW-INTERNAL', 'FW-WAN', 'EXAMS01', 'EXBRU01', 'Amsterdam', 'Brussels'])
        expect(drawn.texts).toContain(name);
      // The names wrapped over two lines read back whole from their <text>.
      expect(drawn.texts).toContain('Internet SMTP hosts');
      expect(drawn.texts).toContain('Contoso Benelux');
      expect(drawn.texts.some((t) => /^Exchange port plan · \d{4}-\d{2}-\d{2} · /.test(t))).toBe(true);
      for (const item of ['LEGEND', 'Exchange server', 'Firewall', 'Network link', 'Site or X.400 connector'])
        expect(drawn.texts).toContain(item);
      expect(drawn.texts).toContain('1024-65535');
      expect(drawn.paths).toBeGreaterThan(20);
      // Text a person can find: the browser's own search finds a node name in the drawing.
      expect(
        await viewer.evaluate(() => (window as unknown as { find: (s: string) => boolean }).find('EXBRU01')),
      ).toBe(true);
      await viewer.screenshot({ path: `/tmp/a11y-svg/export-svg-${size.width}.png` });
    } finally {
      await viewer.close();
    }

    const png = await planner.exportFile('Export PNG');
    const { width, height } = pngSize(png.bytes);
    const ratio = width / height;
    // The PNG is the same drawing at twice the size.
    expect(width).toBe((svgWidth ?? 0) * 2);
    expect(height).toBe((svgHeight ?? 0) * 2);
    expect(ratio).toBeGreaterThan(1);
    await writeFile(`/tmp/a11y-svg/export-${size.width}.png`, png.bytes);
  });
}
