import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type StoragePlannerPage, test } from './planStorage';

/** The WCAG 2.0 and 2.1 rules of levels A and AA: every one of them runs, over the whole page. */
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** One line per rule broken: its id, how many elements break it, and the first few of them. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  return violations.map(
    (v) =>
      `${v.id} ×${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1).join(' ').trim()})`)
        .join('; ')}`,
  );
}

/** Runs the audit on what the page shows now, as one named state; every state is audited even after a failure. */
async function audit(planner: StoragePlannerPage, state: string): Promise<void> {
  // Fades and slides end before the colours are read.
  await planner.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  expect.soft(await violations(planner.page), `axe violations in ${state}`).toEqual([]);
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    // Four full-page audits per test, each reading the colours of every element, on a busy machine.
    test.beforeEach(async ({ planner, page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      await planner.start();
    });

    test('the first view, a server in the inspector, the port matrix, a highlighted path and the firewall rules have no WCAG 2 A/AA violations', async ({
      planner,
      page,
    }) => {
      await audit(planner, 'the first view');

      await planner.selectNode('EXAMS01');
      await audit(planner, 'a server in the inspector');

      await planner.openTab('Port matrix');
      await expect(planner.matrix).toBeVisible();
      await audit(planner, 'the port matrix tab');

      // A row chosen: its flow's path emphasised, the rest of the canvas and the other ports dimmed.
      const row = planner.matrix
        .getByRole('row')
        .filter({ hasText: 'Home POP3 users' })
        .filter({ hasText: '995' });
      await row.click();
      await expect(row).toHaveAttribute('data-highlighted', 'true');
      await audit(planner, 'a port matrix row highlighted');
      await page.screenshot({ path: `/tmp/ui-polish/axe-row-highlighted-${size.width}.png` });

      await planner.openTab('Firewall rules');
      await audit(planner, 'the firewall rules tab');
    });

    test('the notes, the Plans list, the compare dialog and compare mode have no WCAG 2 A/AA violations', async ({
      planner,
      page,
    }) => {
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await expect(page.getByRole('tab', { name: 'Notes', exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await audit(planner, 'the notes tab');

      await planner.openPlans();
      await expect(planner.planRows().first()).toBeVisible();
      await audit(planner, 'the plans list');
      await page.keyboard.press('Escape');
      await expect(planner.plansDialog).toBeHidden();

      // Compare mode: a review mark, an edit since, then the comparison with it.
      await page.getByRole('button', { name: 'Mark as reviewed' }).click();
      await expect(planner.status).toContainText('Marked as reviewed on');
      await planner.selectNode('EXAMS01');
      const address = planner.inspector.getByLabel('Address');
      await address.fill('10.1.0.12');
      await address.press('Enter');
      await page.getByRole('banner').getByRole('button', { name: 'Compare with…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Compare this plan with…' });
      await expect(dialog).toBeVisible();
      await audit(planner, 'the compare dialog');
      await dialog.getByRole('button', { name: 'Changes since review' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('tabpanel', { name: 'Changes' })).toContainText(
        'Changes since the review of',
      );
      await audit(planner, 'compare mode with the changes tab');

      await page.screenshot({ path: `/tmp/a11y-svg/axe-compare-${size.width}.png` });
    });
  });
}
