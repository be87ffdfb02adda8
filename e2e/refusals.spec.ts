import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runMatrix } from './cli';
import { expect, type PlannerPage, test } from './fixtures';

const plan = (name: string) => fileURLToPath(new URL(`plans/${name}`, import.meta.url));

/** Every network link drawn on the canvas. */
const links = (planner: PlannerPage) => planner.canvas.getByRole('group', { name: /^Link / });

test.describe('drawing links', () => {
  test.beforeEach(async ({ planner }) => {
    await planner.start();
    await planner.loadTemplate('POP3 clients');
    await expect(links(planner)).toHaveCount(4);
  });

  test('a link from a node to itself is refused with its reason', async ({ planner }) => {
    const firewall = planner.node('FW-EDGE');
    await planner.connect(firewall, firewall);
    await expect(planner.alert).toHaveText(/A link must join two different nodes\./);
    await expect(links(planner)).toHaveCount(4);
  });

  test('a second link between the same two nodes is refused with its reason', async ({ planner }) => {
    await planner.connectNodes('Home POP3 users', 'FW-EDGE');
    await expect(planner.alert).toHaveText(/Home POP3 users and FW-EDGE are already linked\./);
    await expect(links(planner)).toHaveCount(4);
    await planner.screenshot('refused-duplicate-link');
  });

  test('a link to a site is refused with its reason', async ({ planner }) => {
    const site = planner.site('Amsterdam');
    const box = await site.boundingBox();
    if (!box) throw new Error('The site is not on screen.');
    // Onto the site's own area, below the nodes drawn in it.
    await planner.connect(planner.node('FW-EDGE'), site, { x: 24, y: box.height - 12 });
    await expect(planner.alert).toHaveText(/A link joins two nodes, not a site/);
    await expect(links(planner)).toHaveCount(4);
  });
});

test.describe('port fields', () => {
  test.beforeEach(async ({ planner }) => {
    await planner.start();
    await planner.loadTemplate('Exchange (MAPI) clients');
  });

  test('a port out of range or with a letter is shown inline with its reason and not applied', async ({
    planner,
  }) => {
    const before = await planner.matrixRows();
    expect(before.map((r) => r[8])).toContain('6001');

    await planner.selectNode('EXAMS01');
    const directory = planner.inspector.getByLabel('Directory (DS) port');
    await expect(directory).toHaveValue('6001');
    for (const typed of ['70000', '12a']) {
      await directory.fill(typed);
      await expect(directory).toHaveAttribute('aria-invalid', 'true');
      await expect(directory).toHaveAccessibleDescription(/Must be a whole number from 1 to 65535/);
      await expect(planner.inspector.getByText('Must be a whole number from 1 to 65535')).toBeVisible();
      // The entry stays for the person to fix; the plan keeps its port.
      await directory.blur();
      await expect(directory).toHaveValue(typed);
      expect(await planner.matrixRows()).toEqual(before);
    }
    await planner.screenshot('refused-port');

    const rfc1006 = planner.inspector.getByLabel('RFC1006 port');
    await rfc1006.fill('12a');
    await expect(rfc1006).toHaveAttribute('aria-invalid', 'true');
    await expect(rfc1006).toHaveAccessibleDescription(/Must be a whole number from 1 to 65535/);

    // Shown again, the server has the ports it had.
    await planner.selectNode('FW-BRANCH');
    await planner.selectNode('EXAMS01');
    await expect(directory).toHaveValue('6001');
    await expect(rfc1006).toHaveValue('102');
    await expect(directory).not.toHaveAttribute('aria-invalid', 'true');

    // A valid entry is applied at once: the field does reach the plan.
    await directory.fill('6100');
    await expect.poll(async () => (await planner.matrixRows()).map((r) => r[8])).toContain('6100');
    expect((await planner.matrixRows()).map((r) => r[8])).not.toContain('6001');
  });
});

test.describe('importing', () => {
  const refused = [
    {
      file: 'bad-port.plan.json',
      message: 'nodes[4].staticPorts.mta: must be an integer from 1 to 65535',
    },
    {
      file: 'newer-version.plan.json',
      message: 'version: this plan was made by a newer version of Exchange Port Planner',
    },
    // Written by the test: a broken JSON file would trip the linter over the fixtures.
    { file: 'not-json.plan.json', message: 'not valid JSON', text: '{ "format": "exchange-port-plan",\n' },
  ];

  for (const { file, message, text } of refused) {
    test(`${file} is refused with the message of SPEC §2 and the plan stays as it was`, async ({
      planner,
      page,
    }, testInfo) => {
      let path = plan(file);
      if (text !== undefined) {
        path = testInfo.outputPath(file);
        await writeFile(path, text);
      }
      // The command line refuses the same file for the same reason.
      const cli = await runMatrix(path);
      expect(cli.status).toBe(2);
      expect(cli.stderr).toContain(message);

      await planner.start();
      const name = await page.getByLabel('Plan name').inputValue();
      const nodes = await planner.canvasNodes().count();
      const matrix = await planner.matrixTable();
      expect(matrix.rows.length).toBeGreaterThan(0);

      await planner.importFile(path);
      await expect(planner.alert).toContainText(`The file "${file}" cannot be imported: ${message}`);
      if (file === 'bad-port.plan.json') await planner.screenshot('refused-import');

      await expect(page.getByLabel('Plan name')).toHaveValue(name);
      await expect(planner.canvasNodes()).toHaveCount(nodes);
      expect(await planner.matrixTable()).toEqual(matrix);
    });
  }
});
