import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Unit tests of src/vscode run without a workbench: `vscode` is a small fake (test/unit/fakes/vscode.ts).
    alias: [{ find: /^vscode$/, replacement: fileURLToPath(new URL('./test/unit/fakes/vscode.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/emulator/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/summaryReporter.ts'],
  },
});
