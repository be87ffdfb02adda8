import Papa from 'papaparse';
import { cliCsv } from './cli';
import { examples } from './examples';
import { expect, test } from './fixtures';

/**
 * A CSV cell as the table shows it: the CSV guards a cell that a spreadsheet
 * would run as a formula with a leading apostrophe (SPEC §6); the table shows
 * the text itself.
 */
function shownText(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

for (const example of examples) {
  test(`${example.title}: imported with "Import plan", the Port matrix table is the command line's CSV`, async ({
    planner,
    page,
  }) => {
    const csv = cliCsv(example.path);
    await planner.start();
    await planner.importFile(example.path);
    await expect(planner.status).toContainText(`from ${example.file}`);
    await expect(planner.alert).toBeEmpty();
    await expect(page.getByLabel('Plan name')).toHaveValue(example.planName);

    const parsed = Papa.parse<string[]>((await csv).toString('utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    const table = await planner.matrixTable();
    expect(table.header).toEqual(header);
    expect(table.rows).toEqual(rows.map((row) => row.map(shownText)));
    if (example.id === 'combined') await planner.screenshot('combined-matrix');
  });
}

test('the first visit opens the combined example', async ({ planner, page }) => {
  const combined = examples.find((e) => e.id === 'combined');
  if (!combined) throw new Error('public/examples/index.json lists no combined example.');
  await planner.start();
  await expect(page.getByLabel('Plan name')).toHaveValue(combined.planName);
  const [header, ...rows] = Papa.parse<string[]>((await cliCsv(combined.path)).toString('utf8'), {
    skipEmptyLines: true,
  }).data;
  expect(await planner.matrixTable()).toEqual({ header, rows: rows.map((row) => row.map(shownText)) });
});
