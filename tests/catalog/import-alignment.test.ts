/**
 * import where the translation's blocks do not match the source's one to
 * one: the UDHR (../shared/corpus) and its table variant with one block taken
 * out at each position class, a list whose inline markup says where a
 * missing item was, and a pairing the aligner cannot be sure of.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Nodes} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {tableVariant} from '../../bench/align-corpus.js'
import {parseCatalog} from '../../src/catalog/po.js'
import {markdownParser} from '../../src/markdown/parser.js'
import {collectDefinitions} from '../../src/segments/inline-markdown.js'
import {blockSegments, segmentText} from '../../src/segments/segment.js'
import {makeProject, msgfmtCheck, repoRoot, runCli} from '../helpers.js'

const corpus = path.resolve(repoRoot, '../shared/corpus/udhr')
const read = (lang: string) => fs.readFile(path.join(corpus, `${lang}.md`), 'utf8')

type Position = 'first' | 'middle' | 'last' | 'list' | 'table'

/** The block at a position class, by its index among the translatable blocks. */
function blockAt(markdown: string, position: Position) {
  const segments = blockSegments([markdownParser.parse(markdown)])
  const middleOf = (indexes: number[]) => indexes[Math.floor(indexes.length / 2)]!
  const index =
    position === 'first'
      ? 0
      : position === 'last'
        ? segments.length - 1
        : position === 'middle'
          ? Math.floor(segments.length / 2)
          : middleOf(segments.flatMap((segment, at) => (segment.kind === (position === 'list' ? 'list item' : 'table cell') ? [at] : [])))
  return {index, segment: segments[index]!}
}

/** The translation with one block taken out: a list item, a heading or paragraph with its line, a table cell emptied. */
function remove(markdown: string, position: Position): {text: string; index: number} {
  const {index, segment} = blockAt(markdown, position)
  const node = (segment.kind === 'list item' ? segment.parent : segment.target.node) as Nodes
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  if (segment.kind === 'table cell') return {text: `${markdown.slice(0, start)}|   |${markdown.slice(end)}`, index}
  return {text: markdown.slice(0, start) + markdown.slice(end).replace(/^\n\n?/, ''), index}
}

async function importInto(source: string, translation: string, lang: string) {
  // The title is the `#` heading's text: one entry for both, so the translation's heading fills it.
  const title = /^# (.*)$/m.exec(source)![1]!
  const root = await makeProject({'documents/doc.md': `---\ntitle: ${JSON.stringify(title)}\n---\n\n${source}`, [`${lang}.md`]: translation})
  const run = await runCli(['import', '--root', root, '--lang', lang, '--doc', 'doc', path.join(root, `${lang}.md`)])
  expect(run.code, run.stderr).toBe(0)
  const po = path.join(root, `translations/${lang}/doc.po`)
  await msgfmtCheck(po)
  const text = await fs.readFile(po, 'utf8')
  return {root, run, po: text, catalog: parseCatalog(text, new VFile())!}
}

async function status(root: string, lang: string, format = 'json') {
  const run = await runCli(['status', '--root', root, '--lang', lang, '--format', format])
  return format === 'json' ? JSON.parse(run.stdout).documents[0] : run.stdout
}

describe('import with a block missing', () => {
  const cases = ['de', 'et', 'lv', 'lt'].flatMap((lang) => (['first', 'middle', 'last', 'list', 'table'] as const).map((position) => [lang, position] as const))
  it.each(cases)('%s, %s: every other block keeps its own translation', async (lang, position) => {
    const variant = position === 'table' ? tableVariant : (text: string) => text
    const source = variant(await read('en'))
    const whole = variant(await read(lang))
    const {text, index} = remove(whole, position)
    const reference = await importInto(source, whole, lang)
    const damaged = await importInto(source, text, lang)
    expect(damaged.run.stdout).toMatch(/; 1 mismatch\n$/)
    const tree = markdownParser.parse(source)
    const missing = segmentText(blockSegments([tree])[index]!, collectDefinitions(tree))
    for (const [at, entry] of damaged.catalog.entries.entries()) {
      if (entry.msgid === missing) expect(entry.msgstr).toBe('')
      else expect(entry.msgstr, entry.msgid).toBe(reference.catalog.entries[at]!.msgstr)
    }
    // Far from the gap nothing is in doubt; nothing is ever reported stale.
    const report = await status(damaged.root, lang)
    expect(report.stale).toBe(0)
    expect(report.missing).toBe(1)
    expect(report.checkAlignment).toBeLessThanOrEqual(3)
  })
})

