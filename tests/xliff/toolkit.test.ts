/**
 * XLIFF against a reader and writer we did not write: translate-toolkit, the
 * library behind Weblate and Pootle (Debian's `translate-toolkit`, which
 * scripts/setup.sh installs; without it these tests fail, they never skip).
 * It must count every reviewed entry of ours as translated and every stale or
 * machine draft as fuzzy, and what it writes (its storage class, as Weblate
 * saves a file, and `pomerge`, after a translator worked in `xliff2po`'s PO
 * file) must come back in with the approvals it carries.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {msgfmtCheck, runCli} from '../helpers.js'
import {exported, fourStates, python} from './project.js'

const run = promisify(execFile)

/** pocount's counts of units: translated, fuzzy, untranslated. */
async function pocount(file: string): Promise<{translated: number; fuzzy: number; untranslated: number}> {
  // eslint-disable-next-line no-control-regex -- pocount colours its output even into a pipe
  const {stdout} = await run('pocount', [file]).then((result) => ({stdout: result.stdout.replace(/\u001B\[[0-9;]*m/g, '')}))
  const count = (label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(stdout)?.[1])
  return {translated: count('Translated'), fuzzy: count('Fuzzy'), untranslated: count('Untranslated')}
}

const entries = async (root: string) =>
  new Map(parseCatalog(await fs.readFile(path.join(root, 'translations/de/doc.po'), 'utf8'), new VFile())!.entries.map((entry) => [entry.msgid.slice(0, 12), entry]))

describe('translate-toolkit reads our XLIFF', () => {
  it('counts reviewed entries as translated and approved, stale and machine drafts as fuzzy', async () => {
    const root = await fourStates()
    const file = await exported(root)
    expect(await pocount(file)).toEqual({translated: 1, fuzzy: 2, untranslated: 2})
    const listed = JSON.parse(
      await python(
        `import sys, json
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
print(json.dumps([[u.source, u.isapproved(), u.isfuzzy(), u.istranslated()] for u in store.units]))`,
        file
      )
    ) as Array<[string, boolean, boolean, boolean]>
    expect(listed).toEqual([
      ['Funding', true, false, true],
      ['Why funding really matters', false, true, false],
      ['Rural municipalities struggle to fund *social services*, see [the plan](https://example.org/plan).', false, false, false],
      ['Reviewed text.', false, true, false],
      ['A & B <c>.', false, false, false]
    ])
    // xliff2po: the same states in a PO file.
    const po = path.join(root, 'xliff2po.po')
    await run('xliff2po', [file, po])
    const converted = parseCatalog(await fs.readFile(po, 'utf8'), new VFile())!
    expect(converted.entries.map((entry) => [entry.msgid.slice(0, 12), entry.msgstr !== '', entry.fuzzy])).toEqual([
      ['Funding', true, false],
      ['Why funding ', true, true],
      ['Rural munici', false, false],
      ['Reviewed tex', true, true],
      ['A & B <c>.', false, false]
    ])
  })
})

describe('translate-toolkit reads our PO files', () => {
  it('po2xliff approves the reviewed entries and leaves the fuzzy ones to review', async () => {
    const root = await fourStates()
    const xlf = path.join(root, 'po2xliff.xlf')
    await run('po2xliff', [path.join(root, 'translations/de/doc.po'), xlf])
    expect(await pocount(xlf)).toEqual({translated: 1, fuzzy: 2, untranslated: 2})
    expect(await pocount(path.join(root, 'translations/de/doc.po'))).toEqual({translated: 1, fuzzy: 2, untranslated: 2})
  })
})

describe('we import what translate-toolkit writes', () => {
  it('as Weblate saves a file: its approvals become reviewed entries, the rest stays fuzzy', async () => {
    const root = await fourStates()
    const file = await exported(root)
    await python(
      `import sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
for unit in store.units:
    if unit.source.startswith('Why'):
        unit.target = 'Warum Finanzierung wirklich zählt'
        unit.markfuzzy(False)
    elif unit.source.startswith('Rural'):
        unit.target = 'Ländliche Gemeinden können *soziale Dienste* kaum finanzieren, siehe [den Plan](https://example.org/plan).'
        unit.markapproved(True)
    elif unit.source.startswith('A &'):
        unit.target = 'A & B <c>!'
        unit.markfuzzy(True)
store.savefile(sys.argv[1])`,
      file
    )
    const imported = await runCli(['import-xliff', '--root', root, file])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toBe('Imported 3 translations (2 reviewed, 1 fuzzy); 0 reviewed entries kept; 0 refused\n')
    const po = await entries(root)
    expect(po.get('Why funding ')).toMatchObject({msgstr: 'Warum Finanzierung wirklich zählt', fuzzy: false, previous: undefined})
    // The tool showed the codes as the Markdown they hold, and the translator wrote Markdown.
    expect(po.get('Rural munici')).toMatchObject({msgstr: 'Ländliche Gemeinden können *soziale Dienste* kaum finanzieren, siehe [den Plan](https://example.org/plan).', fuzzy: false})
    expect(po.get('A & B <c>.')).toMatchObject({msgstr: 'A & B <c>!', fuzzy: true})
    expect(po.get('Reviewed tex')).toMatchObject({msgstr: 'Geprüfter Text.', fuzzy: true})
    await msgfmtCheck(path.join(root, 'translations/de/doc.po'))
  })

  it('after a translator worked in the PO file of xliff2po and pomerge wrote it back', async () => {
    const root = await fourStates()
    const file = await exported(root)
    const po = path.join(root, 'work.po')
    await run('xliff2po', [file, po])
    const work = parseCatalog(await fs.readFile(po, 'utf8'), new VFile())!
    for (const entry of work.entries) {
      if (entry.msgid.startsWith('Why')) Object.assign(entry, {msgstr: 'Warum Finanzierung wirklich zählt', fuzzy: false})
      if (entry.msgid.startsWith('Reviewed')) Object.assign(entry, {fuzzy: false})
      if (entry.msgid.startsWith('A &')) Object.assign(entry, {msgstr: 'A & B <c>!', fuzzy: true})
    }
    await fs.writeFile(po, serializeCatalog(work))
    const merged = path.join(root, 'merged.xlf')
    await run('pomerge', ['-t', file, '-i', po, '-o', merged])
    const imported = await runCli(['import-xliff', '--root', root, merged])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toBe('Imported 3 translations (2 reviewed, 1 fuzzy); 0 reviewed entries kept; 0 refused\n')
    const entriesNow = await entries(root)
    expect(entriesNow.get('Why funding ')).toMatchObject({msgstr: 'Warum Finanzierung wirklich zählt', fuzzy: false})
    expect(entriesNow.get('Reviewed tex')).toMatchObject({msgstr: 'Geprüfter Text.', fuzzy: false})
    expect(entriesNow.get('A & B <c>.')).toMatchObject({msgstr: 'A & B <c>!', fuzzy: true})
  })
})
