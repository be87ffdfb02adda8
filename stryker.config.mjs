// Mutation testing of the layers beneath the UI (docs/testing.md): Stryker changes the
// engine and the model one small mistake at a time and reports each mistake no test catches.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  mutate: ['src/engine/**/*.ts', 'src/model/**/*.ts', '!src/**/*.test.ts', '!src/**/fixtures/**'],
  ignorePatterns: ['e2e', 'dist', 'reports', 'test-results', 'playwright-report', 'bench/out'],
  coverageAnalysis: 'perTest',
  // A mutant of a module-level table (the port table, the schema) can only be tested by loading every
  // test file again; at about half a minute each on this machine they would take hours, so they are
  // left out of the score (they show as ignored in the report).
  ignoreStatic: true,
  // The machine has two cores, shared.
  concurrency: 2,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Reported, never enforced: the score is a measure, not a gate of `npm test`.
  thresholds: { high: 90, low: 80, break: null },
  // Property tests are CPU-bound; on a busy machine they need room before a mutant counts as a timeout.
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
