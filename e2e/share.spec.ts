import { colleague, expect, type StoragePlannerPage, test } from './planStorage';

/** "1,234 characters": the length the share popover shows. */
function lengthText(url: string): string {
  return `${String(url.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} characters`;
}

/** The person's own plan: the example renamed, with one firewall added. */
async function ownPlan(planner: StoragePlannerPage): Promise<void> {
  await planner.start();
  await planner.planName.fill('My own plan');
  await planner.paletteButton('Firewall').click();
  await expect(planner.canvas.getByRole('group', { name: /^Firewall FW\d+,/ })).toHaveCount(1);
}

test('a copied share link opened in a second browser shows the same plan and the same port matrix', async ({
  planner,
  page,
  browser,
}) => {
  await planner.start();
  await planner.planName.fill('Benelux review');
  await planner.selectNode('EXAMS01');
  await planner.inspector.getByLabel('MTA port').fill('6010');
  const matrix = await planner.matrixTable();

  const url = await planner.copyShareLink();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#plan=2\.[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('dialog', { name: 'Share this plan' })).toContainText(lengthText(url));
  await planner.screenshot('share-link');

  const other = await colleague(browser);
  try {
    await other.planner.reopen(url);
    await expect(other.planner.planName).toHaveValue('Benelux review (shared)');
    await expect(other.planner.status).toContainText('Opened a shared plan as a new plan');
    expect(await other.planner.matrixTable()).toEqual(matrix);
    // The link leaves the address bar, and the shared plan is now the colleague's own, kept on reload.
    expect(new URL(other.planner.page.url()).hash).toBe('');
    await other.planner.reopen();
    await expect(other.planner.planName).toHaveValue('Benelux review (shared)');
    expect(await other.planner.matrixTable()).toEqual(matrix);
  } finally {
    await other.context.close();
  }
});

test('opening a share link keeps the own plan: the shared plan is a new entry of the Plans list', async ({
  planner,
  browser,
}) => {
  const other = await colleague(browser);
  const url = await (async () => {
    try {
      await other.planner.start();
      await other.planner.loadTemplate('POP3 clients');
      return await other.planner.copyShareLink();
    } finally {
      await other.context.close();
    }
  })();

  await ownPlan(planner);
  // Pasted into the address bar of the open planner: only the fragment changes.
  await planner.page.goto(url);
  await expect(planner.planName).toHaveValue(/\(shared\)$/);
  const sharedName = await planner.planName.inputValue();
  await expect(planner.node('FW-EDGE')).toBeVisible();
  expect((await planner.planNames()).sort()).toEqual(['My own plan', sharedName].sort());

  await planner.openPlan('My own plan');
  await expect(planner.canvas.getByRole('group', { name: /^Firewall FW\d+,/ })).toHaveCount(1);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`the same share link opened twice is one entry of the Plans list at ${size.width}×${size.height}`, async ({
    planner,
    page,
    browser,
  }) => {
    const other = await colleague(browser);
    const url = await (async () => {
      try {
        await other.planner.start();
        await other.planner.loadTemplate('POP3 clients');
        return await other.planner.copyShareLink();
      } finally {
        await other.context.close();
      }
    })();

    await page.setViewportSize(size);
    await ownPlan(planner);
    await page.goto(url);
    await expect(planner.planName).toHaveValue(/\(shared\)$/);
    const sharedName = await planner.planName.inputValue();
    await planner.openPlan('My own plan');

    // Again, as a link opened in a new tab: the entry the first opening made opens.
    await page.goto('about:blank');
    await planner.reopen(url);
    await expect(planner.planName).toHaveValue(sharedName);
    await expect(planner.status).toContainText(`already in your plan list, as "${sharedName}"`);
    expect((await planner.planNames()).sort()).toEqual(['My own plan', sharedName].sort());
    await page.screenshot({ path: `/tmp/a11y-svg/share-twice-${size.width}.png` });

    // And pasted while it is open: still one entry.
    await page.keyboard.press('Escape');
    await page.goto(url);
    await expect(planner.status).toContainText('already in your plan list');
    expect((await planner.planNames()).sort()).toEqual(['My own plan', sharedName].sort());
  });
}

const refusals = [
  {
    what: 'a link cut short',
    fragment: (url: string) => url.slice(0, -12),
    message: /The share link is damaged or incomplete/,
  },
  {
    what: 'a link with changed characters',
    fragment: (url: string) => url.replace(/#plan=2\.(.{20})(.{6})/, (_, a: string) => `#plan=2.${a}AAAAAA`),
    message: /The share link is damaged or incomplete/,
  },
  {
    what: 'a link from a newer version',
    fragment: (url: string) => url.replace('#plan=2.', '#plan=7.'),
    message: /made by a newer version/,
  },
  {
    what: 'a foreign fragment',
    fragment: (url: string) => url.replace(/#plan=.*/, '#plan=hello'),
    message: /damaged or incomplete/,
  },
];

test('a damaged, cut, too-new or foreign link is refused in an alert and leaves the saved plan intact', async ({
  planner,
}) => {
  await ownPlan(planner);
  const good = await planner.copyShareLink();
  await planner.page.keyboard.press('Escape');
  const rows = await planner.matrixRows();

  for (const refusal of refusals) {
    await test.step(refusal.what, async () => {
      const bad = refusal.fragment(good);
      expect(bad).not.toBe(good);
      // As a link opened in a new tab: the whole page loads with it.
      await planner.page.goto('about:blank');
      await planner.reopen(bad);
      await expect(planner.alert.first()).toHaveText(refusal.message);
      await expect(planner.alert.first()).toContainText('Your own plan is open as it was');
      await expect(planner.planName).toHaveValue('My own plan');
      expect(await planner.planNames()).toEqual(['My own plan']);
      await planner.plansButton.click();
      expect(await planner.matrixRows()).toEqual(rows);
    });
  }
  await planner.screenshot('share-link-refused');

  // Nothing was written by the refusals: the plan opens as it was.
  await planner.reopen('/');
  await expect(planner.planName).toHaveValue('My own plan');
  await expect(planner.canvas.getByRole('group', { name: /^Firewall FW\d+,/ })).toHaveCount(1);
  expect(await planner.planNames()).toEqual(['My own plan']);
});
