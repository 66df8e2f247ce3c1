/**
 * Bad translation input: a PO file that does not parse is reported at its
 * line and never touched; a PO file for no document is a warning; a language
 * outside the config is bad usage; and a run killed while writing never
 * leaves a half-written PO file.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseCatalog} from '../../src/catalog/po.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const doc = '---\ntitle: A document\n---\n\n## Section\n\nText.\n'
const broken = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Section"\nmsgstr "Abschnitt\n\nmsgid "Text."\nmsgstr "Text."\n'

describe('bad PO input', () => {
  it('reports a malformed PO file at its line and leaves it byte for byte', async () => {
    const root = await makeProject({'documents/a.md': doc, 'translations/de/a.po': broken})
    const po = path.join(root, 'translations/de/a.po')
    const sync = await runCli(['sync', '--root', root])
    expect(sync.code).toBe(1)
    expect(sync.stderr).toMatch(/translations\/de\/a\.po\n6:1 +error Cannot parse PO file: End-of-line within string\. A string spanning multiple lines/)
    expect(await fs.readFile(po, 'utf8')).toBe(broken)
    // The other languages are still synced.
    await fs.access(path.join(root, 'translations/et/a.po'))
    const status = await runCli(['status', '--root', root])
    expect(status.code).toBe(2)
    expect(status.stderr).toContain('Cannot parse PO file')
    const build = await runCli(['build', '--format', 'html', '--root', root])
    expect(build.code).toBe(1)
    expect(await fs.readFile(po, 'utf8')).toBe(broken)
  })

  it.each([
    ['a file cut off inside a string', 'msgid ""\nmsgstr ""\n\nmsgid "Section"\nmsgstr "Absch', /^5:1 +error Cannot parse PO file: End-of-file within string/m],
    ['an entry without msgstr', 'msgid ""\nmsgstr ""\n\nmsgid "Section"\n', /^4:1 +error Cannot parse PO file: Translation string range error: Extected 1 msgstr definitions associated with "Section"/m],
    ['a msgid twice', 'msgid ""\nmsgstr ""\n\nmsgid "Text."\nmsgstr "Text."\n\nmsgid "Text."\nmsgstr "Text!"\n', /^7:1 +error Cannot parse PO file: Duplicate msgid error: entry "Text\." in "" context has already been declared/m]
  ])('reports %s, as msgfmt does, and leaves it as it was', async (_, text, message) => {
    const root = await makeProject({'documents/a.md': doc, 'translations/de/a.po': text})
    const check = await runCli(['check', '--root', root])
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(message)
    expect(await fs.readFile(path.join(root, 'translations/de/a.po'), 'utf8')).toBe(text)
  })

  it('warns about a PO file for a document that does not exist', async () => {
    const root = await makeProject({'documents/a.md': doc, 'translations/lv/gone.po': 'msgid ""\nmsgstr ""\n'})
    const run = await runCli(['status', '--root', root])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('translations/lv/gone.po\n1:1 warning Unexpected PO file for unknown document `gone`, expected one of `a` unknown-document')
  })

  it('rejects a language that is not in the config', async () => {
    const root = await makeProject({'documents/a.md': doc, 'policy-press.config.yaml': 'targets: [de]\n'})
    for (const command of ['sync', 'status']) {
      const run = await runCli([command, '--root', root, '--lang', 'lv'])
      expect(run.code).toBe(2)
      expect(run.stderr).toBe('policy-press: Unknown language `lv`, expected one of `en`, `de`\n')
    }
  })

  it('rejects a PO file written by a newer segmentation', async () => {
    const root = await makeProject({'documents/a.md': doc, 'translations/de/a.po': 'msgid ""\nmsgstr ""\n"X-Policy-Press-Segmentation: 99\\n"\n'})
    const run = await runCli(['sync', '--root', root, '--lang', 'de'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Unexpected segmentation version 99, expected 1 or older')
  })

  it('never leaves a half-written PO file when sync is killed', async () => {
    // A long document, so that writing takes a while; every run changes every entry.
    const paragraphs = (round: number) => Array.from({length: 3000}, (_, index) => `Paragraph ${index} of round ${round} with some words to make it long enough.`).join('\n\n')
    const root = await makeProject({'documents/a.md': `---\ntitle: Long\n---\n\n${paragraphs(0)}\n`, 'policy-press.config.yaml': 'targets: [de]\n'})
    const po = path.join(root, 'translations/de/a.po')
    const bin = path.join(repoRoot, 'bin/policy-press.js')
    const syncOnce = (killAfter?: number) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [bin, 'sync', '--root', root, '--quiet'], {stdio: 'ignore'})
        const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter)
        child.on('exit', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    await syncOnce()
    let previous = await fs.readFile(po, 'utf8')
    for (const [round, delay] of [200, 350, 500, 650, 800, 950].entries()) {
      await fs.writeFile(path.join(root, 'documents/a.md'), `---\ntitle: Long\n---\n\n${paragraphs(round + 1)}\n`)
      await syncOnce(delay)
      const now = await fs.readFile(po, 'utf8')
      // Either the old file, whole, or a new one that parses completely.
      if (now !== previous) {
        const catalog = parseCatalog(now, new VFile())
        expect(catalog?.entries.length).toBe(3001)
      }
      previous = now
    }
  }, 120_000)
})
