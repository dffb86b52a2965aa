import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: [
      'contracts/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test/artifacts/vitest.json' },
  },
});
// biome-ignore lint/style/noDefaultExport: vitest reads the default export of its config file.
export default config;
