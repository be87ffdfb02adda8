import { defineConfig } from 'vitest/config';
import base from './vite.config';

// Stryker mutates src/engine and src/model (stryker.config.mjs) and measures those layers' own tests:
// a test of the store or the UI that happens to notice an engine mistake says nothing about the engine.
// No Vite plugins: these tests import no React, no CSS.
export default defineConfig({
  test: {
    ...base.test,
    include: ['src/engine/**/*.test.ts', 'src/model/**/*.test.ts'],
  },
});
