import { colleague, expect, test } from './planStorage';

/** Makes every write of the planner's keys fail as a full browser storage does. */
function fillStorage(): void {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (key.startsWith('epp:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    setItem.call(this, key, value);
  };
}

/** Makes localStorage refuse any use, as with site data blocked. */
function blockStorage(): void {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

test('a full browser storage shows a warning; the plan stays open and can still be exported', async ({
  planner,
  page,
}) => {
  await planner.start();
  await expect(planner.storageWarning).toHaveCount(0);
  // The storage fills up between two visits: the stored plan still opens.
  await page.addInitScript(fillStorage);
  await planner.reopen();
  await expect(planner.planName).toHaveValue('Contoso Benelux');

  await planner.planName.fill('Contoso Benelux, reviewed');
  await planner.paletteButton('Firewall').click();
  await expect(planner.storageWarning).toBeVisible();
  await expect(planner.storageWarning).toContainText('Browser storage is full: this plan is not being saved');
  await expect(planner.storageWarning).toContainText('Export plan');
  await planner.screenshot('storage-full');

  // Still here, still editable, still exportable.
  await expect(planner.planName).toHaveValue('Contoso Benelux, reviewed');
  await expect(planner.canvas.getByRole('group', { name: /^Firewall FW\d+,/ })).toHaveCount(1);
  const exported = await planner.exportFile('Export plan');
  expect(exported.name).toBe('contoso-benelux-reviewed.plan.json');
  const document = JSON.parse(exported.bytes.toString('utf8'));
  expect(document.name).toBe('Contoso Benelux, reviewed');
});

test('a browser that refuses storage says the plan is not being saved, and the planner still works', async ({
  browser,
}) => {
  const other = await colleague(browser);
  try {
    await other.context.addInitScript(blockStorage);
    await other.planner.reopen('/');
    await expect(other.planner.planName).toHaveValue('Contoso Benelux');
    await expect(other.planner.storageWarning).toContainText('does not let the planner store data');
    await other.planner.paletteButton('Firewall').click();
    await expect(other.planner.canvas.getByRole('group', { name: /^Firewall FW\d+,/ })).toHaveCount(1);
    await other.planner.undoButton.click();
    await expect(other.planner.canvas.getByRole('group', { name: /^Firewall FW\d+,/ })).toHaveCount(0);
  } finally {
    await other.context.close();
  }
});
