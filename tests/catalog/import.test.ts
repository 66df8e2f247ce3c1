/**
 * import on real parallel text: the Universal Declaration of Human Rights in
 * five languages, from the shared corpus beside the repository
 * (../shared/corpus, see its PROVENANCE.md; CI puts it there too).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, msgfmtCheck, repoRoot, runCli} from '../helpers.js'

const corpus = path.resolve(repoRoot, '../shared/corpus/udhr')
const read = (lang: string) => fs.readFile(path.join(corpus, `${lang}.md`), 'utf8')

async function udhrProject(): Promise<string> {
  return makeProject({'documents/udhr.md': `---\ntitle: Universal Declaration of Human Rights\n---\n\n${await read('en')}`})
}

async function status(root: string, lang: string) {
  const run = await runCli(['status', '--root', root, '--lang', lang, '--format', 'json'])
  return JSON.parse(run.stdout).documents[0]
}

describe('import', () => {
  it.each(['de', 'et', 'lv', 'lt'])('imports the %s UDHR block for block, every entry current', async (lang) => {
    // Estonian and Latvian often need half the words of English: a real translation, not a doubtful one.
    const root = await udhrProject()
    const file = path.join(corpus, `${lang}.md`)
    const run = await runCli(['import', '--root', root, '--lang', lang, '--doc', 'udhr', file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/: \d+ current, 0 to check alignment; 0 existing translations kept; 0 mismatches\n$/)
    const po = path.join(root, `translations/${lang}/udhr.po`)
    await msgfmtCheck(po)
    expect(await fs.readFile(po, 'utf8')).not.toMatch(/fuzzy|check alignment/)
    const report = await status(root, lang)
    expect(report.segments.filter((segment: {state: string}) => segment.state !== 'current')).toEqual([])
    expect(report.current).toBe(report.total)
    // Every article heading lands on its own article: the numbers agree.
    for (const segment of report.segments) {
      const article = /^Article (\d+)$/.exec(segment.source)
      if (article) expect(segment.translation).toMatch(new RegExp(`(^|\\D)${article[1]}(\\D|$)`))
    }
  })

  it('aligns around a missing and an extra paragraph and reports both places', async () => {
    const root = await udhrProject()
    const german = (await read('de'))
      .replace(/\n\nJeder hat das Recht auf Leben, Freiheit und Sicherheit der Person\.\n/, '\n')
      .replace('## Artikel 5\n', '## Artikel 5\n\nEin Absatz, den es im Original nicht gibt.\n')
    const file = path.join(root, 'de.md')
    await fs.writeFile(file, german)
    const run = await runCli(['import', '--root', root, '--lang', 'de', '--doc', 'udhr', file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/; 2 mismatches\n$/)
    expect(run.stderr).toMatch(/documents\/udhr\.md\n\d+:1 +warning Missing paragraph in the translation \(de\.md, between lines \d+ and \d+\), expected a block for it +import-missing/)
    expect(run.stderr).toMatch(/de\.md\n\d+:1 +warning Unexpected paragraph with no block in the source \(documents\/udhr\.md, between lines \d+ and \d+\), not imported +import-extra/)
    const report = await status(root, 'de')
    expect(report.missing).toBe(1)
    const bySource = new Map(report.segments.map((segment: {source: string; translation?: string}) => [segment.source, segment.translation]))
    // The articles after the gaps still pair with their own text.
    expect(bySource.get('Article 6')).toBe('Artikel 6')
    expect(bySource.get('Everyone has the right to recognition everywhere as a person before the law.')).toBe('Jeder hat das Recht, überall als rechtsfähig anerkannt zu werden.')
  })

  it('keeps existing translations unless --force', async () => {
    const root = await udhrProject()
    const file = path.join(corpus, 'de.md')
    await runCli(['import', '--root', root, '--lang', 'de', '--doc', 'udhr', file])
    const po = path.join(root, 'translations/de/udhr.po')
    const before = await fs.readFile(po, 'utf8')
    const edited = before.replace('msgstr "Artikel 1"', 'msgstr "Erster Artikel"')
    await fs.writeFile(po, edited)
    const again = await runCli(['import', '--root', root, '--lang', 'de', '--doc', 'udhr', file])
    expect(again.stdout).toContain('1 existing translation kept (--force replaces them)')
    expect(await fs.readFile(po, 'utf8')).toBe(edited)
    const forced = await runCli(['import', '--root', root, '--lang', 'de', '--doc', 'udhr', file, '--force'])
    expect(forced.code).toBe(0)
    expect(await fs.readFile(po, 'utf8')).toBe(before)
  })

  it('rejects a missing --lang, the source language, and an unreadable file', async () => {
    const root = await udhrProject()
    expect((await runCli(['import', '--root', root, '--doc', 'udhr', 'x.md'])).stderr).toContain('Missing `--lang` for `import`')
    const source = await runCli(['import', '--root', root, '--lang', 'en', '--doc', 'udhr', path.join(corpus, 'de.md')])
    expect(source.code).toBe(2)
    expect(source.stderr).toContain('Unexpected source language `en`')
    const missing = await runCli(['import', '--root', root, '--lang', 'de', '--doc', 'udhr', path.join(root, 'nope.md')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Cannot read')
  })
})
