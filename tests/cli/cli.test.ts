/**
 * The command line end to end, in-process: help and errors are compared whole
 * with golden files in tests/fixtures/cli/ (`UPDATE=1` rewrites them); bad
 * input must give a positioned message, the right exit code, and leave the
 * other documents built.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {golden, makeProject, repoRoot, runCli} from '../helpers.js'

const goldenDir = path.join(repoRoot, 'tests/fixtures/cli')
const good = '---\ntitle: Good document\n---\n\n## Text\n\nFine.\n'

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false
  )
}

describe('usage', () => {
  it('prints help from the flag table', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(await golden(path.join(goldenDir, 'help.txt'), run.stdout))
  })

  it('prints help for a command', async () => {
    const run = await runCli(['build', '--format', 'html', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(await golden(path.join(goldenDir, 'help-build.txt'), run.stdout))
  })

  it('prints the version of package.json', async () => {
    const run = await runCli(['--version'])
    const pkg = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8'))
    expect(run).toEqual({code: 0, stdout: `${pkg.version}\n`, stderr: ''})
  })

  it.each([
    [['frobnicate'], 'Unknown command `frobnicate`'],
    [['build', '--format', 'html', '--frob'], "Unknown option '--frob'"],
    [['build', '--format', 'docx'], 'Unexpected `docx` for `--format`'],
    [['build', '--format', 'html', 'extra'], 'Unexpected argument `extra`'],
    [['config-schema', '--lang', 'de'], 'Unexpected flag `--lang` for `config-schema`'],
    [[], 'Missing command']
  ])('rejects %j with exit code 2', async (argv, message) => {
    const run = await runCli(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('policy-press --help')
  })

  it('rejects an unknown language or document', async () => {
    const root = await makeProject({'documents/a.md': good})
    const lang = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'fr'])
    expect(lang.code).toBe(2)
    expect(lang.stderr).toBe('policy-press: Unknown language `fr`, expected one of `en`, `de`, `et`, `lv`, `lt`\n')
    const doc = await runCli(['build', '--format', 'html', '--root', root, '--doc', 'b'])
    expect(doc.code).toBe(2)
    expect(doc.stderr).toBe('policy-press: Unknown document `b`, expected one of `a`\n')
  })

  it('rejects a root that does not exist', async () => {
    const run = await runCli(['build', '--format', 'html', '--root', '/nonexistent/policy-press'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Cannot find the folder `/nonexistent/policy-press`')
  })
})

describe('build with defaults', () => {
  it('builds a folder that has only documents/', async () => {
    const root = await makeProject({'documents/only.md': good})
    const run = await runCli(['build', '--format', 'html', '--root', root])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    for (const lang of ['en', 'de', 'et', 'lv', 'lt']) {
      const html = await fs.readFile(path.join(root, `dist/${lang}/only.html`), 'utf8')
      expect(html).toContain(`<html lang="${lang}">`)
    }
    expect(await exists(path.join(root, 'dist/index.html'))).toBe(true)
    expect(await exists(path.join(root, 'dist/assets/fonts/source-serif-4-latin-ext-400-normal.woff2'))).toBe(true)
  })

  it('honours --out, --lang and --doc', async () => {
    const root = await makeProject({'documents/a.md': good, 'documents/b.md': good})
    const run = await runCli(['build', '--format', 'html', '--root', root, '--out', 'site', '--lang', 'en,lv', '--doc', 'b'], root)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^Built 1 document × 2 languages: 2 pages and the index, 0 PDFs/)
    expect(await exists(path.join(root, 'site/lv/b.html'))).toBe(true)
    expect(await exists(path.join(root, 'site/de/b.html'))).toBe(false)
    expect(await exists(path.join(root, 'site/en/a.html'))).toBe(false)
  })

  it('does nothing on a rebuild with no change, but repeats the warnings', async () => {
    const root = await makeProject({'documents/a.md': '---\ntitle: A\n---\n\nSee [b](b.md).\n'})
    const first = await runCli(['build', '--format', 'html', '--root', root])
    expect(first.stderr).toContain('Cannot find document `b.md`')
    const before = (await fs.stat(path.join(root, 'dist/en/a.html'))).mtimeMs
    const again = await runCli(['build', '--format', 'html', '--root', root])
    expect(again.stdout).toMatch(/^Up to date/)
    expect(again.stderr).toBe(first.stderr)
    expect((await fs.stat(path.join(root, 'dist/en/a.html'))).mtimeMs).toBe(before)
  })

  it('rebuilds when a document changes or an output is gone, writing only what changed', async () => {
    const root = await makeProject({'documents/a.md': good, 'documents/b.md': good})
    await runCli(['build', '--format', 'html', '--root', root])
    await fs.writeFile(path.join(root, 'documents/a.md'), good.replace('Fine.', 'Changed.'))
    const changed = await runCli(['build', '--format', 'html', '--root', root])
    // Only `a` is written again: its page in five languages and its review page in four.
    expect(changed.stdout).toMatch(/\(9 files written, \d+ unchanged\)/)
    expect(await fs.readFile(path.join(root, 'dist/lt/a.html'), 'utf8')).toContain('Changed.')
    await fs.rm(path.join(root, 'dist/de/b.html'))
    const repaired = await runCli(['build', '--format', 'html', '--root', root])
    expect(repaired.stdout).toMatch(/\(1 file written, \d+ unchanged\)/)
    const forced = await runCli(['build', '--format', 'html', '--root', root, '--force'])
    expect(forced.stdout).toMatch(/^Built 2 documents × 5 languages: 10 pages/)
  })
})

describe('progress', () => {
  it('shows a progress line on a terminal, plain lines in CI, and nothing with --quiet', async () => {
    const root = await makeProject(Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((slug) => [`documents/${slug}.md`, good])))
    // A terminal cannot be given to a child process here: the shipped bundle's main() runs in-process instead.
    const {main} = await import(pathToFileURL(path.join(repoRoot, 'lib/policy-press.js')).href)
    const runOn = async (argv: string[], env: Record<string, string>) => {
      let stderr = ''
      await main(argv, {stdout: {write: () => true}, stderr: {write: (chunk: string) => (stderr += chunk), isTTY: true}, cwd: root, env})
      return stderr
    }
    const tty = await runOn(['build', '--format', 'html', '--root', root, '--force'], {})
    expect(tty).toContain('Building: pages ')
    expect(tty.endsWith('\r\u001B[K')).toBe(true)
    const ci = await runOn(['build', '--format', 'html', '--root', root, '--force'], {CI: 'true'})
    expect(ci).toMatch(/^(Building: pages \d+\/25\n)+$/)
    expect(ci).toContain('Building: pages 25/25\n')
    expect(await runOn(['build', '--format', 'html', '--root', root, '--force', '--quiet'], {})).toBe('')
  })
})

describe('bad input', () => {
  /** Build `files`, then compare exit code and messages with a golden file. */
  async function buildBad(name: string, files: Record<string, string>, setup?: (root: string) => Promise<void>) {
    const root = await makeProject({'documents/good.md': good, ...files})
    await setup?.(root)
    const run = await runCli(['build', '--format', 'html', '--root', root])
    const report = `exit ${run.code}\n${run.stderr}`
    expect(report).toBe(await golden(path.join(goldenDir, `${name}.txt`), report))
    return {root, run}
  }

  it('broken YAML in front matter: positioned error, exit 1, others built', async () => {
    const {root, run} = await buildBad('broken-yaml', {'documents/bad.md': '---\ntitle: A\nsummary: [unclosed\n---\n\nText.\n'})
    expect(run.code).toBe(1)
    expect(await exists(path.join(root, 'dist/en/good.html'))).toBe(true)
    expect(await exists(path.join(root, 'dist/en/bad.html'))).toBe(false)
  })

  it('missing title: positioned error, exit 1, others built', async () => {
    const {root, run} = await buildBad('missing-title', {'documents/bad.md': '---\nsubtitle: No title here\n---\n\nText.\n'})
    expect(run.code).toBe(1)
    expect(await exists(path.join(root, 'dist/de/good.html'))).toBe(true)
  })

  it('no front matter at all: error, exit 1', async () => {
    const {run} = await buildBad('no-front-matter', {'documents/bad.md': '## Just text\n'})
    expect(run.code).toBe(1)
  })

  it('wrong types in front matter: each key named at its place', async () => {
    const {run} = await buildBad('front-matter-types', {
      'documents/bad.md': '---\ntitle: T\ntype: white-paper\nversion: 1.0\ndate: 23 May 2025\nauthors:\n  - name: A\n    role: x\n---\n\nText.\n'
    })
    expect(run.code).toBe(1)
  })

  it('an unreadable file: error, exit 1, others built', async () => {
    const {root, run} = await buildBad('unreadable', {}, async (root) => {
      await fs.symlink(path.join(root, 'nowhere.md'), path.join(root, 'documents/broken.md'))
    })
    expect(run.code).toBe(1)
    expect(await exists(path.join(root, 'dist/lt/good.html'))).toBe(true)
  })

  it('a link to a missing document: positioned warning, exit 0', async () => {
    const {root, run} = await buildBad('missing-document', {'documents/links.md': '---\ntitle: L\n---\n\nSee [the plan](plan.md) and [ok](good.md#text).\n'})
    expect(run.code).toBe(0)
    expect(await fs.readFile(path.join(root, 'dist/de/links.html'), 'utf8')).toContain('<a href="good.html#text">ok</a>')
  })

  it('an unknown config key: exit 2, key and place named', async () => {
    const {run} = await buildBad('config-unknown-key', {'policy-press.config.yaml': 'source: en\nsite:\n  title: Publications\n  colour: blue\n'})
    expect(run.code).toBe(2)
  })

  it('a wrong type in config: exit 2, key path and expectation named', async () => {
    const {run} = await buildBad('config-wrong-type', {'policy-press.config.yaml': 'targets: de\npdf:\n  paper: A5\n'})
    expect(run.code).toBe(2)
  })

  it('broken YAML in config: exit 2', async () => {
    const {run} = await buildBad('config-broken-yaml', {'policy-press.config.yaml': 'source: en\ntargets: [de, et\n'})
    expect(run.code).toBe(2)
  })
})

