/**
 * Markdown features, one fixture folder each: `input.md` (plus any other
 * `documents/` it links to) is built as English HTML; the page body must
 * equal `expected.html` and the messages `expected.messages.txt`.
 * `UPDATE=1 npx vitest run tests/markdown` rewrites the expected files.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {golden, makeProject, pageBody, repoRoot, runCli} from '../helpers.js'

const fixtures = path.join(repoRoot, 'tests/fixtures/html')

describe('Markdown to HTML fixtures', async () => {
  const cases = (await fs.readdir(fixtures)).sort()
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(5)
  })
  for (const name of cases) {
    it(name, async () => {
      const folder = path.join(fixtures, name)
      const root = await makeProject({'documents/input.md': await fs.readFile(path.join(folder, 'input.md'), 'utf8')})
      await fs.cp(path.join(folder, 'documents'), path.join(root, 'documents'), {recursive: true}).catch(() => {})
      const run = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'en', '--quiet'])
      expect(run.code, run.stderr).toBe(0)
      const body = pageBody(await fs.readFile(path.join(root, 'dist/en/input.html'), 'utf8'))
      expect(body).toBe(await golden(path.join(folder, 'expected.html'), body))
      const messages = run.stderr.replaceAll(root, 'ROOT')
      expect(messages).toBe(await golden(path.join(folder, 'expected.messages.txt'), messages))
    })
  }
})
