/**
 * PO files parsed and merged in worker threads (src/catalog/merge-pool.ts):
 * the first 16 files of a run are examined in place, the rest in workers,
 * so a project of 12 documents × 2 languages has both; documents that
 * differ only in a name must get the same report and the same PO file
 * wherever they were examined, and a broken file the same message.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, msgfmtCheck, runCli, translateAll} from '../helpers.js'

const names = Array.from({length: 12}, (_, index) => `Name${index}`)
const document = (name: string) =>
  `---\ntitle: ${name}\n---\n\nThe ${name} council funds social services in rural municipalities.\n\nApplications for the ${name} fund are checked within six weeks.\n\n- Reports on ${name} are due every quarter.\n`

/** A report or PO file with the document's name made neutral, to compare documents. */
const neutral = (text: string, index: number) => text.replaceAll(`Name${index}`, 'NAME').replaceAll(`doc-${index}`, 'doc-N')

describe('the merge pool', () => {
  it('gives the same PO files, reports and messages from workers as in place', async () => {
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: [de, et]\n',
      ...Object.fromEntries(names.map((name, index) => [`documents/doc-${index}.md`, document(name)]))
    })
    const sync = await runCli(['sync', '--root', root], root, {DEBUG: 'policy-press:merge-pool'})
    expect(sync.code, sync.stderr).toBe(0)
    expect(sync.stdout).toContain('24 created')
    expect(sync.stderr).toMatch(/ 8 files examined in workers/)
    const po = (lang: string, index: number) => path.join(root, `translations/${lang}/doc-${index}.po`)
    const first = neutral(await fs.readFile(po('de', 0), 'utf8'), 0)
    for (const [index] of names.entries()) {
      expect(neutral(await fs.readFile(po('de', index), 'utf8'), index)).toBe(first)
      expect(neutral(await fs.readFile(po('et', index), 'utf8'), index)).toBe(first.replace('Language: de', 'Language: et'))
    }
    await msgfmtCheck(po('et', 11))

    // Every German file translated, the English of each document changed: stale with a diff everywhere.
    for (const [index] of names.entries()) await translateAll(po('de', index))
    for (const [index, name] of names.entries()) await fs.writeFile(path.join(root, `documents/doc-${index}.md`), document(name).replace('six weeks', 'four weeks'))
    await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true})
    const json = await runCli(['status', '--root', root, '--format', 'json'], root, {DEBUG: 'policy-press:merge-pool'})
    expect(json.stderr).toMatch(/ 8 files examined in workers/)
    const report = JSON.parse(json.stdout) as {documents: Array<{doc: string; lang: string; stale: number}>}
    // Documents come in the order of their names: doc-0, doc-1, doc-10, doc-11, doc-2, …, doc-9 (in workers: doc-8 and doc-9).
    expect(report.documents).toHaveLength(24)
    const expected = report.documents.slice(0, 2).map((item) => neutral(JSON.stringify(item), 0))
    for (let at = 0; at < 24; at += 2) {
      const index = Number(report.documents[at]!.doc.slice('doc-'.length))
      expect(report.documents.slice(at, at + 2).map((item) => neutral(JSON.stringify(item), index))).toEqual(expected)
    }
    expect(report.documents.at(-2)).toMatchObject({doc: 'doc-9', lang: 'de', stale: 1})

    // A broken file: the same message at the same place, in place (the first document) or in a worker (the last, doc-9).
    const broken = 'msgid ""\nmsgstr ""\n"Language: et\\n"\n\nmsgid "A"\nmsgstr "open\n'
    await fs.writeFile(po('et', 0), broken)
    await fs.writeFile(po('et', 9), broken)
    await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true})
    const run = await runCli(['status', '--root', root, '--no-color'])
    expect(run.code).toBe(2)
    const message = (index: number) => new RegExp(`translations/et/doc-${index}\\.po\\n\\s*(\\d+:\\d+\\s+error\\s+Cannot parse PO file[^\\n]*po-syntax)`).exec(run.stderr)?.[1]
    expect(message(0)).toMatch(/^6:1\s/)
    expect(message(9)).toBe(message(0))
  })
})
