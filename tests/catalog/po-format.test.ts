/**
 * PO files as GNU gettext writes them: `msgcat` (which rewrites a file in
 * gettext's own layout) changes no byte of what we write, and `msgfmt -c`
 * says nothing at all about it. The texts are plain prose: gettext 0.21
 * (Debian's) and gettext 1.0 (whose line breaking gettext-parser ports)
 * break differently at a few Unicode rules, such as a quote before `(`.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseCatalog, serializeCatalog, writeCatalog, type Catalog, type CatalogEntry} from '../../src/catalog/po.js'
import {makeProject, repoRoot, runCli, translateAll} from '../helpers.js'

const run = promisify(execFile)

const entry = (fields: Partial<CatalogEntry> & {msgid: string}): CatalogEntry => ({
  msgstr: '',
  fuzzy: false,
  previous: undefined,
  references: [],
  extracted: '',
  translator: '',
  flags: [],
  line: 0,
  ...fields
})

const long = 'Rural municipalities struggle to fund social services for older people, and they ask the region for help with the costs of care.'

const catalog: Catalog = {
  headers: {
    'Project-Id-Version': 'doc',
    'PO-Revision-Date': '2026-01-01 00:00+0000',
    'Last-Translator': 'Anna Translator <anna@example.org>',
    'Language-Team': 'German',
    Language: 'de',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Policy-Press-Source-Language': 'en'
  },
  entries: [
    entry({msgid: 'Funding', msgstr: 'Finanzierung', extracted: 'title', references: ['documents/doc.md:2'], translator: 'checked with the team\n\nagain'}),
    entry({
      msgid: long.replace('Rural', 'Remote'),
      msgstr: 'Ländliche Gemeinden können soziale Dienste für ältere Menschen kaum finanzieren und bitten die Region um Hilfe bei den Kosten.',
      fuzzy: true,
      previous: long,
      extracted: 'paragraph · Why funding matters',
      references: ['documents/doc.md:7', 'documents/doc.md:9', 'documents/doc.md:12', 'documents/doc.md:14', 'documents/doc.md:16']
    }),
    entry({msgid: 'Line one\nline two, with "quotes" and a \\ backslash and a tab\there.', msgstr: 'Zeile eins\nZeile zwei', extracted: 'table cell'}),
    entry({msgid: `${long} ${long}`, msgstr: '', flags: ['no-wrap'], extracted: 'paragraph'})
  ],
  obsolete: [entry({msgid: `Old ${long}`, msgstr: `Alt ${long}`})]
}

describe('PO files as gettext writes them', () => {
  it('are what msgcat makes of them, byte for byte', async () => {
    const root = await makeProject({})
    const file = path.join(root, 'doc.po')
    const text = serializeCatalog(catalog)
    await fs.writeFile(file, text)
    const {stdout} = await run('msgcat', [file])
    expect(text).toBe(stdout)
    // The previous source is wrapped as gettext wraps a msgid, its `#| ` prefix taking room on each line.
    expect(text).toContain('#| msgid ""\n#| "Rural municipalities struggle to fund social services for older people, "\n#| "and they ask the region for help with the costs of care."\n')
    expect(parseCatalog(text, new VFile())!.entries.map((item) => item.previous)).toEqual([undefined, long, undefined, undefined])
  })

  it('pass msgfmt -c without a word, as written by sync and after translation', async () => {
    const root = await makeProject({'documents/doc.md': `---\ntitle: Funding\n---\n\n${long}\n`, 'policy-press.config.yaml': 'targets: [de]\n'})
    expect((await runCli(['sync', '--root', root])).code).toBe(0)
    const po = path.join(root, 'translations/de/doc.po')
    const checked = await run('msgfmt', ['-c', '-o', '/dev/null', po])
    expect(checked.stderr).toBe('')
    await translateAll(po)
    expect((await run('msgfmt', ['-c', '-o', '/dev/null', po])).stderr).toBe('')
    const {stdout} = await run('msgcat', [po])
    expect(await fs.readFile(po, 'utf8')).toBe(stdout)
  })

  it('in the repository pass msgfmt -c without a word and are as msgcat writes them but for line breaks', async () => {
    const folder = path.join(repoRoot, 'translations')
    for (const lang of await fs.readdir(folder)) {
      for (const name of (await fs.readdir(path.join(folder, lang)).catch(() => [])).filter((item) => item.endsWith('.po'))) {
        const file = path.join(folder, lang, name)
        expect((await run('msgfmt', ['-c', '-o', '/dev/null', file])).stderr).toBe('')
        // Debian's gettext 0.21 breaks a few lines elsewhere than gettext 1.0 does: compare all but where lines break.
        const joined = (text: string) => text.replace(/"\n(#[~|]* )?"/g, '')
        expect(joined(await fs.readFile(file, 'utf8'))).toBe(joined((await run('msgcat', [file])).stdout))
      }
    }
  })

  it('are dated when a translation changes, and left alone when none does', async () => {
    const root = await makeProject({})
    const file = path.join(root, 'doc.po')
    const before = serializeCatalog(catalog)
    await fs.writeFile(file, before)
    const now = new Date('2026-03-04T05:06:07Z')
    // The same translations, in memory anew: no byte changes.
    expect(await writeCatalog(file, parseCatalog(before, new VFile())!, before, {now})).toBe(false)
    const edited = parseCatalog(before, new VFile())!
    edited.entries[1]!.fuzzy = false
    expect(await writeCatalog(file, edited, before, {now})).toBe(true)
    const text = await fs.readFile(file, 'utf8')
    expect(text).toContain('"PO-Revision-Date: 2026-03-04 05:06+0000\\n"')
    expect(text).toContain('"Last-Translator: Anna Translator <anna@example.org>\\n"')
    // Sync follows the source: never dated.
    const followed = parseCatalog(text, new VFile())!
    followed.entries.push(entry({msgid: 'New paragraph.'}))
    await writeCatalog(file, followed, text, {now: new Date('2027-01-01T00:00:00Z'), translated: false})
    expect(await fs.readFile(file, 'utf8')).toContain('"PO-Revision-Date: 2026-03-04 05:06+0000\\n"')
  })
})
