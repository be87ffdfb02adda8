import { expect, test } from './fixtures';

test('palette items add nodes from the keyboard, Delete removes them, Ctrl+Z brings them back', async ({
  planner,
  page,
}) => {
  await planner.start();
  const firewalls = planner.canvas.getByRole('group', { name: /^Firewall / });
  const clients = planner.canvas.getByRole('group', { name: /^Client / });
  await expect(firewalls).toHaveCount(3);
  await expect(clients).toHaveCount(7);

  await planner.paletteButton('Firewall').focus();
  await page.keyboard.press('Enter');
  await expect(firewalls).toHaveCount(4);
  await expect(planner.node('FW01')).toHaveClass(/\bselected\b/);
  await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('FW01');

  await planner.paletteButton('Client').focus();
  await page.keyboard.press('Space');
  await expect(clients).toHaveCount(8);
  await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('CL01');
  await expect(planner.node('FW01')).not.toHaveClass(/\bselected\b/);
  await planner.screenshot('keyboard-added');

  // Delete removes what is selected (the new client), and only that.
  await page.keyboard.press('Delete');
  await expect(clients).toHaveCount(7);
  await expect(firewalls).toHaveCount(4);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(clients).toHaveCount(8);
  await expect(planner.node('CL01')).toBeVisible();
});

test('a multi-selection made with Ctrl+click is deleted with Delete', async ({ planner, page }) => {
  await planner.start();
  const nodes = await planner.canvasNodes().count();
  await planner.clickNode('Home POP3 users');
  await planner.clickNode('Mobile IMAP4 users', { modifiers: ['ControlOrMeta'] });
  await expect(planner.inspector).toContainText('2 items selected');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('2 selected');

  await page.keyboard.press('Delete');
  await expect(planner.canvasNodes()).toHaveCount(nodes - 2);
  await expect(planner.node('Home POP3 users')).toHaveCount(0);
  await expect(planner.node('Mobile IMAP4 users')).toHaveCount(0);
  // Their links went with them.
  await expect(planner.link('Home POP3 users', 'FW-EDGE')).toHaveCount(0);
});

test('two nodes selected are linked with the Link button, without drawing', async ({ planner, page }) => {
  await planner.start();
  await planner.loadTemplate('POP3 clients');
  await expect(planner.link('Home POP3 users', 'Amsterdam LAN')).toHaveCount(0);
  await planner.clickNode('Home POP3 users');
  await planner.clickNode('Amsterdam LAN', { modifiers: ['ControlOrMeta'] });
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link' }).click();
  await expect(planner.link('Home POP3 users', 'Amsterdam LAN')).toHaveCount(1);
});

test('the results tabs move with the arrow keys, Home and End', async ({ planner, page }) => {
  await planner.start();
  const findings = page.getByRole('tab', { name: 'Findings', exact: true });
  const matrix = page.getByRole('tab', { name: 'Port matrix', exact: true });
  const rules = page.getByRole('tab', { name: 'Firewall rules', exact: true });
  await expect(findings).toHaveAttribute('aria-selected', 'true');

  await findings.focus();
  await page.keyboard.press('ArrowRight');
  await expect(matrix).toHaveAttribute('aria-selected', 'true');
  await expect(matrix).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Port matrix' })).toBeVisible();
  await expect(planner.matrix).toBeVisible();

  await page.keyboard.press('ArrowLeft');
  await expect(findings).toHaveAttribute('aria-selected', 'true');
  await expect(findings).toBeFocused();
  await expect(planner.findings).toBeVisible();

  // End goes to the last tab: Findings, Port matrix, Firewall rules, Notes, Changes.
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Changes', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Notes', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(rules).toHaveAttribute('aria-selected', 'true');
  await expect(rules).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Firewall rules' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(matrix).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(findings).toHaveAttribute('aria-selected', 'true');
});

test('the toolbar menus open, move and close from the keyboard and give the focus back', async ({
  planner,
  page,
}) => {
  await planner.start();
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  const exportMenu = page.getByRole('menu', { name: 'Export' });
  const items = exportMenu.getByRole('menuitem');

  // Down opens at the first item; the arrows wrap around; Escape closes and gives the focus back.
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(exportMenu).toBeVisible();
  await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
  await expect(exportButton).toHaveAttribute('aria-controls', (await exportMenu.getAttribute('id')) ?? '');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(exportMenu).toBeHidden();
  await expect(exportButton).toBeFocused();
  await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
  await expect(exportButton).not.toHaveAttribute('aria-controls');

  // Up opens at the last item; Tab closes the menu and lets the focus go on.
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(exportMenu).toBeHidden();
  await expect(exportButton).not.toBeFocused();

  // A press outside closes it.
  await exportButton.click();
  await expect(exportMenu).toBeVisible();
  await planner.paletteButton('Site').click();
  await expect(exportMenu).toBeHidden();

  // Templates opens with Enter on its first example, once the list has arrived.
  const templatesButton = page.getByRole('button', { name: 'Templates' });
  const templatesMenu = page.getByRole('menu', { name: 'Templates' });
  await templatesButton.focus();
  await page.keyboard.press('Enter');
  await expect(templatesMenu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(templatesMenu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(templatesMenu).toBeHidden();
  await expect(templatesButton).toBeFocused();

  // Plans is a dialog: the open plan's row takes the focus, Escape gives it back.
  const plansButton = page.getByRole('button', { name: 'Plans', exact: true });
  const plans = page.getByRole('dialog', { name: 'Plans' });
  await plansButton.focus();
  await page.keyboard.press('Enter');
  await expect(plans).toBeVisible();
  await expect(plansButton).toHaveAttribute('aria-haspopup', 'dialog');
  await expect(plans.locator('[aria-current="true"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(plans).toBeHidden();
  await expect(plansButton).toBeFocused();

  // The share link's field takes the focus; Escape gives it back to the button.
  const shareButton = page.getByRole('button', { name: 'Copy share link' });
  await shareButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Share link' })).toBeFocused();
  await expect(shareButton).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Share this plan' })).toBeHidden();
  await expect(shareButton).toBeFocused();
});
