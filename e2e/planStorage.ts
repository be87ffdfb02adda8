import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { test as base, expect, PlannerPage } from './fixtures';

/**
 * The planner with what keeps and hands on plans: the Plans list, Copy share
 * link, the Export menu, Undo and Redo, found as a person finds them.
 */
export class StoragePlannerPage extends PlannerPage {
  readonly plansButton: Locator;
  readonly plansDialog: Locator;
  readonly planName: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  /** The banner shown while the plan cannot be saved in the browser. */
  readonly storageWarning: Locator;

  constructor(page: Page) {
    super(page);
    this.plansButton = page.getByRole('button', { name: 'Plans', exact: true });
    this.plansDialog = page.getByRole('dialog', { name: 'Plans' });
    this.planName = page.getByRole('banner').getByLabel('Plan name');
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = page.getByRole('button', { name: 'Redo', exact: true });
    this.storageWarning = page.getByRole('alert').filter({ hasText: 'not being saved' });
  }

  /** Opens the page again (as after a crash or a closed tab) and waits for the plan it opens with. */
  async reopen(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'Exchange Port Planner' })).toBeVisible();
    await expect(this.canvasNodes().first()).toBeVisible();
  }

  /** Opens the Plans popover (if closed) and returns it. */
  async openPlans(): Promise<Locator> {
    if ((await this.plansButton.getAttribute('aria-expanded')) !== 'true') await this.plansButton.click();
    await expect(this.plansDialog).toBeVisible();
    return this.plansDialog;
  }

  /** The rows of the Plans list. */
  planRows(): Locator {
    return this.plansDialog.getByRole('list', { name: 'Saved plans' }).getByRole('listitem');
  }

  /** The names in the Plans list, most recently saved first. */
  async planNames(): Promise<string[]> {
    await this.openPlans();
    return this.planRows().locator('button:not([aria-label]) > span:first-child').allTextContents();
  }

  /** A row of the Plans list by the plan's name. */
  planRow(name: string): Locator {
    return this.planRows().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Opens a plan from the Plans list by its name. */
  async openPlan(name: string): Promise<void> {
    await this.openPlans();
    await this.planRow(name).locator('button:not([aria-label])').click();
    await expect(this.plansDialog).toBeHidden();
    await expect(this.planName).toHaveValue(name);
  }

  /** Presses "Copy share link" and returns the link shown in the read-only "Share link" field. */
  async copyShareLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy share link' }).click();
    const field = this.page.getByRole('textbox', { name: 'Share link' });
    await expect(field).toBeVisible();
    return field.inputValue();
  }

  /** The CSS transform of the canvas viewport: where the person has panned and zoomed to. */
  viewportTransform(): Promise<string> {
    return this.canvas.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  }
}

/** A second browser, for someone the link is sent to: its own empty storage. */
export async function colleague(
  browser: Browser,
): Promise<{ context: BrowserContext; planner: StoragePlannerPage }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, planner: new StoragePlannerPage(await context.newPage()) };
}

export const test = base.extend<{ planner: StoragePlannerPage }>({
  planner: async ({ page }, use) => {
    await use(new StoragePlannerPage(page));
  },
});

export { expect };
