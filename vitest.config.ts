import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // PO files are dated with this time (PO-Revision-Date), so runs a minute apart write the same bytes.
    env: {SOURCE_DATE_EPOCH: '1767225600'},
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
