/**
 * The headless shell (preferred when installed) and the full browser print
 * the same bytes: a PDF does not depend on which of the two a machine has.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {chromiumCandidates, headlessMode} from '../../src/browser/find-chromium.js'
import {build} from '../../src/pipeline/index.js'
import {makeProject, repoRoot} from '../helpers.js'

const installed = chromiumCandidates.filter((candidate) => fs.existsSync(candidate))
const shell = installed.find((candidate) => headlessMode(candidate) === 'shell')
const full = installed.find((candidate) => headlessMode(candidate) === true)

describe('browsers', () => {
  // scripts/setup.sh installs both where the distribution has them (Debian: chromium, chromium-headless-shell).
  it.runIf(shell && full)('the headless shell and the full browser print the same bytes', async () => {
    // Real Latvian text (tests/fixtures/corpus): its diacritics come from the fonts' extended subsets.
    const text = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/corpus/udhr/lv.md'), 'utf8').replace(/^# .*\n/, '')
    const root = await makeProject({'documents/a.md': `---\ntitle: Vispārējā cilvēka tiesību deklarācija\ndate: 2024-05-01\n---\n\n${text}`})
    const print = async (browser: string, out: string) => {
      const result = await build({root, out, langs: ['en'], formats: ['pdf'], force: true, env: {...process.env, PUPPETEER_EXECUTABLE_PATH: browser}})
      expect(result.pdfs.printed).toBe(1)
      return fs.readFileSync(path.join(root, out, 'en/a.pdf'))
    }
    const fromShell = await print(shell!, 'shell')
    const fromFull = await print(full!, 'full')
    expect(fromShell.length).toBeGreaterThan(10_000)
    expect(fromShell.equals(fromFull)).toBe(true)
  })
})
