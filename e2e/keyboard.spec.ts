import { expect, test } from './fixtures';

test('palette items add nodes from the keyboard, Delete removes them, Ctrl+Z brings them back', async ({
  planner,
  page,
}) => {
  await planner.start();
  const firewalls = planner.canvas.getByRole('group', { name: /^Firewall / });
  const clients = planner.canvas.getByRole('group', { name: /^Client / });
  await expect(firewalls).toHaveCount(3);
  await expect(clients).toHaveCount(6);

  await planner.paletteButton('Firewall').focus();
  await page.keyboard.press('Enter');
  await expect(firewalls).toHaveCount(4);
  await expect(planner.node('FW01')).toHaveClass(/\bselected\b/);
  await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('FW01');

  await planner.paletteButton('Client').focus();
  await page.keyboard.press('Space');
  await expect(clients).toHaveCount(7);
  await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('CL01');
  await expect(planner.node('FW01')).not.toHaveClass(/\bselected\b/);
  await planner.screenshot('keyboard-added');

  // Delete removes what is selected (the new client), and only that.
  await page.keyboard.press('Delete');
  await expect(clients).toHaveCount(6);
  await expect(firewalls).toHaveCount(4);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(clients).toHaveCount(7);
  await expect(planner.node('CL01')).toBeVisible();
});

test('a multi-selection made with Ctrl+click is deleted with Delete', async ({ planner, page }) => {
  await planner.start();
  const nodes = await planner.canvasNodes().count();
  await planner.node('Home POP3 users').click();
  await planner.node('Mobile IMAP4 users').click({ modifiers: ['ControlOrMeta'] });
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
  await planner.node('Home POP3 users').click();
  await planner.node('Amsterdam LAN').click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link' }).click();
  await expect(planner.link('Home POP3 users', 'Amsterdam LAN')).toHaveCount(1);
});

test('the results tabs move with the arrow keys, Home and End', async ({ planner, page }) => {
  await planner.start();
  const findings = page.getByRole('tab', { name: 'Findings', exact: true });
  const matrix = page.getByRole('tab', { name: 'Port matrix', exact: true });
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

  await page.keyboard.press('End');
  await expect(matrix).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(findings).toHaveAttribute('aria-selected', 'true');
});
