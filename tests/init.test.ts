/** `init`: a new publication that builds at once, and never over an existing one. */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
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
    // The example comes translated, so the workflow's gate passes on the first push.
    const gate = await runCli(['status', '--root', dir, '--fail-on', 'missing,stale'])
    expect(gate.code, gate.stdout).toBe(0)
    // policy-press itself is a copy of this package in vendor/, which npm installs without a registry.
    const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8'))
    expect(pkg.devDependencies['policy-press']).toMatch(/^file:vendor\/policy-press-\d+\.\d+\.\d+\.tgz$/)
    const listing = await promisify(execFile)('tar', ['-tzf', path.join(dir, pkg.devDependencies['policy-press'].slice('file:'.length))])
    expect(listing.stdout).toContain('package/translations/lv/ui.yaml')
    expect(listing.stdout).toContain('package/bin/policy-press.js')
  })

  it('names policy-press as the maintainer asks: a registry range, a git URL, a tarball', async () => {
    const dir = path.join(await makeProject({}), 'publication')
    const run = await runCli(['init', dir, '--dependency', 'github:example/policy-press#v0.1.0', '--quiet'])
    expect(run.code, run.stderr).toBe(0)
    const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8'))
    expect(pkg.devDependencies['policy-press']).toBe('github:example/policy-press#v0.1.0')
    await expect(fs.access(path.join(dir, 'vendor'))).rejects.toThrow()
  })

  it('never overwrites an existing publication', async () => {
    const root = await makeProject({'documents/mine.md': '---\ntitle: Mine\n---\n'})
    const run = await runCli(['init', root])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('init never overwrites one')
    await expect(fs.access(path.join(root, 'policy-press.config.yaml'))).rejects.toThrow()
  })
})
