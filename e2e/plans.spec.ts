import { expect, type StoragePlannerPage, test } from './planStorage';

const firewalls = (planner: StoragePlannerPage) => planner.canvas.getByRole('group', { name: /^Firewall / });

test('plans in the browser: new, rename, duplicate, open and delete, with Undo delete', async ({
  planner,
  page,
}) => {
  await planner.start();
  expect(await planner.planNames()).toEqual(['Contoso Benelux']);
  await expect(planner.planRow('Contoso Benelux').locator('[aria-current="true"]')).toBeVisible();

  // New plan: an empty canvas, with no history to undo into the plan before.
  await planner.plansDialog.getByRole('button', { name: 'New plan' }).click();
  await expect(planner.canvasNodes()).toHaveCount(0);
  await expect(planner.planName).toHaveValue('');
  await expect(planner.undoButton).toBeDisabled();
  expect(await planner.planNames()).toEqual(['Untitled plan', 'Contoso Benelux']);

  // Renamed in place: the open plan's name changes everywhere.
  await planner.planRow('Untitled plan').getByRole('button', { name: 'Rename' }).click();
  await planner.plansDialog.getByRole('textbox', { name: 'Rename plan' }).fill('Draft');
  await page.keyboard.press('Enter');
  await expect(planner.planName).toHaveValue('Draft');
  await planner.plansButton.click();
  await planner.paletteButton('Firewall').click();
  await expect(firewalls(planner)).toHaveCount(1);

  // A copy of another plan joins the list; the open plan stays open.
  await planner.openPlans();
  await planner.planRow('Contoso Benelux').getByRole('button', { name: 'Duplicate' }).click();
  await expect(planner.planRow('Contoso Benelux (copy)')).toBeVisible();
  await expect(planner.planName).toHaveValue('Draft');
  await planner.screenshot('plans-list');

  await planner.openPlan('Contoso Benelux (copy)');
  await expect(planner.node('EXAMS01')).toBeVisible();

  // A plan that is not open is renamed in the list; its content is untouched.
  await planner.openPlans();
  await planner.planRow('Draft').getByRole('button', { name: 'Rename' }).click();
  await planner.plansDialog.getByRole('textbox', { name: 'Rename plan' }).fill('Draft 2');
  await page.keyboard.press('Enter');
  await expect(planner.planRow('Draft 2')).toBeVisible();
  await planner.plansButton.click();
  await planner.openPlan('Draft 2');
  await expect(firewalls(planner)).toHaveCount(1);

  // Delete, then Undo delete.
  await planner.openPlans();
  await planner.planRow('Contoso Benelux (copy)').getByRole('button', { name: 'Delete' }).click();
  await expect(planner.planRow('Contoso Benelux (copy)')).toHaveCount(0);
  await expect(planner.plansDialog).toContainText('Deleted “Contoso Benelux (copy)”.');
  await planner.plansDialog.getByRole('button', { name: 'Undo delete' }).click();
  await expect(planner.planRow('Contoso Benelux (copy)')).toBeVisible();

  // Deleting the open plan opens the next one; Undo delete brings it back, open.
  await planner.planRow('Draft 2').getByRole('button', { name: 'Delete' }).click();
  await expect(planner.planName).not.toHaveValue('Draft 2');
  await planner.plansDialog.getByRole('button', { name: 'Undo delete' }).click();
  await expect(planner.planName).toHaveValue('Draft 2');
  await expect(firewalls(planner)).toHaveCount(1);

  // All of it is still there after a reload.
  await planner.reopen();
  await expect(planner.planName).toHaveValue('Draft 2');
  expect((await planner.planNames()).sort()).toEqual([
    'Contoso Benelux',
    'Contoso Benelux (copy)',
    'Draft 2',
  ]);
});

test('switching plans keeps each plan’s own view and starts a fresh undo history', async ({
  planner,
  page,
}) => {
  await planner.start();
  await page.getByRole('button', { name: /zoom out/i }).click();
  await page.waitForTimeout(800);
  const exampleView = await planner.viewportTransform();

  await planner.openPlans();
  await planner.plansDialog.getByRole('button', { name: 'New plan' }).click();
  await planner.paletteButton('Firewall').click();
  await expect(planner.undoButton).toBeEnabled();

  await planner.openPlan('Contoso Benelux');
  await expect(planner.node('EXAMS01')).toBeVisible();
  expect(await planner.viewportTransform()).toBe(exampleView);
  await expect(planner.undoButton).toBeDisabled();
});
