import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Screenshots of these checks, kept for a person to look at. */
const SHOTS = process.env.E2E_SHOTS ?? '/tmp/fix-findings';
mkdirSync(SHOTS, { recursive: true });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** What has the keyboard, as a person would say it: its role and accessible name, or "body". */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    return `${role} ${label.trim()}`;
  });
}

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;

  test.describe(`at ${at}`, () => {
    test.use({ viewport: size });

    test.beforeEach(async ({ planner }) => {
      // The first visit opens the combined example: EXAMS01 on RFC1006 port 102, EXBRU01 on 1002.
      await planner.start();
    });

    test('the RFC1006 finding leads to both ports on the connector, and typing one makes it go', async ({
      planner,
      page,
    }) => {
      await planner.openTab('Findings');
      await planner.finding('RFC1006_PORT_MISMATCH').getByRole('button').click();

      // The connector alone is selected, both ends' ports are on its form, the odd one has the keyboard.
      await expect(planner.connector('EXAMS01', 'EXBRU01')).toHaveClass(/\bselected\b/);
      await expect(planner.node('EXAMS01')).not.toHaveClass(/\bselected\b/);
      await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('AMS-BRU');
      await expect(planner.inspector.getByLabel('RFC1006 port of EXAMS01')).toHaveValue('102');
      const bru = planner.inspector.getByLabel('RFC1006 port of EXBRU01');
      await expect(bru).toHaveValue('1002');
      await expect(bru).toBeFocused();
      await expect(bru).toBeInViewport();
      await page.screenshot({ path: `${SHOTS}/finding-to-field-${at}.png` });

      // Typing the port where the keyboard already is fixes it.
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('102');
      await expect(planner.finding('RFC1006_PORT_MISMATCH')).toHaveCount(0);
      await expect(planner.connector('EXAMS01', 'EXBRU01')).toHaveAccessibleName(/, port 102$/);

      // It was the server's own setting, and the typing is one step to undo.
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(bru).toHaveValue('1002');
      await expect(planner.finding('RFC1006_PORT_MISMATCH')).toHaveCount(1);
      await planner.selectNode('EXBRU01');
      await expect(planner.inspector.getByLabel('RFC1006 port', { exact: true })).toHaveValue('1002');
    });

    test('an unnamed connector is named after its servers, and a click picks one item of several', async ({
      planner,
      page,
    }) => {
      await planner.openTab('Findings');
      await planner.finding('RFC1006_PORT_MISMATCH').getByRole('button').click();
      await planner.inspector.getByLabel('Name', { exact: true }).fill('');
      await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('EXAMS01 ↔ EXBRU01');

      // Two more nodes join the selection; the inspector lists the connector by what it joins.
      await planner.clickNode('EXAMS01', { modifiers: ['Shift'] });
      await planner.clickNode('EXBRU01', { modifiers: ['Shift'] });
      await expect(planner.inspector).toContainText('3 items selected');
      await expect(
        planner.inspector.getByRole('listitem').filter({ hasText: 'X.400 connector EXAMS01 ↔ EXBRU01' }),
      ).toHaveCount(1);
      await expect(planner.inspector.getByRole('listitem').filter({ hasText: /^k\d+$/ })).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/three-selected-${at}.png` });

      // A plain click on one of them selects it alone.
      await planner.clickNode('EXAMS01');
      await expect(planner.inspector.getByRole('heading', { level: 3 })).toHaveText('EXAMS01');
      await expect(planner.node('EXBRU01')).not.toHaveClass(/\bselected\b/);
      await expect(planner.connector('EXAMS01', 'EXBRU01')).not.toHaveClass(/\bselected\b/);
    });

    test('a firewall tells its exposure and lists its rules; an idle one dims nothing', async ({
      planner,
      page,
    }) => {
      // FW-INTERNAL carries RPC to the DMZ server: its widest opening is the dynamic range.
      await expect(planner.node('FW-INTERNAL')).toHaveAccessibleName(
        /^Firewall FW-INTERNAL, \d+ rules · opens 1024-65535/,
      );
      await expect(planner.node('FW-INTERNAL')).toContainText(/\d+ rules · opens 1024-65535/);
      await expect(planner.node('FW-EDGE')).toHaveAccessibleName(/^Firewall FW-EDGE, 6 rules · opens /);

      await planner.selectNode('FW-EDGE');
      const rules = planner.inspector.getByRole('list', { name: 'Rules FW-EDGE needs' });
      await expect(rules.getByRole('listitem')).toHaveCount(6);
      const first = rules.getByRole('button').first();
      // Each rule says from where, to where, which protocol and port.
      await expect(first).toHaveAccessibleName(/^\S.* to \S.*TCP \d/);
      await page.screenshot({ path: `${SHOTS}/firewall-rules-${at}.png` });

      // Choosing one opens it in Firewall rules, chosen and with the keyboard on it.
      const source = ((await first.locator('span').first().textContent()) ?? '').split('→')[0]?.trim() ?? '';
      await first.click();
      await expect(page.getByRole('tab', { name: 'Firewall rules', exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      const chosen = page
        .getByRole('list', { name: 'Rules of FW-EDGE' })
        .locator('button[aria-pressed="true"]');
      await expect(chosen).toHaveCount(1);
      await expect(chosen).toBeFocused();
      await expect(chosen).toContainText(source);

      // Escape clears the rule's highlight. A firewall no flow crosses: it says so, and selecting it dims nothing.
      await page.keyboard.press('Escape');
      await expect(planner.node('Home POP3 users').locator('.epp-node')).toHaveCSS('opacity', '1');
      await planner.paletteButton('Firewall').click();
      await expect(planner.node('FW01')).toHaveClass(/\bselected\b/);
      await expect(planner.node('FW01')).toHaveAccessibleName(/^Firewall FW01, No rules/);
      await expect(planner.inspector).toContainText('No flow crosses this firewall: it needs no rules.');
      await expect(planner.node('Home POP3 users').locator('.epp-node')).toHaveCSS('opacity', '1');
      await page.screenshot({ path: `${SHOTS}/idle-firewall-${at}.png` });
    });

    test('Tab from the top skips to the first node; Enter, Shift+Enter and Escape keep the keyboard there', async ({
      planner,
      page,
    }) => {
      // From the top of the page, as after loading it.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      const skip = page.getByRole('button', { name: 'Skip to diagram' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.screenshot({ path: `${SHOTS}/skip-link-${at}.png` });

      await page.keyboard.press('Enter');
      const first = await focused(page);
      expect(first).toMatch(
        /^group (Site|Exchange server|Client|Firewall|Network|SMTP host|OWA server|DNS server|News host) /,
      );

      // The next Tab reaches another node, not one of the links drawn before the nodes.
      await page.keyboard.press('Tab');
      const second = await focused(page);
      expect(second).not.toMatch(/^group (Link|X\.400 connector|Site connector) /);
      expect(second).not.toBe(first);

      // Enter selects the node, Shift+Enter on the next adds it.
      await page.keyboard.press('Enter');
      await expect(planner.inspector.getByRole('heading', { level: 3 })).toBeVisible();
      await page.keyboard.press('Tab');
      const third = await focused(page);
      await page.keyboard.press('Shift+Enter');
      await expect(planner.inspector).toContainText('2 items selected');

      // Escape clears the selection and the keyboard stays on the node.
      await page.keyboard.press('Escape');
      await expect(planner.inspector).not.toContainText('items selected');
      await expect.poll(() => focused(page)).toBe(third);
    });

    test('the selection keys are explained in How to and in the shortcuts dialog on ?', async ({
      planner,
      page,
    }) => {
      const howTo = page.getByRole('region', { name: 'How to' });
      await expect(howTo).toContainText('Shift+Enter adds it to the selection');

      // ? from a node opens the dialog; Escape closes it and gives the keyboard back to the node.
      await planner.node('EXDMZ01').focus();
      const before = await focused(page);
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('Add it to the selection, or take it out again.');
      await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
      await page.screenshot({ path: `${SHOTS}/shortcuts-dialog-${at}.png` });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect.poll(() => focused(page)).toBe(before);

      // The toolbar button opens it too; Close gives the keyboard back to the button.
      const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
      await button.click();
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
      await expect(button).toBeFocused();
    });

    test('focus stays where the person was after Escape in the inspector and after New plan', async ({
      planner,
      page,
    }) => {
      // From a box of the selected server's form, Escape clears the selection and returns to the server.
      await planner.selectNode('EXDMZ01');
      await planner.inspector.getByRole('checkbox').first().focus();
      await page.keyboard.press('Escape');
      await expect(planner.inspector.getByText('Select a site, node, link or connector')).toBeVisible();
      await expect(planner.node('EXDMZ01')).toBeFocused();

      // New plan: the keyboard is back on the Plans button, never on the page body.
      const plans = page.getByRole('button', { name: 'Plans' });
      await plans.click();
      await page.getByRole('dialog', { name: 'Plans' }).getByRole('button', { name: 'New plan' }).click();
      await expect(planner.canvasNodes()).toHaveCount(0);
      await expect(plans).toBeFocused();
      expect(await focused(page)).not.toBe('body');

      // On an empty plan the skip goes to the palette, where items are added.
      await page.getByRole('button', { name: 'Skip to diagram' }).focus();
      await page.keyboard.press('Enter');
      await expect(planner.paletteButton('Exchange server')).toBeFocused();
    });
  });
}
