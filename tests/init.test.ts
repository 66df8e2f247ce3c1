/** `init`: a new publication that builds at once, and never over an existing one. */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, msgfmtCheck, runCli} from './helpers.js'

describe('init', () => {
  it('scaffolds a publication that builds and checks clean', async () => {
    const dir = path.join(await makeProject({}), 'publication')
    const run = await runCli(['init', dir])
    expect(run.code, run.stderr).toBe(0)
    for (const file of ['policy-press.config.yaml', 'documents/example.md', '.gitignore', '.github/workflows/publish.yml', 'package.json']) {
      await fs.access(path.join(dir, file))
    }
    for (const lang of ['de', 'et', 'lv', 'lt']) await msgfmtCheck(path.join(dir, `translations/${lang}/example.po`))
    const build = await runCli(['build', '--root', dir, '--format', 'html'])
    expect(build.code, build.stderr).toBe(0)
    expect(build.stderr).toBe('')
    await fs.access(path.join(dir, 'dist/lt/example.html'))
    expect((await runCli(['check', '--root', dir])).code).toBe(0)
  })

  it('never overwrites an existing publication', async () => {
    const root = await makeProject({'documents/mine.md': '---\ntitle: Mine\n---\n'})
    const run = await runCli(['init', root])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('init never overwrites one')
    await expect(fs.access(path.join(root, 'policy-press.config.yaml'))).rejects.toThrow()
  })
})
