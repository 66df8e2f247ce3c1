/**
 * XLIFF as CAT tools write it back: the XLIFF namespace bound to a prefix
 * (as Python's ElementTree writes it), attributes in another order, inline
 * codes moved in the target, CDATA and character references, pretty-printed
 * targets without `xml:space="preserve"`, and XLIFF 2.0 states.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseCatalog} from '../../src/catalog/po.js'
import {msgfmtCheck, runCli} from '../helpers.js'
import {exported, fourStates, python} from './project.js'

const entries = async (root: string) =>
  new Map(parseCatalog(await fs.readFile(path.join(root, 'translations/de/doc.po'), 'utf8'), new VFile())!.entries.map((entry) => [entry.msgid.slice(0, 12), entry]))

/** The unit of `xml` whose source starts with `start`, changed by `change`. */
const editUnit = (xml: string, start: string, change: (unit: string) => string) =>
  xml.replace(new RegExp(`<(\\w+:)?(trans-unit|unit) [^>]*>(?:(?!</(\\w+:)?(trans-unit|unit)>)[\\s\\S])*?<(\\w+:)?source[^>]*>${start}[\\s\\S]*?</(\\w+:)?(trans-unit|unit)>`), change)

/** A target element, empty (`<target/>`, as ElementTree writes it) or not. */
const target = /<ns0:target\b[^>]*?(?:\/>|>[\s\S]*?<\/ns0:target>)/

