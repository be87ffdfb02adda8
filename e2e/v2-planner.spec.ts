import Papa from 'papaparse';
import { cliCsv, ROOT } from './cli';
import { expect, test } from './fixtures';

const V1_PLAN = `${ROOT}src/model/fixtures/v1-full.json`;

/** Rows of a matrix CSV as the table shows them (the header left out). */
function csvRows(csv: Buffer): string[][] {
  const parsed = Papa.parse<string[]>(csv.toString('utf8'), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.slice(1);
}

test.describe('the new node kinds', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('an OWA server, a DNS server and a news host are added from the palette and edited in the inspector', async ({
    planner,
    page,
  }) => {
    await planner.start({ empty: true });
    const canvas = await planner.canvasBox();
    const server = await planner.dragFromPalette('Exchange server', {
      x: canvas.width * 0.2,
      y: canvas.height * 0.4,
    });

    const owa = await planner.dragFromPalette('OWA server', {
      x: canvas.width * 0.55,
      y: canvas.height * 0.25,
    });
    const inspector = planner.inspector;
    await expect(inspector.getByText('Outlook Web Access server', { exact: true })).toBeVisible();
    // A new OWA server opens the first server there is.
    await expect(inspector.getByRole('checkbox', { name: `${server} (Exchange 5.5)` })).toBeChecked();
    await inspector.getByLabel('Outlook Web Access version').selectOption('5.0');
    await inspector.getByLabel('Address').fill('192.0.2.20');
    await expect(planner.node(owa)).toContainText('Outlook Web Access 5.0');
    await planner.screenshot('v2-owa-form-1280');

    const dnsName = await planner.dragFromPalette('DNS server', {
      x: canvas.width * 0.55,
      y: canvas.height * 0.6,
    });
    await inspector.getByLabel('Address').fill('10.1.0.53');
    await inspector.getByLabel('Address').press('Tab');
    await expect(planner.node(dnsName)).toContainText('10.1.0.53');

    const news = await planner.dragFromPalette('News host', {
      x: canvas.width * 0.8,
      y: canvas.height * 0.4,
    });
    await expect(inspector.getByLabel('Exchange server', { exact: true })).toHaveValue(/./);
    await inspector.getByLabel('Newsfeed').selectOption('inbound');
    await expect(planner.node(news)).toContainText('Newsfeed inbound');
    await expect(planner.node(news)).toContainText(`feeds ${server}`);

    // The server's DNS picker offers DNS servers only; its smart host picker SMTP hosts only.
    await planner.selectNode(server);
    await inspector.getByRole('checkbox', { name: 'Internet Mail Service' }).check();
    const dnsPicker = inspector.getByLabel('DNS server');
    await expect(dnsPicker.getByRole('option')).toHaveText(['— none —', dnsName]);
    await dnsPicker.selectOption({ label: dnsName });
    await expect(inspector.getByLabel('Smart host').getByRole('option')).toHaveText([
      '— none: deliver by DNS —',
    ]);
    await planner.screenshot('v2-server-form-1280');
    await page.setViewportSize({ width: 1024, height: 768 });
    await planner.screenshot('v2-server-form-1024');
  });

  test('a web client picks among OWA servers, an admin client among Exchange servers', async ({
    planner,
  }) => {
    await planner.start({ empty: true });
    await planner.loadTemplate('Outlook Web Access in a DMZ');
    await planner.selectNode('Internet browsers');
    const inspector = planner.inspector;
    await expect(inspector.getByLabel('Server', { exact: true }).getByRole('option')).toHaveText([
      '— none —',
      'OWA01 (OWA 5.5)',
    ]);
    await inspector.getByLabel('Protocol').selectOption('admin');
    await expect(inspector.getByLabel('Server', { exact: true }).getByRole('option')).toContainText([
      'EXHQ01 (Exchange 5.5)',
    ]);
    // Switching back: the browsers use OWA01 over SSL again.
    await inspector.getByLabel('Protocol').selectOption('web');
    await inspector.getByLabel('Server', { exact: true }).selectOption({ label: 'OWA01 (OWA 5.5)' });
    const rows = await planner.matrixRows();
    expect(
      rows.filter((r) => r[1] === 'Internet browsers').map((r) => [r[0], r[2], r[4], r[7], r[8]]),
    ).toEqual([['FW-EDGE', 'any', 'OWA01', 'TCP', '443']]);
  });
});