describe('outcomes that read true', () => {
  it('a build where every document failed says it failed, not what it built', async () => {
    const root = await makeProject({'documents/a.md': '## No front matter\n', 'documents/b.md': '---\ntitle: [broken\n---\n'})
    const run = await runCli(['build', '--format', 'html', '--root', root])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.endsWith('Build failed: 2 errors in 2 documents\n')).toBe(true)
  })

  it('--strict reports a passage missing in several languages once, naming them', async () => {
    const root = await makeProject({'documents/a.md': '---\ntitle: A\n---\n\nFirst.\n\nSecond.\n'})
    const run = await runCli(['build', '--format', 'html', '--root', root, '--strict'])
    expect(run.code).toBe(1)
    const missing = run.stderr.split('\n').filter((line) => line.includes('Missing translation'))
    // The title and two paragraphs: three passages, each once, for the four target languages.
    expect(missing).toHaveLength(3)
    for (const line of missing) expect(line).toContain('Missing translation into `de`, `et`, `lv`, `lt`, expected a current one in a strict build')
    expect(run.stderr).toContain('Build failed: 3 errors in 1 document\n')
  })

  it('a folder without documents/ is an error that names it, and nothing is written', async () => {
    const root = await makeProject({'notes.txt': 'not a project\n'})
    for (const command of ['build', 'status', 'sync', 'check']) {
      const run = await runCli([command, '--root', root])
      expect(run.code, command).toBe(2)
      expect(run.stderr).toBe(`policy-press: Cannot find the folder \`documents/\` in \`${root}\`, expected the Markdown documents of a project there (\`policy-press init\` starts one)\n`)
    }
    expect(await fs.readdir(root)).toEqual(['notes.txt'])
  })

  it('a build of one document or language, or one whose document fails, leaves the index whole', async () => {
    const root = await makeProject({'documents/a.md': good, 'documents/b.md': good.replace('Good document', 'Other document')})
    expect((await runCli(['build', '--format', 'html', '--root', root])).code).toBe(0)
    const index = await fs.readFile(path.join(root, 'dist/index.html'), 'utf8')
    expect(index).toContain('Good document')
    expect(index).toContain('Other document')
    for (const subset of [['--doc', 'a'], ['--lang', 'de'], ['--doc', 'b', '--lang', 'en,lt']]) {
      expect((await runCli(['build', '--format', 'html', '--root', root, ...subset])).code).toBe(0)
      expect(await fs.readFile(path.join(root, 'dist/index.html'), 'utf8'), subset.join(' ')).toBe(index)
    }
    // A document that fails keeps its last good pages, and its place in the index.
    await fs.writeFile(path.join(root, 'documents/a.md'), '---\ntitle: [broken\n---\n')
    const failed = await runCli(['build', '--format', 'html', '--root', root, '--doc', 'a'])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('Build failed: 1 error in 1 document')
    expect(await fs.readFile(path.join(root, 'dist/index.html'), 'utf8')).toBe(index)
    expect(await fs.readFile(path.join(root, 'dist/de/a.html'), 'utf8')).toContain('Good document')
    const all = await runCli(['build', '--format', 'html', '--root', root])
    expect(all.code).toBe(1)
    expect(await fs.readFile(path.join(root, 'dist/index.html'), 'utf8')).toBe(index)
  })
})
