import Papa from 'papaparse';
import { expect, test } from './fixtures';

// Room for a client, a firewall and a site side by side at full size.
test.use({ viewport: { width: 1600, height: 1000 } });

const HEADER =
  'Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason';

test('a node dropped on an empty canvas lands where it was let go', async ({ planner }) => {
  await planner.start({ empty: true });
  const box = await planner.canvasBox();
  const drop = { x: 140, y: 220 };
  const name = await planner.dragFromPalette('Firewall', drop);
  const at = await planner.centreOf(planner.node(name));
  expect(Math.abs(at.x - (box.x + drop.x))).toBeLessThan(12);
  expect(Math.abs(at.y - (box.y + drop.y))).toBeLessThan(12);
});

test('POP3 with SSL through a firewall: 995 and 25 on both firewall edges, in the matrix and the CSV', async ({
  planner,
  page,
}) => {
  await planner.start({ empty: true });
  const { width, height } = await planner.canvasBox();
  const row = height * 0.45;

  const client = await planner.dragFromPalette('Client', { x: width * 0.09, y: row });
  const firewall = await planner.dragFromPalette('Firewall', { x: width * 0.3, y: row });
  const site = await planner.dragFromPalette('Site', { x: width * 0.72, y: row });
  expect([client, firewall, site]).toEqual(['CL01', 'FW01', 'SITE01']);

  // The server is dropped in the middle of the site: it belongs to it and is drawn inside it.
  const siteBox = await planner.site(site).boundingBox();
  const canvasBox = await planner.canvasBox();
  if (!siteBox) throw new Error('The site is not on screen.');
  const server = await planner.dragFromPalette('Exchange server', {
    x: siteBox.x - canvasBox.x + siteBox.width / 2,
    y: siteBox.y - canvasBox.y + siteBox.height / 2 + 20,
  });
  expect(server).toBe('EX01');
  await expect(planner.inspector.getByLabel('Site', { exact: true }).locator('option:checked')).toHaveText(
    site,
  );
  await expect(planner.site(site)).toHaveAccessibleName(`Site ${site}, 1 server`);
  const serverBox = await planner.node(server).boundingBox();
  if (!serverBox) throw new Error('The server is not on screen.');
  expect(serverBox.x).toBeGreaterThan(siteBox.x);
  expect(serverBox.x + serverBox.width).toBeLessThan(siteBox.x + siteBox.width);
  expect(serverBox.y).toBeGreaterThan(siteBox.y);
  expect(serverBox.y + serverBox.height).toBeLessThan(siteBox.y + siteBox.height);

  await planner.connectNodes(client, firewall);
  await expect(planner.link(client, firewall)).toBeVisible();
  await planner.connectNodes(firewall, server);
  await expect(planner.link(firewall, server)).toBeVisible();
  await expect(planner.alert).toBeEmpty();

  await planner.selectNode(client);
  const inspector = planner.inspector;
  await inspector.getByLabel('Protocol').selectOption({ label: 'POP3' });
  await inspector.getByLabel('Authentication').selectOption({ label: 'SSL' });
  await inspector.getByLabel('Server').selectOption({ label: `${server} (Exchange 5.5)` });
  await expect(inspector.getByRole('list', { name: 'Ports the client needs' })).toContainText('TCP 995');

  // Both edges of the firewall carry the client's two flows to the server.
  for (const [a, b] of [
    [client, firewall],
    [firewall, server],
  ] as const) {
    const edge = planner.link(a, b);
    await expect(edge).toHaveAccessibleName(/, ports 25, 995$/);
    await expect.poll(() => planner.badgesOn(edge)).toEqual(['25', '995']);
  }
  await expect(planner.node(firewall)).toHaveAccessibleName(/^Firewall FW01, 1 rule · opens 25, 995/);

  const matrix = await planner.matrixTable();
  expect(matrix.header.join(',')).toBe(HEADER);
  // Nodes drawn from the palette have no address yet: the address columns are empty.
  expect(matrix.rows.map((r) => r.slice(0, 10))).toEqual([
    [firewall, client, '', '', server, '', site, 'TCP', '25', 'SMTP'],
    [firewall, client, '', '', server, '', site, 'TCP', '995', 'POP3 over SSL'],
  ]);
  for (const r of matrix.rows) expect(r[10]).toMatch(/KB 176466/);
  await planner.screenshot('pop3-ssl-scenario');

  // The downloaded CSV holds the same rows, with the header and CRLF line ends of SPEC §6.
  const csv = await planner.download('Download port matrix CSV');
  expect(csv.name).toMatch(/\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toEqual([HEADER.split(','), ...matrix.rows]);

  // The page reported nothing wrong along the way.
  await expect(page.getByRole('alert')).toBeEmpty();
});