describe('import with inline structure as evidence', () => {
  it('puts the gap of a missing list item where the bold lead words say', async () => {
    // The translation of item 1 is long and that of item 3 short: by length alone, item 1 is the one missing.
    const source = [
      '# Funding rules',
      '',
      '- **Scope.** These rules cover every grant.',
      '- Applications are checked by two officers of the managing authority within six weeks of receipt.',
      '- Reports are due every quarter.',
      ''
    ].join('\n')
    const translation = [
      '# Förderregeln',
      '',
      '- **Geltungsbereich.** Diese Regeln gelten für jeden Zuschuss, den der Regionalfonds der Ostseeregion auszahlt.',
      '- Berichte sind vierteljährlich fällig.',
      ''
    ].join('\n')
    const {root, catalog} = await importInto(source, translation, 'de')
    const byId = new Map(catalog.entries.map((entry) => [entry.msgid, entry]))
    expect(byId.get('**Scope.** These rules cover every grant.')!.msgstr).toBe('**Geltungsbereich.** Diese Regeln gelten für jeden Zuschuss, den der Regionalfonds der Ostseeregion auszahlt.')
    expect(byId.get('Applications are checked by two officers of the managing authority within six weeks of receipt.')!.msgstr).toBe('')
    expect(byId.get('Reports are due every quarter.')!.msgstr).toBe('Berichte sind vierteljährlich fällig.')
    // The skeleton leaves no doubt about the item with the bold lead word.
    const report = await status(root, 'de')
    expect(report.segments.find((segment: {source: string}) => segment.source.startsWith('**Scope.**')).state).toBe('current')
  })

  it('marks a pairing it cannot be sure of for an alignment check, never as stale', async () => {
    // Three plain items of about the same length, one missing: nothing says which.
    const source = ['# Meetings', '', '- The board meets in spring.', '- The board meets in autumn.', '- The board meets in winter.', ''].join('\n')
    const translation = ['# Sitzungen', '', '- Der Vorstand tagt im Frühjahr.', '- Der Vorstand tagt im Winter.', ''].join('\n')
    const {root, run, po} = await importInto(source, translation, 'de')
    expect(run.stdout).toMatch(/: \d+ current, [1-9]\d* to check alignment; 0 existing translations kept; 1 mismatch\n$/)
    expect(po).toMatch(/# policy-press: check alignment\n(#[.:] .*\n)*#, fuzzy\nmsgid "/)
    expect(po).not.toContain('#| msgid')
    const report = await status(root, 'de')
    expect(report.stale).toBe(0)
    expect(report.checkAlignment).toBeGreaterThan(0)
    const checks = report.segments.filter((segment: {state: string}) => segment.state === 'check alignment')
    expect(checks.length).toBe(report.checkAlignment)
    for (const segment of checks) expect(segment.translation).toMatch(/^Der Vorstand tagt/)
    expect(checks.every((segment: {previousSource?: string}) => segment.previousSource === undefined)).toBe(true)
    const text = await status(root, 'de', 'text')
    expect(text).toMatch(/, \d+ check alignment, 1 missing of 4\)/)
    expect(text).toMatch(/\n {2}check alignment {2}documents\/doc\.md:\d+\n {4}source: {6}The board meets in \w+\.\n {4}translation: Der Vorstand tagt im \S+\.\n/)
    expect(text).not.toMatch(/\bstale\b {2}/)
    // `--fail-on stale` catches translations to check: they are no more confirmed than stale ones.
    expect((await runCli(['status', '--root', root, '--lang', 'de', '--fail-on', 'stale'])).code).toBe(1)
    // Confirming the translation (the translator clears the fuzzy flag) makes it current.
    const file = path.join(root, 'translations/de/doc.po')
    await fs.writeFile(file, po.replace(/#, fuzzy\n/g, ''))
    expect((await status(root, 'de')).checkAlignment).toBe(0)
  })

  it('imports a paragraph the translation split in two joined, and two it joined on the first, both to check', async () => {
    const source = [
      '# Rest',
      '',
      'Everyone has the right to rest and leisure, including reasonable limitation of working hours and periodic holidays with pay.',
      '',
      '## Duties',
      '',
      'Everyone has duties to the community in which alone the free and full development of his personality is possible.',
      '',
      'These rights may in no case be exercised contrary to the purposes and principles of the United Nations.',
      ''
    ].join('\n')
    const translation = [
      '# Erholung',
      '',
      'Jeder hat das Recht auf Erholung und Freizeit.',
      '',
      'Dazu gehören eine vernünftige Begrenzung der Arbeitszeit und regelmäßiger bezahlter Urlaub.',
      '',
      '## Pflichten',
      '',
      'Jeder hat Pflichten gegenüber der Gemeinschaft, in der allein die freie und volle Entfaltung seiner Persönlichkeit möglich ist, und diese Rechte dürfen in keinem Fall im Widerspruch zu den Zielen und Grundsätzen der Vereinten Nationen ausgeübt werden.',
      ''
    ].join('\n')
    const {root, run, catalog} = await importInto(source, translation, 'de')
    expect(run.stdout).toMatch(/; 2 mismatches\n$/)
    expect(run.stderr).toMatch(/de\.md\n5:1 +warning Unexpected second paragraph for the paragraph at `documents\/doc\.md:\d+`, expected one block; imported joined to the paragraph at line 3, to check +import-split/)
    expect(run.stderr).toMatch(/\n9:1 +warning Unexpected paragraph for two source blocks \(`documents\/doc\.md:\d+` and line \d+\), expected one for each; imported on the first, to check +import-merged/)
    const byId = new Map(catalog.entries.map((entry) => [entry.msgid, entry]))
    const rest = byId.get('Everyone has the right to rest and leisure, including reasonable limitation of working hours and periodic holidays with pay.')!
    expect(rest.msgstr).toBe('Jeder hat das Recht auf Erholung und Freizeit. Dazu gehören eine vernünftige Begrenzung der Arbeitszeit und regelmäßiger bezahlter Urlaub.')
    expect(rest.translator).toBe('policy-press: check alignment')
    expect(byId.get('Everyone has duties to the community in which alone the free and full development of his personality is possible.')!.msgstr).toMatch(/^Jeder hat Pflichten .* ausgeübt werden\.$/)
    expect(byId.get('These rights may in no case be exercised contrary to the purposes and principles of the United Nations.')!.msgstr).toBe('')
    const report = await status(root, 'de')
    expect([report.current, report.checkAlignment, report.missing, report.stale]).toEqual([2, 2, 1, 0])
  })
})
