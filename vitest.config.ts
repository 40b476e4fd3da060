import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/services/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Worker-process and SQLite tests use real files and processes; keep the 2-core box sane.
    maxWorkers: 2,
    fileParallelism: true,
  },
})
