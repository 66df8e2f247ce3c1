/**
 * The command as users run it: bin/policy-press.js, which loads the bundled
 * lib/policy-press.js (scripts/bundle.js), not the sources the other tests
 * import. The bundle must find what the sources find beside them: templates,
 * fonts, hyphenation patterns, UI strings and package.json.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {makeProject, repoRoot, runCli, translateAll} from '../helpers.js'

const run = promisify(execFile)
const bin = path.join(repoRoot, 'bin/policy-press.js')
const cli = (args: string[], env: Record<string, string> = {}) => run(process.execPath, [bin, ...args], {env: {...process.env, CI: 'true', ...env}})

describe('the bundled command', () => {
  it('prints the version of package.json', async () => {
    const {version} = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8'))
    expect((await cli(['--version'])).stdout.trim()).toBe(version)
  })

  it('builds HTML and a hyphenated PDF in two languages, then skips an unchanged rebuild', async () => {
    const text = 'Municipalities in rural regions coordinate intergenerational volunteering with social services.'
    const root = await makeProject({
      'documents/a.md': `---\ntitle: Volunteering\ndate: 2024-05-01\n---\n\n## Why\n\n${text}\n`,
      'policy-press.config.yaml': 'targets: [de]\n'
    })
    await cli(['sync', '--root', root, '--quiet'])
    await translateAll(path.join(root, 'translations/de/a.po'))
    const first = await cli(['build', '--root', root])
    expect(first.stdout).toContain('2 PDFs (2 printed)')
    // The German page has the translation, and the template's fonts are copied beside it.
    const page = await fs.readFile(path.join(root, 'dist/de/a.html'), 'utf8')
    expect(page).toContain('lang="de"')
    expect(page).toContain('[de] Volunteering')
    await fs.access(path.join(root, 'dist/assets/fonts/source-serif-4-latin-400-normal.woff2'))
    // The print page was hyphenated with the patterns the bundle loads at run time.
    const print = await fs.readFile(path.join(root, '.policy-press-cache/print/en/a.html'), 'utf8')
    expect(print).toContain('vo\u00adlun\u00adteer\u00ading')
    const info = (await run('pdfinfo', [path.join(root, 'dist/en/a.pdf')])).stdout
    expect(info).toMatch(/^Title:\s+Volunteering$/m)
    expect(info).toMatch(/^Producer:\s+policy-press \d+\.\d+\.\d+/m)
    const fonts = (await run('pdffonts', [path.join(root, 'dist/en/a.pdf')])).stdout
    expect(fonts).toContain('SourceSerif4')

    const second = await cli(['build', '--root', root])
    expect(second.stdout).toMatch(/^Up to date/)
  })

  it('parses the documents in a worker thread, into the same pages as without one', async () => {
    const files = {
      'documents/a.md': '---\ntitle: Care at home\n---\n\n## Why\n\nSee [the steps](b.md#steps) and [the plan](b.md).\n',
      'documents/b.md': '---\ntitle: Plan\n---\n\n## Steps\n\nLiepāja, Šiauliai and Tartu work with www.example.org.\n',
      'policy-press.config.yaml': 'targets: []\n'
    }
    const bundled = await makeProject(files)
    const sources = await makeProject(files)
    const {stderr} = await cli(['build', '--root', bundled, '--format', 'html'], {DEBUG: 'policy-press:parse'})
    expect(stderr).toContain('2 of 2 files parsed in the worker')
    // The tests' own build runs the TypeScript sources, where no worker starts: every file is parsed in place.
    expect((await runCli(['build', '--root', sources, '--format', 'html'])).code).toBe(0)
    for (const page of ['en/a.html', 'en/b.html', 'index.html']) {
      expect(await fs.readFile(path.join(bundled, 'dist', page), 'utf8')).toBe(await fs.readFile(path.join(sources, 'dist', page), 'utf8'))
    }
    expect(await fs.readFile(path.join(bundled, 'dist/en/a.html'), 'utf8')).toContain('href="b.html#steps"')
  })
})

describe('output piped into a reader that stops early', () => {
  it('ends without a stack trace', async () => {
    const {stderr} = await run('bash', ['-c', `node ${JSON.stringify(bin)} status --format json --root ${JSON.stringify(repoRoot)} | head -c 10 >/dev/null`])
    expect(stderr).toBe('')
  })
})
