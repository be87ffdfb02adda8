import { examples } from './examples';
import { expect, test } from './planStorage';

function example(id: string) {
  const found = examples.find((e) => e.id === id);
  if (!found) throw new Error(`No example ${id}`);
  return found;
}

test('Undo and Redo step through an add, a typed name, a drag and a delete, by keys and by buttons', async ({
  planner,
  page,
}) => {
  await planner.start({ empty: true });
  const added = await planner.dragFromPalette('Firewall', { x: 260, y: 180 });
  const firewall = (name: string) => planner.node(name);
  const dropped = await planner.centreOf(firewall(added));

  // Typed one key at a time: one step for the whole name.
  const nameField = planner.inspector.getByLabel('Name', { exact: true });
  await nameField.fill('');
  await nameField.pressSequentially('FW-EDGE', { delay: 40 });
  await expect(firewall('FW-EDGE')).toBeVisible();

  // One drag, many mouse moves: one step.
  await page.mouse.move(dropped.x, dropped.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(dropped.x + 18 * i, dropped.y + 6 * i);
  await page.mouse.up();
  const moved = await planner.centreOf(firewall('FW-EDGE'));
  expect(moved.x - dropped.x).toBeGreaterThan(150);

  await firewall('FW-EDGE').click();
  await page.keyboard.press('Delete');
  await expect(planner.canvasNodes()).toHaveCount(0);

  // Back, one step at a time.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(firewall('FW-EDGE')).toBeVisible();
  expect((await planner.centreOf(firewall('FW-EDGE'))).x).toBeCloseTo(moved.x, 0);
  await planner.undoButton.click();
  await expect.poll(async () => (await planner.centreOf(firewall('FW-EDGE'))).x).toBeCloseTo(dropped.x, 0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(firewall(added)).toBeVisible();
  await expect(firewall('FW-EDGE')).toHaveCount(0);
  await planner.undoButton.click();
  await expect(planner.canvasNodes()).toHaveCount(0);

  // And forward again, with each way of saying Redo.
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(firewall(added)).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(firewall('FW-EDGE')).toBeVisible();
  await planner.redoButton.click();
  await expect.poll(async () => (await planner.centreOf(firewall('FW-EDGE'))).x).toBeCloseTo(moved.x, 0);
  await page.keyboard.press('Control+y');
  await expect(planner.canvasNodes()).toHaveCount(0);
  await expect(planner.redoButton).toBeDisabled();
});

test('a port typed digit by digit comes back with one Undo', async ({ planner }) => {
  await planner.start();
  await planner.selectNode('EXAMS01');
  const port = planner.inspector.getByLabel('MTA port');
  await expect(port).toHaveValue('6003');
  await port.selectText();
  await port.pressSequentially('6010', { delay: 60 });
  await expect(port).toHaveValue('6010');

  await planner.undoButton.click();
  await expect(port).toHaveValue('6003');
  // The opened plan is where history begins: nothing older to undo.
  await expect(planner.undoButton).toBeDisabled();
  await planner.redoButton.click();
  await expect(port).toHaveValue('6010');
});

test('Ctrl+Z in a text field is the field’s own, not the plan’s', async ({ planner, page }) => {
  await planner.start({ empty: true });
  await planner.paletteButton('Firewall').click();
  await expect(planner.canvasNodes()).toHaveCount(1);
  await planner.planName.click();
  await planner.planName.pressSequentially('Draft');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(planner.canvasNodes()).toHaveCount(1);
});

test('a template and an imported plan are one undo step each', async ({ planner }) => {
  const pop3 = example('pop3');
  const imap4 = example('imap4');
  await planner.start();
  await expect(planner.planName).toHaveValue('Contoso Benelux');
  await planner.loadTemplate(pop3.title);
  await expect(planner.planName).toHaveValue(pop3.planName);
  await planner.importFile(imap4.path);
  await expect(planner.planName).toHaveValue(imap4.planName);

  await planner.undoButton.click();
  await expect(planner.planName).toHaveValue(pop3.planName);
  await planner.undoButton.click();
  await expect(planner.planName).toHaveValue('Contoso Benelux');
  await expect(planner.node('EXAMS01')).toBeVisible();
  await expect(planner.undoButton).toBeDisabled();
  await planner.redoButton.click();
  await planner.redoButton.click();
  await expect(planner.planName).toHaveValue(imap4.planName);
});

test('Undo reaches back more than 200 steps', async ({ planner, page }) => {
  test.setTimeout(240_000);
  // A plan of one server, so that each of the many steps is quick to draw.
  await planner.start({ empty: true });
  const server = await planner.dragFromPalette('Exchange server', { x: 300, y: 200 });
  await planner.selectNode(server);
  const pop3 = planner.inspector.getByLabel('POP3', { exact: true });
  await expect(pop3).toBeChecked();
  // Each click of a checkbox is a step of its own.
  const steps = 205;
  await pop3.focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('Space');
  await expect(pop3).not.toBeChecked();

  await planner.undoButton.focus();
  for (let i = 0; i < steps - 1; i++) await page.keyboard.press('ControlOrMeta+z');
  await expect(pop3).not.toBeChecked();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(pop3).toBeChecked();
  // Older steps are still there: the server added, and the example emptied before it.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(planner.node(server)).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(planner.node('EXAMS01')).toBeVisible();
});
