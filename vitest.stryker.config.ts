import { defineConfig } from 'vitest/config';
import base from './vite.config';

// Stryker mutates src/engine and src/model (stryker.config.mjs) and measures those layers' own tests:
// a test of the store or the UI that happens to notice an engine mistake says nothing about the engine.
// The two files of property tests are left out: they draw random plans, so whether they notice a
// mistake changes from run to run, and on two shared cores they would make a run last hours. The
// score counts the example tests, which must catch each mistake on purpose. No Vite plugins: these
// tests import no React and no CSS.
export default defineConfig({
  test: {
    ...base.test,
    include: ['src/engine/**/*.test.ts', 'src/model/**/*.test.ts'],
    // One module graph for every test file of a run: reloading it per file costs more than the tests.
    isolate: false,
    // Instrumented for mutation, the file-size tests walk 5 MB of text one counted step at a time.
    testTimeout: 600_000,
    exclude: [
      ...(base.test?.exclude ?? []),
      'src/engine/properties.test.ts',
      'src/model/load.property.test.ts',
    ],
  },
});
