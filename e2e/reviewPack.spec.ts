import type { Page } from '@playwright/test';
import { pdfText } from './pdf';
import { expect, type StoragePlannerPage, test } from './planStorage';

/**
 * The review pack, printed as Chromium prints it: `page.pdf` with the print
 * media, on A4 and on Letter. The browser's print dialog cannot be driven, so
 * `window.print` only counts its calls; the PDF is the document that dialog
 * would print.
 */

declare global {
  interface Window {
    printCalls: number;
  }
}

async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.printCalls = 0;
    window.print = () => {
      window.printCalls += 1;
    };
  });
}

/** Export → Print review pack, and waits for the print dialog to be asked for. */
async function printReviewPack(planner: StoragePlannerPage, calls: number): Promise<void> {
  const { page } = planner;
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'Print review pack' })
    .click();
  await expect.poll(() => page.evaluate(() => window.printCalls), { timeout: 60_000 }).toBe(calls);
}

async function printedPdf(page: Page, format: 'A4' | 'Letter'): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format });
  await page.emulateMedia({ media: 'screen' });
  return (await pdfText(pdf)).pages;
}

/** The number (from 1) of the first page that holds `text`; 0 when none does. */
function pageOf(pages: readonly string[], text: string): number {
  return pages.findIndex((p) => p.includes(text)) + 1;
}

test('the review pack of a reviewed and edited plan prints on A4 and Letter: title, diagram and legend, findings, changes, open notes, port matrix', async ({
  planner,
  page,
}) => {
  // Two packs drawn, printed to PDF and read back: on a loaded machine, minutes rather than seconds.
  test.setTimeout(240_000);
  await countPrints(page);
  await planner.start();
  await planner.planName.fill('Benelux design review');
  // An open note on a firewall, a resolved one on the plan.
  await planner.selectNode('FW-EDGE');
  await page.getByRole('button', { name: 'New note' }).click();
  const field = page.getByRole('form', { name: 'New note' }).getByLabel('Note', { exact: true });
  await field.fill('Ask the firewall team whether POP3 over SSL is still needed.');
  await field.press('Control+Enter');
  await page.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(planner.status).toContainText('Marked as reviewed on');

  // After the review, a server moves (the whole drawing in view first: it is at the right).
  await page.getByRole('button', { name: /fit view/i }).click();
  await planner.selectNode('EXAMS01');
  const address = planner.inspector.getByLabel('Address');
  await address.fill('10.1.0.12');
  await address.press('Enter');

  await printReviewPack(planner, 1);
  const a4 = await printedPdf(page, 'A4');
  expect(a4.length).toBeGreaterThanOrEqual(6);
  expect(a4.length).toBeLessThanOrEqual(14);
  const all = a4.join('\n');
  // Title block, and the page numbers of the footer.
  expect(a4[0]).toContain('Benelux design review');
  expect(a4[0]).toMatch(/Printed \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
  expect(a4[0]).toMatch(/Baseline Changes since the review of \d{1,2} \w{3} \d{4}/);
  expect(a4[0]).toContain('3 firewalls');
  expect(a4[0]).toContain(`Page 1 of ${a4.length}`);
  // The diagram with its legend, compare mode's marks included.
  expect(a4[0]).toContain('Diagram');
  for (const key of ['Network link', 'Site or X.400 connector', 'Open review notes', 'Rules changed'])
    expect(a4[0]).toContain(key);
  // Each section on a page of its own, in order.
  const sections = [
    'Findings Severity Code',
    'Changes since the baseline Compared with',
    'Open notes About Note',
    'Port matrix FW-EDGE · 8 rows',
  ].map((s) => pageOf(a4, s));
  expect(sections[0]).toBe(2);
  for (let i = 1; i < sections.length; i++) expect(sections[i]).toBeGreaterThan(sections[i - 1] as number);
  expect(all).toContain('RFC1006_PORT_MISMATCH');
  expect(all).toContain('Firewall rules to remove');
  expect(all).toMatch(/FW-INTERNAL · remove \d+ rules/);
  expect(all).toMatch(/FW-INTERNAL · add \d+ rules/);
  expect(all).toContain('server EXAMS01 address: 10.1.0.11 → 10.1.0.12');
  expect(all).toContain('Firewall FW-EDGE Ask the firewall team whether POP3 over SSL is still needed.');
  expect(all).toContain('FW-EDGE · 8 rows');
  // A table's header row again on the page a long table goes on to.
  const rowPages = a4.filter((p) => p.includes('TCP 6001 Directory (RPC)'));
  expect(rowPages.length).toBeGreaterThan(2);
  for (const p of rowPages) expect(p).toContain('Source Destination Port Service Reason');
  // Nothing of the planner's chrome.
  for (const chrome of ['Import plan', 'Add to plan', 'Copy share link', 'Mark as reviewed'])
    expect(all.toLowerCase()).not.toContain(chrome.toLowerCase());

  // Printing ended: the pack is gone, and a second one prints on Letter.
  await expect(page.locator('.epp-pack-root')).toHaveCount(0);
  await printReviewPack(planner, 2);
  const letter = await printedPdf(page, 'Letter');
  expect(letter.length).toBeGreaterThanOrEqual(a4.length);
  expect(letter.length).toBeLessThanOrEqual(16);
  expect(letter[0]).toContain(`Page 1 of ${letter.length}`);
  expect(letter.join('\n')).toContain('FW-EDGE · 8 rows');
  // Compare mode was entered only to draw the diagram.
  await expect(page.getByRole('button', { name: 'Compare with…' })).toBeVisible();
});

test('a plan never reviewed prints a pack that says it has no baseline, reached by keyboard', async ({
  planner,
  page,
}) => {
  await countPrints(page);
  await planner.start();
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const item = page
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'Print review pack' });
  await page.keyboard.press('End');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.printCalls), { timeout: 60_000 }).toBe(1);
  const pages = await printedPdf(page, 'A4');
  expect(pages[0]).toContain('No baseline: the plan has not been marked as reviewed');
  expect(pages[0]).not.toContain('Rules changed');
  expect(pages.join('\n')).toContain('No baseline. Mark the plan as reviewed after a review');
});
