import os from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // Vitest's default (one worker per core but one) leaves a 2-core machine with one worker, while much of a
    // test's time is spent waiting on child processes (the command, Chromium, npm): two files at once take
    // the suite from about 8 to 5 minutes here.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // PO files are dated with this time (PO-Revision-Date), so runs a minute apart write the same bytes.
    env: {SOURCE_DATE_EPOCH: '1767225600'},
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