test.describe('addresses', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('an address typed wrong is shown inline and changes nothing; typed right it is in the matrix', async ({
    planner,
  }) => {
    await planner.start({ empty: true });
    await planner.loadTemplate('Site Connector');
    const before = await planner.matrixRows();
    await planner.selectNode('EXAMS01');
    const address = planner.inspector.getByLabel('Address');
    await expect(address).toHaveValue('10.1.0.10');

    await address.fill('10.1.0.300');
    await address.press('Tab');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(
      planner.inspector.getByText(/^Must be an IPv4 or IPv6 address.*not applied\.$/),
    ).toBeVisible();
    await planner.screenshot('v2-address-error-1280');
    expect(await planner.matrixRows()).toEqual(before);

    await address.fill('010.1.0.10');
    await address.press('Enter');
    await expect(planner.inspector.getByText(/^Must be written without leading zeros/)).toBeVisible();
    expect(await planner.matrixRows()).toEqual(before);

    // Typed right, in a form the plan writes differently: stored and shown canonically.
    await address.fill('10.1.0.99/32');
    await address.press('Tab');
    await expect(address).toHaveValue('10.1.0.99');
    await expect(address).not.toHaveAttribute('aria-invalid', 'true');
    const { header, rows } = await planner.matrixTable();
    expect(header).toEqual([
      'Firewall',
      'Source',
      'Source address',
      'Source site',
      'Destination',
      'Destination address',
      'Destination site',
      'Protocol',
      'Port',
      'Service',
      'Reason',
    ]);
    const fromExams = rows.filter((r) => r[1] === 'EXAMS01');
    expect(fromExams.length).toBeGreaterThan(0);
    expect(fromExams.every((r) => r[2] === '10.1.0.99')).toBe(true);
    expect(rows.filter((r) => r[4] === 'EXAMS01').every((r) => r[5] === '10.1.0.99')).toBe(true);
  });

  test('a firewall names its interface on each link, checked like an address', async ({ planner }) => {
    await planner.start({ empty: true });
    await planner.loadTemplate('Outlook Web Access in a DMZ');
    await planner.selectNode('FW-EDGE');
    const inspector = planner.inspector;
    await inspector.getByRole('checkbox', { name: 'Translates addresses (NAT)' }).check();
    const outside = inspector.getByLabel('Toward Internet browsers');
    await expect(outside).toHaveValue('outside');
    await outside.fill('out side');
    await outside.press('Tab');
    await expect(
      inspector.getByText('Must be 1–32 characters of letters, digits, _, - or .; not applied.'),
    ).toBeVisible();
    await outside.fill('internet');
    await outside.press('Tab');
    // The link's own form shows the same name (selected from the keyboard: its port badge covers its middle).
    const link = planner.link('Internet browsers', 'FW-EDGE');
    await link.focus();
    await link.press('Enter');
    await expect(planner.inspector.getByLabel('Interface of FW-EDGE')).toHaveValue('internet');
  });
});

test.describe('site connector halves', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('bridgeheads and target servers chosen in the inspector change the matrix', async ({ planner }) => {
    await planner.start({ empty: true });
    await planner.loadTemplate('Site Connector, two servers per site');
    const all = await planner.matrixRows();
    // Any server to all servers, both halves: every pair across the WAN, both ways, 135 and the MTA port.
    expect(all).toHaveLength(16);

    await planner.connector('Amsterdam', 'Utrecht').click();
    const inspector = planner.inspector;
    const amsterdam = inspector.getByRole('group', { name: 'Half in Amsterdam' });
    const utrecht = inspector.getByRole('group', { name: 'Half in Utrecht' });
    await expect(amsterdam.getByRole('radio', { name: 'Any server' })).toBeChecked();
    await expect(amsterdam.getByRole('radio', { name: 'All servers' })).toBeChecked();

    await amsterdam.getByRole('radio', { name: 'Specific server' }).check();
    await amsterdam
      .getByLabel('Bridgehead server in Amsterdam')
      .selectOption({ label: 'EXAMS01 (Exchange 5.5 SP2)' });
    await utrecht.getByRole('radio', { name: 'Specific server' }).check();
    await utrecht
      .getByLabel('Bridgehead server in Utrecht')
      .selectOption({ label: 'EXUTR01 (Exchange 5.5 SP2)' });
    await utrecht.getByRole('radio', { name: 'Chosen servers' }).check();
    await utrecht.getByRole('checkbox', { name: 'EXAMS02 (Exchange 5.5 SP3)' }).uncheck();
    // The last target cannot be unticked: an empty list would mean all servers.
    await expect(utrecht.getByRole('checkbox', { name: 'EXAMS01 (Exchange 5.5 SP2)' })).toBeDisabled();
    await planner.screenshot('v2-site-connector-form-1280');

    const narrowed = await planner.matrixRows();
    // EXAMS01 to both Utrecht servers, EXUTR01 to EXAMS01: two pairs, both ways, two ports.
    expect(narrowed).toHaveLength(8);
    expect(narrowed.some((r) => r[1] === 'EXAMS02' || r[4] === 'EXAMS02')).toBe(false);

    await amsterdam.getByRole('radio', { name: 'Any server' }).check();
    await utrecht.getByRole('radio', { name: 'Any server' }).check();
    await utrecht.getByRole('radio', { name: 'All servers' }).check();
    expect(await planner.matrixRows()).toEqual(all);
  });

  test('a server moved to another site stays named by its half, and the finding says so', async ({
    planner,
  }) => {
    await planner.start({ empty: true });
    await planner.loadTemplate('Site Connector');
    await planner.selectNode('EXAMS01');
    await planner.inspector.getByLabel('Site').selectOption({ label: 'Utrecht' });
    await planner.connector('Amsterdam', 'Utrecht').click();
    await expect(
      planner.inspector.getByText('EXAMS01 is no longer in Amsterdam', { exact: false }),
    ).toBeVisible();
    await expect(planner.finding('CONNECTOR_SERVER_NOT_IN_SITE').first()).toBeVisible();
  });
});

test('a version 1 plan file imports with the matrix rows the command line gives', async ({ planner }) => {
  await planner.start({ empty: true });
  const expected = csvRows(await cliCsv(V1_PLAN));
  expect(expected.length).toBeGreaterThan(0);
  await planner.importFile(V1_PLAN);
  await expect(planner.status).toContainText('Imported "Amsterdam and Utrecht" from v1-full.json');
  expect(await planner.matrixRows()).toEqual(expected);
});
