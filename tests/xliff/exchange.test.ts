/**
 * XLIFF round trips: export → edit as a CAT tool would (fill the targets,
 * keep the inline codes, set the state) → import gives the expected PO file.
 * What translate-toolkit, an XLIFF reader we did not write, makes of our
 * files is in toolkit.test.ts.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseCatalog} from '../../src/catalog/po.js'
import {readXliff} from '../../src/xliff/read.js'
import {makeProject, msgfmtCheck, runCli, translateAll} from '../helpers.js'

const source = `---
title: Funding
---

## Why funding matters

Rural municipalities struggle to fund *social services*, see [the plan](https://example.org/plan).[^note]

Use the \`status\` command.

Reviewed text.

[^note]: As reported.
`

async function project(): Promise<string> {
  const root = await makeProject({'documents/doc.md': source, 'policy-press.config.yaml': 'targets: [de]\n'})
  await runCli(['sync', '--root', root])
  await translateAll(path.join(root, 'translations/de/doc.po'))
  // One entry goes stale, one goes missing.
  await fs.writeFile(path.join(root, 'documents/doc.md'), source.replace('Rural municipalities', 'Remote municipalities').replace('Use the `status` command.', 'Use the `status` command often.\n\nA new paragraph.'))
  return root
}

const entries = async (root: string) => new Map(parseCatalog(await fs.readFile(path.join(root, 'translations/de/doc.po'), 'utf8'), new VFile())!.entries.map((entry) => [entry.msgid, entry]))

describe.each(['1.2', '2.0'] as const)('XLIFF %s', (version) => {
  it('exports what is open, and imports a CAT tool’s work back', async () => {
    const root = await project()
    const run = await runCli(['export-xliff', '--root', root, '--lang', 'de', '--xliff', version])
    expect(run.code, run.stderr).toBe(0)
    const file = path.join(root, 'xliff/doc.de.xlf')
    const xml = await fs.readFile(file, 'utf8')
    const read = readXliff(xml)
    if (!('content' in read)) throw new Error(read.error.reason)
    expect(read.content.version).toBe(version)
    expect(read.content.files.map((item) => item.targetLanguage)).toEqual(['de'])
    // Two stale (the changed paragraphs) and one missing; current ones are not exported.
    expect(read.content.files[0]!.units).toHaveLength(3)
    expect(xml).not.toContain('Reviewed text.')
    if (version === '1.2') {
      expect(xml).toContain('<bpt id="i0" ctype="italic">*</bpt>social services<ept id="i0">*</ept>')
      expect(xml).toContain('<bpt id="a0" ctype="link">[</bpt>the plan<ept id="a0">](https://example.org/plan)</ept>')
      expect(xml).toContain('<ph id="x1">[^note]</ph>')
      expect(xml).toContain('<note from="previous-source" annotates="source">Rural municipalities')
      // Stale units go out unapproved; none here is current.
      expect(xml).not.toContain('approved=')
      expect(xml).toContain('<target state="needs-translation"></target>')
      expect(xml).toContain('<target state="needs-review-translation">[de] Rural municipalities')
    } else {
      expect(xml).toContain('<pc id="a0" dataRefStart="d-a0-s" dataRefEnd="d-a0-e">the plan</pc>')
      expect(xml).toContain('<data id="d-x1">[^note]</data>')
      expect(xml).toContain('<segment state="translated" subState="policy-press:stale">')
      expect(xml).toMatch(/<segment state="initial">\s*<source xml:space="preserve">A new paragraph\.<\/source>\s*<\/segment>/)
    }

    // The translator's CAT tool: fill every target, keep the codes, sign off all but the new paragraph.
    const edited = xml
      .split(/(?=<trans-unit |<unit )/)
      .map((unit) => {
        if (!/^<(trans-unit|unit) /.test(unit)) return unit
        const draft = unit.includes('A new paragraph')
        return unit
          .replace(/\s*<target[^>]*>[\s\S]*?<\/target>/g, '')
          .replace(/<source( xml:space="preserve")?>([\s\S]*?)<\/source>/, (_, space: string | undefined, content: string) => {
            const target = content
              .replace('Remote municipalities struggle to fund', 'Abgelegene Gemeinden können kaum')
              .replace('the plan', 'den Plan')
              .replace('Use the', 'Nutzen Sie den')
              .replace('command often.', 'Befehl oft.')
              .replace('A new paragraph.', 'Ein neuer Absatz.')
            const state = draft ? 'needs-review-translation' : 'final'
            return version === '1.2'
              ? `<source>${content}</source>\n        <target state="${state}">${target}</target>`
              : `<source${space ?? ''}>${content}</source>\n        <target>${target}</target>`
          })
          .replace(/<segment state="[^"]*"( subState="[^"]*")?>/, `<segment state="${draft ? 'initial' : 'final'}">`)
      })
      .join('')
    await fs.writeFile(file, edited)
    const imported = await runCli(['import-xliff', '--root', root, file])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toBe('Imported 3 translations (2 reviewed, 1 fuzzy); 0 reviewed entries kept; 0 refused\n')
    await msgfmtCheck(path.join(root, 'translations/de/doc.po'))
    const po = await entries(root)
    const stale = po.get('Remote municipalities struggle to fund *social services*, see [the plan](https://example.org/plan).[^note]')!
    expect(stale).toMatchObject({msgstr: 'Abgelegene Gemeinden können kaum *social services*, see [den Plan](https://example.org/plan).[^note]', fuzzy: false})
    expect(po.get('Use the `status` command often.')).toMatchObject({msgstr: 'Nutzen Sie den `status` Befehl oft.', fuzzy: false})
    expect(po.get('A new paragraph.')).toMatchObject({msgstr: 'Ein neuer Absatz.', fuzzy: true})
    expect(po.get('Reviewed text.')).toMatchObject({msgstr: '[de] Reviewed text.', fuzzy: false})
  })
})

describe('import-xliff', () => {
  it('refuses units whose English changed since the export, and keeps reviewed entries without --force', async () => {
    const root = await project()
    await runCli(['export-xliff', '--root', root, '--lang', 'de', '--states', 'stale,current'])
    const file = path.join(root, 'xliff/doc.de.xlf')
    const xml = (await fs.readFile(file, 'utf8')).replace(/<target state="[^"]*">/g, '<target state="final">')
    await fs.writeFile(file, xml.replace('[de] Reviewed text.', 'Anders übersetzt.'))
    // Meanwhile the English of one unit changes.
    await fs.writeFile(path.join(root, 'documents/doc.md'), (await fs.readFile(path.join(root, 'documents/doc.md'), 'utf8')).replace('Remote municipalities', 'Distant municipalities'))
    const run = await runCli(['import-xliff', '--root', root, file])
    expect(run.stdout).toMatch(/; 1 reviewed entry kept \(--force replaces them\); 1 refused\n$/)
    expect(run.stderr).toMatch(/warning Unexpected unit whose English text is no longer in the document.*xliff-source-changed/)
    expect((await entries(root)).get('Reviewed text.')!.msgstr).toBe('[de] Reviewed text.')
    const forced = await runCli(['import-xliff', '--root', root, file, '--force'])
    expect(forced.code).toBe(0)
    expect((await entries(root)).get('Reviewed text.')!.msgstr).toBe('Anders übersetzt.')
  })
})