describe('a CAT tool’s XLIFF 1.2', () => {
  it('imports with a prefixed namespace, reordered attributes, moved codes, CDATA and entities', async () => {
    const root = await fourStates()
    const file = await exported(root)
    // ElementTree binds the namespace to `ns0` on every element.
    await python(
      `import sys
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
tree.write(sys.argv[1], encoding='UTF-8', xml_declaration=True)`,
      file
    )
    let xml = await fs.readFile(file, 'utf8')
    expect(xml).toContain('<ns0:xliff xmlns:ns0="urn:oasis:names:tc:xliff:document:1.2" version="1.2">')
    xml = editUnit(xml, 'Why', (unit) =>
      unit
        .replace(/<ns0:trans-unit ([^>]*)>/, (_, attributes: string) => `<ns0:trans-unit approved="yes" ${attributes.split(' ').reverse().join(' ')}>`)
        .replace(target, '<ns0:target state="translated"><![CDATA[Warum Finanzierung „wirklich“ <zählt>]]> &amp; &#x2026;</ns0:target>')
    )
    xml = editUnit(xml, 'Rural', (unit) =>
      unit.replace(
        target,
        // The link before the emphasis, the other way round from the source; pretty-printed, as a tool may.
        `<ns0:target state="signed-off" xml:space="default">
          Ländliche Gemeinden können <ns0:bpt id="a0" ctype="link">[</ns0:bpt>laut dem Plan<ns0:ept id="a0">](https://example.org/plan)</ns0:ept>
          <ns0:bpt id="i0" ctype="italic">*</ns0:bpt>soziale Dienste<ns0:ept id="i0">*</ns0:ept> kaum finanzieren.
        </ns0:target>`
      )
    )
    xml = editUnit(xml, 'A &amp; B', (unit) => unit.replace(target, '<ns0:target state="needs-review-translation">A &amp; B <ns0:ph id="x0">&lt;c&gt;</ns0:ph>!</ns0:target>'))
    await fs.writeFile(file, xml)
    const run = await runCli(['import-xliff', '--root', root, file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('Imported 3 translations (2 reviewed, 1 fuzzy); 0 reviewed entries kept; 0 refused\n')
    const po = await entries(root)
    expect(po.get('Why funding ')).toMatchObject({msgstr: 'Warum Finanzierung „wirklich“ \\<zählt> & …', fuzzy: false})
    expect(po.get('Rural munici')).toMatchObject({msgstr: 'Ländliche Gemeinden können [laut dem Plan](https://example.org/plan) *soziale Dienste* kaum finanzieren.', fuzzy: false})
    expect(po.get('A & B <c>.')).toMatchObject({msgstr: 'A & B <c>!', fuzzy: true})
    await msgfmtCheck(path.join(root, 'translations/de/doc.po'))
  })

  it('imports a file saved as UTF-16 with a byte order mark', async () => {
    const root = await fourStates()
    const file = await exported(root)
    const xml = (await fs.readFile(file, 'utf8')).replace('encoding="UTF-8"', 'encoding="UTF-16"').replace('<target state="needs-translation"></target>', '<target state="final">Ländliche Gemeinden können <bpt id="i0">*</bpt>soziale Dienste<ept id="i0">*</ept> kaum finanzieren, siehe <bpt id="a0">[</bpt>den Plan<ept id="a0">](https://example.org/plan)</ept>.</target>')
    await fs.writeFile(file, Buffer.from(`\uFEFF${xml}`, 'utf16le'))
    const run = await runCli(['import-xliff', '--root', root, file])
    expect(run.code, run.stderr).toBe(0)
    expect((await entries(root)).get('Rural munici')).toMatchObject({msgstr: 'Ländliche Gemeinden können *soziale Dienste* kaum finanzieren, siehe [den Plan](https://example.org/plan).', fuzzy: false})
  })

  it('dates the PO file when it imports a translation, and leaves it alone when it imports none', async () => {
    const root = await fourStates()
    const po = path.join(root, 'translations/de/doc.po')
    await fs.writeFile(po, (await fs.readFile(po, 'utf8')).replace(/PO-Revision-Date: [^\\]*/, 'PO-Revision-Date: 2020-01-01 00:00+0000'))
    const file = await exported(root)
    const before = await fs.readFile(po, 'utf8')
    // Sent back as it went out: nothing changes, not even the date.
    expect((await runCli(['import-xliff', '--root', root, file])).stdout).toBe('Imported 0 translations (0 reviewed, 0 fuzzy); 0 reviewed entries kept; 0 refused\n')
    expect(await fs.readFile(po, 'utf8')).toBe(before)
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('<target state="needs-translation"></target>', '<target state="final">Ländliche Gemeinden.</target>'))
    await runCli(['import-xliff', '--root', root, file])
    expect(await fs.readFile(po, 'utf8')).toMatch(/"PO-Revision-Date: 2026-01-01 00:00\+0000\\n"/)
  })
})

describe('a CAT tool’s XLIFF 2.0', () => {
  it('confirms reviewed and final segments, keeps translated ones as drafts, with any prefix', async () => {
    const root = await fourStates()
    const file = await exported(root, '2.0')
    let xml = await fs.readFile(file, 'utf8')
    expect(xml).toContain('<segment state="final">')
    expect(xml).toContain('<segment state="translated" subState="policy-press:stale">')
    expect(xml).toContain('<segment state="initial" subState="policy-press:machine">')
    xml = xml.replace(/<(\/?)(xliff|file|unit|notes|note|originalData|data|segment|source|target|pc|ph)\b/g, '<$1x:$2').replace('xmlns="urn', 'xmlns:x="urn')
    const fill = (start: string, state: string, target: string) => {
      xml = editUnit(xml, start, (unit) =>
        unit.replace(/<x:segment[^>]*>/, `<x:segment state="${state}">`).replace(/(<x:source[^>]*>[\s\S]*?<\/x:source>)(\s*<x:target[^>]*>[\s\S]*?<\/x:target>)?/, `$1<x:target>${target}</x:target>`)
      )
    }
    fill('Why', 'reviewed', 'Warum Finanzierung wirklich zählt')
    fill('Rural', 'final', 'Ländliche Gemeinden können <x:pc id="a0" dataRefStart="d-a0-s" dataRefEnd="d-a0-e">laut Plan</x:pc> <x:pc id="i0" dataRefStart="d-i0-s" dataRefEnd="d-i0-e">soziale Dienste</x:pc> kaum finanzieren.')
    fill('A &amp; B', 'translated', 'A &amp; B <x:ph id="x0" dataRef="d-x0"/>!')
    await fs.writeFile(file, xml)
    const run = await runCli(['import-xliff', '--root', root, file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('Imported 3 translations (2 reviewed, 1 fuzzy); 0 reviewed entries kept; 0 refused\n')
    const po = await entries(root)
    expect(po.get('Why funding ')).toMatchObject({msgstr: 'Warum Finanzierung wirklich zählt', fuzzy: false})
    expect(po.get('Rural munici')).toMatchObject({msgstr: 'Ländliche Gemeinden können [laut Plan](https://example.org/plan) *soziale Dienste* kaum finanzieren.', fuzzy: false})
    expect(po.get('A & B <c>.')).toMatchObject({msgstr: 'A & B <c>!', fuzzy: true})
  })
})
