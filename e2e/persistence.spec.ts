import { expect, test } from './planStorage';

test('a reload brings back the edited plan and where the canvas was, but not the selection', async ({
  planner,
  page,
}) => {
  await planner.start();
  await planner.selectNode('FW-EDGE');
  await planner.inspector.getByLabel('Name', { exact: true }).fill('FW-PERIMETER');
  await expect(planner.node('FW-PERIMETER')).toBeVisible();
  const matrix = await planner.matrixRows();

  const before = await planner.viewportTransform();
  await page.getByRole('button', { name: /zoom out/i }).click();
  await page.getByRole('button', { name: /zoom out/i }).click();
  await expect.poll(() => planner.viewportTransform()).not.toBe(before);
  const zoomedOut = await planner.viewportTransform();
  // A person pauses before closing the tab; the canvas reports the end of a zoom a moment after it.
  await page.waitForTimeout(800);

  await planner.reopen();
  await expect(planner.node('FW-PERIMETER')).toBeVisible();
  await expect(planner.node('FW-EDGE')).toHaveCount(0);
  expect(await planner.viewportTransform()).toBe(zoomedOut);
  // Selection is not part of what is kept: the inspector shows the plan, no node.
  await expect(planner.inspector.getByRole('heading', { level: 3, name: 'FW-PERIMETER' })).toHaveCount(0);
  expect(await planner.matrixRows()).toEqual(matrix);
  await expect(planner.undoButton).toBeDisabled();
  await planner.screenshot('reload-keeps-plan');
});

test('a change made just before the tab closes is kept', async ({ planner, page }) => {
  await planner.start({ empty: true });
  await planner.paletteButton('Firewall').click();
  await planner.paletteButton('Network').click();
  await expect(planner.canvasNodes()).toHaveCount(2);
  // No pause: the pending save is written as the page goes away.
  await page.reload();
  await expect(planner.canvasNodes()).toHaveCount(2);
  await expect(planner.canvas.getByRole('group', { name: /^Firewall / })).toHaveCount(1);
  await expect(planner.canvas.getByRole('group', { name: /^Network / })).toHaveCount(1);
});
