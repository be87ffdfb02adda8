import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { cliRules } from './cli';
import { examples } from './examples';
import { expect, type Locator, type PlannerPage, test } from './fixtures';

const combined = examples.find((e) => e.file === 'combined.json');
if (!combined) throw new Error('The combined example is missing from public/examples/index.json.');
const PLAN = combined.path;

/** The drawn box of a plan node: a dimmed node is drawn faint. */
const body = (node: Locator) => node.locator('.epp-node');

/** Every file under a directory, by its path relative to it (with `/`), and its text. */
async function filesUnder(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(dir, path).split('\\').join('/'), await readFile(path, 'utf8'));
  }
  return found;
}

/** What the rules command writes under --out for every firewall in one format. */
async function cliOut(format: string): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'epp-rules-'));
  try {
    await cliRules(PLAN, ['--format', format, '--out', dir]);
    return await filesUnder(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function unzip(bytes: Buffer): Map<string, string> {
  const files = unzipSync(new Uint8Array(bytes));
  return new Map(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

async function saved(planner: PlannerPage, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    planner.page.waitForEvent('download'),
    planner.page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function openRules(planner: PlannerPage, firewall: string, format: string): Promise<void> {
  await planner.openTab('Firewall rules');
  await planner.page.getByLabel('Firewall', { exact: true }).selectOption({ label: firewall });
  await planner.page.getByLabel('Format', { exact: true }).selectOption({ value: format });
}

test.beforeEach(async ({ planner }) => {
  await planner.start();
  await planner.loadTemplate(combined.title);
});

test('the rules of one firewall: read, copied and downloaded as the command line writes them', async ({
  planner,
  page,
  context,
}) => {
  const fromCli = cliRules(PLAN, ['--format', 'nftables', '--firewall', 'FW-EDGE']);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openRules(planner, 'FW-EDGE', 'nftables');

  await expect(page.getByText('8 matrix rows → 6 rules')).toBeVisible();
  const file = page.getByRole('figure', { name: 'FW-EDGE.nft' });
  await expect(file).toContainText(
    'ip daddr @EXDMZ01 iifname "ldap" oifname "dmz" tcp dport 636 counter accept comment "any_to_EXDMZ01_3: LDAP over SSL TCP 636 (KB 176466)"',
  );
  // Comments read apart from what the device runs.
  const comment = file.getByText('# any to EXDMZ01, in ldap, out dmz', { exact: true });
  const rule = file.getByText(/^\s*ip daddr @EXDMZ01 iifname "ldap"/);
  const colours = await Promise.all([comment, rule].map((l) => l.evaluate((e) => getComputedStyle(e).color)));
  expect(colours[0]).not.toBe(colours[1]);

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(planner.status).toContainText('Copied the nftables rules of FW-EDGE to the clipboard.');
  const cli = (await fromCli).toString('utf8');
  expect(cli).toContain('table inet exchange_FW_EDGE');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cli);

  const one = await saved(planner, 'Download');
  expect(one.name).toBe('FW-EDGE.nft');
  expect(one.bytes.toString('utf8')).toBe(cli);
  await planner.screenshot('rules-nftables-1280');
});

test('every firewall in one ZIP, from the view and from the Export menu, holds what rules --out writes', async ({
  planner,
  page,
}) => {
  const fromCli = Promise.all([cliOut('nftables'), cliOut('iptables')]);
  await openRules(planner, 'FW-WAN', 'nftables');
  const zip = await saved(planner, 'Download all firewalls (ZIP)');
  expect(zip.name).toBe('contoso-benelux-nftables-rules.zip');
  const files = unzip(zip.bytes);
  expect([...files.keys()].sort()).toEqual(['FW-EDGE.nft', 'FW-INTERNAL.nft', 'FW-WAN.nft']);
  const [nft, iptables] = await fromCli;
  expect(files).toEqual(nft);

  // The Export menu offers the format chosen here; iptables writes two files per firewall.
  await page.getByLabel('Format', { exact: true }).selectOption({ value: 'iptables' });
  await expect(page.getByRole('figure', { name: 'FW-WAN.rules.v6' })).toBeVisible();
  const perFirewall = await saved(planner, 'Download (ZIP)');
  expect(perFirewall.name).toBe('contoso-benelux-fw-wan-iptables-rules.zip');
  expect([...unzip(perFirewall.bytes).keys()]).toEqual(['FW-WAN.rules.v4', 'FW-WAN.rules.v6']);
  const menu = await planner.exportFile('Export iptables firewall rules (ZIP)');
  expect(menu.name).toBe('contoso-benelux-iptables-rules.zip');
  expect(unzip(menu.bytes)).toEqual(iptables);
  expect(iptables.size).toBe(6);
});

test('choosing a rule highlights the paths of its flows on the canvas', async ({ planner, page }) => {
  await openRules(planner, 'FW-EDGE', 'asa');
  const rules = page.getByRole('list', { name: 'Rules of FW-EDGE' });
  const ldap = rules.getByRole('button', { name: /^any to EXDMZ01 .*ldap → dmz/ });
  await ldap.click();
  await expect(ldap).toHaveAttribute('aria-pressed', 'true');
  for (const name of ['Partner address book lookups', 'FW-EDGE', 'EXDMZ01']) {
    await expect(body(planner.node(name))).not.toHaveAttribute('data-tone', 'dim');
  }
  for (const name of ['Home POP3 users', 'FW-WAN', 'EXAMS01']) {
    await expect(body(planner.node(name))).toHaveAttribute('data-tone', 'dim');
  }
  await planner.screenshot('rules-rule-chosen-1280');
});

test('a node without an address is listed, and its button leads to its address field', async ({
  planner,
  page,
}) => {
  await planner.selectNode('EXAMS01');
  await planner.inspector.getByLabel('Address', { exact: true }).fill('');
  await openRules(planner, 'FW-INTERNAL', 'ios');
  const file = page.getByRole('figure', { name: 'FW-INTERNAL.ios.txt' });
  await expect(file).toContainText('<fill_in_EXAMS01>');

  // Nothing selected any more: the inspector shows the plan, with no address field.
  await page.getByRole('tab', { name: 'Firewall rules' }).focus();
  await page.keyboard.press('Escape');
  await expect(planner.inspector.getByLabel('Address', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Fill in the address of EXAMS01' }).click();
  await expect(
    planner.inspector.getByRole('heading', { level: 3, name: 'EXAMS01', exact: true }),
  ).toBeVisible();
  const address = planner.inspector.getByLabel('Address', { exact: true });
  await expect(address).toBeFocused();
  await planner.screenshot('rules-missing-address-1280');

  // Typed in, the rules follow at once and the node is no longer listed.
  await page.keyboard.type('10.1.0.11');
  await expect(page.getByRole('button', { name: 'Fill in the address of EXAMS01' })).toHaveCount(0);
  await expect(file).not.toContainText('fill_in_EXAMS01');
  await expect(file).toContainText('host 10.1.0.11');
});

test('at 1024×768 the rules view stacks its list above the text', async ({ planner, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openRules(planner, 'FW-INTERNAL', 'srx');
  await expect(page.getByRole('figure', { name: 'FW-INTERNAL.srx.txt' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download all firewalls (ZIP)' })).toBeVisible();
  await planner.screenshot('rules-srx-1024');
});
