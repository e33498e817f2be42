import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Bounds against a hung test, never a measure of speed: at a load of 20-30 on two cores
    // (the suite beside browser journeys, scripts/e2e-under-load.sh) report and CLI tests
    // were seen taking 60-105 s that take a few seconds at rest.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
