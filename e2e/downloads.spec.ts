import { cliCsv } from './cli';
import { examples } from './examples';
import { expect, test } from './fixtures';

for (const example of examples) {
  test(`${example.title}: both CSV downloads are byte for byte what the command line writes`, async ({
    planner,
  }) => {
    const fromCli = Promise.all([cliCsv(example.path), cliCsv(example.path, { all: true })]);
    await planner.start();
    await planner.loadTemplate(example.title);

    const matrix = await planner.download('Download port matrix CSV');
    const allFlows = await planner.download('Download all flows CSV');
    expect(matrix.name).toMatch(/-port-matrix\.csv$/);
    expect(allFlows.name).toMatch(/-all-flows\.csv$/);

    const [cliMatrix, cliAllFlows] = await fromCli;
    expect(cliMatrix.length).toBeGreaterThan(0);
    // Compared as text first for a readable difference, then byte for byte.
    expect(matrix.bytes.toString('utf8')).toBe(cliMatrix.toString('utf8'));
    expect(matrix.bytes.equals(cliMatrix)).toBe(true);
    expect(allFlows.bytes.toString('utf8')).toBe(cliAllFlows.toString('utf8'));
    expect(allFlows.bytes.equals(cliAllFlows)).toBe(true);
  });
}

test('the port matrix and all flows CSVs from the Export menu are byte for byte what the command line writes', async ({
  planner,
}) => {
  const example = examples.find((e) => e.file === 'combined.json');
  if (!example) throw new Error('The combined example is missing from public/examples/index.json.');
  const fromCli = Promise.all([cliCsv(example.path), cliCsv(example.path, { all: true })]);
  await planner.start();
  await planner.loadTemplate(example.title);

  const matrix = await planner.exportFile('Export port matrix CSV');
  expect(matrix.name).toBe('contoso-benelux-port-matrix.csv');
  await expect(planner.status).toContainText('Exported the port matrix as contoso-benelux-port-matrix.csv.');
  const allFlows = await planner.exportFile('Export all flows CSV');
  expect(allFlows.name).toBe('contoso-benelux-all-flows.csv');

  const [cliMatrix, cliAllFlows] = await fromCli;
  expect(cliMatrix.length).toBeGreaterThan(0);
  expect(matrix.bytes.toString('utf8')).toBe(cliMatrix.toString('utf8'));
  expect(matrix.bytes.equals(cliMatrix)).toBe(true);
  expect(allFlows.bytes.toString('utf8')).toBe(cliAllFlows.toString('utf8'));
  expect(allFlows.bytes.equals(cliAllFlows)).toBe(true);
  // The same file as the button above the port matrix saves.
  expect((await planner.download('Download port matrix CSV')).bytes.equals(matrix.bytes)).toBe(true);
});
