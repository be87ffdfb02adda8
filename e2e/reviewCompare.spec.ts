import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { runDiff } from './cli';
import { expect, type StoragePlannerPage, test } from './planStorage';

/**
 * "Compare with…" another version kept elsewhere — a plan of the Plans list,
 * a plan file — and the change request for the firewall team in a firewall
 * format, as the command line writes it (`diff --format`).
 */

function compareDialog(planner: StoragePlannerPage) {
  return planner.page.getByRole('dialog', { name: 'Compare this plan with…' });
}

async function openCompare(planner: StoragePlannerPage) {
  await planner.page.getByRole('banner').getByRole('button', { name: 'Compare with…' }).click();
  await expect(compareDialog(planner)).toBeVisible();
  return compareDialog(planner);
}

async function moveServer(planner: StoragePlannerPage, name: string, address: string) {
  await planner.selectNode(name);
  const field = planner.inspector.getByLabel('Address');
  await field.fill(address);
  await field.press('Enter');
}

/** Writes two plan files for the command line to compare. */
async function planFiles(before: Buffer, after: Buffer): Promise<[string, string]> {
  const dir = tmpdir();
  const oldFile = join(dir, `compare-old-${process.pid}-${Date.now()}.json`);
  const newFile = join(dir, `compare-new-${process.pid}-${Date.now()}.json`);
  await writeFile(oldFile, before);
  await writeFile(newFile, after);
  return [oldFile, newFile];
}

test('compare with a plan of the Plans list, and hand the firewall team the rule changes as ASA commands', async ({
  planner,
  page,
}) => {
  await planner.start();
  await planner.planName.fill('Branch design');
  const before = await planner.exportFile('Export plan');
  // A copy to work on, kept beside the original in the Plans list.
  await planner.openPlans();
  await planner.planRow('Branch design').getByRole('button', { name: 'Duplicate' }).click();
  await planner.openPlan('Branch design (copy)');
  await planner.planName.fill('Branch design, new address');
  // The copy opens at the left of the drawing: the whole of it first, to reach the server.
  await page.getByRole('button', { name: /fit view/i }).click();
  await moveServer(planner, 'EXAMS01', '10.1.0.12');
  const after = await planner.exportFile('Export plan');

  const dialog = await openCompare(planner);
  await dialog.getByLabel('Plan to compare with').selectOption({ label: 'Branch design' });
  await dialog.getByRole('button', { name: 'Compare with this plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(planner.status).toContainText('Comparing with "Branch design"');

  const changes = page.getByRole('tabpanel', { name: 'Changes' });
  await expect(changes).toContainText('Changes since "Branch design"');
  await expect(changes.getByRole('table', { name: 'Rule changes on FW-INTERNAL' })).toContainText(
    '10.1.0.12',
  );
  await expect(planner.node('EXAMS01')).toHaveAccessibleName(/, changed$/);

  // The rule changes in Cisco ASA form: two firewalls change, so a ZIP of one file each.
  await changes.getByLabel('Rule changes as').selectOption('asa');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    changes.getByRole('button', { name: 'Download rule changes (ZIP)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('branch-design-new-address-asa-changes.zip');
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(zip)).toEqual(['FW-INTERNAL.change.asa.txt', 'FW-WAN.change.asa.txt']);
  const internal = new TextDecoder().decode(zip['FW-INTERNAL.change.asa.txt']);
  expect(internal).toMatch(/^no access-list \S+ extended permit .*object EXAMS01/m);
  expect(internal).toContain('object network EXAMS01\n host 10.1.0.12');

  // Byte for byte what `diff --format asa` writes for the two plan files.
  const cli = await runDiff(...(await planFiles(before.bytes, after.bytes)), '--format', 'asa');
  expect(cli.status).toBe(1);
  const expected = Object.entries(zip)
    .map(([path, bytes]) => `# ==> ${path} <==\n${new TextDecoder().decode(bytes)}`)
    .join('\n');
  expect(cli.stdout.toString('utf8')).toBe(expected);
  await planner.screenshot('review-compare-plans-list');
});

test('compare with a plan file: a damaged file is refused with the reason, a good one shows what changed, and the nftables change downloads', async ({
  planner,
  page,
}) => {
  await planner.start();
  const before = await planner.exportFile('Export plan');
  await planner.selectNode('Partner address book lookups');
  await page.keyboard.press('Delete');
  await expect(planner.node('Partner address book lookups')).toHaveCount(0);
  const after = await planner.exportFile('Export plan');

  const dialog = await openCompare(planner);
  await dialog.getByLabel('Compare with a plan file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "exchange-port-plan", "version": 2, "name": '),
  });
  await expect(page.getByRole('alert')).toContainText('broken.json');
  // Nothing is compared; the dialog stays open for another choice.
  await expect(dialog).toBeVisible();
  await expect(planner.canvas.locator('.epp-change')).toHaveCount(0);
  await dialog.getByLabel('Compare with a plan file').setInputFiles({
    name: 'reviewed.json',
    mimeType: 'application/json',
    buffer: before.bytes,
  });
  await expect(dialog).toBeHidden();
  const changes = page.getByRole('tabpanel', { name: 'Changes' });
  await expect(changes).toContainText('Changes since the file reviewed.json');
  await expect(changes.getByRole('table', { name: 'Rule changes on FW-EDGE' })).toContainText(
    'Partner address book lookups',
  );
  const ghost = planner.canvas.locator('.react-flow__node.epp-ghost');
  await expect(ghost).toHaveAttribute('aria-label', 'Client Partner address book lookups, removed');

  // Only FW-EDGE changes: one nftables script, which replaces its table with the new rules.
  await changes.getByLabel('Rule changes as').selectOption('nftables');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    changes.getByRole('button', { name: 'Download rule changes', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('FW-EDGE.change.nft');
  const script = await readFile(await download.path(), 'utf8');
  // The partners come from anywhere: the rule that goes is any to EXDMZ01 on LDAP over SSL.
  expect(script).toContain('\n# close: any to EXDMZ01 (10.1.0.10), in ldap, out dmz: TCP 636\n');
  expect(script).not.toMatch(/^# open:/m);
  const cli = await runDiff(...(await planFiles(before.bytes, after.bytes)), '--format', 'nftables');
  expect(cli.stdout.toString('utf8')).toBe(script);
});
