/**
 * The PDF/UA-1 checker (`check --outputs`): Matterhorn conditions found in a
 * PDF made without any of them, content operators read as a PDF reader reads
 * them, and the report on PDFs that policy-press prints.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {PDFDocument, PDFName, PDFString} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {checkAccessibility} from '../../src/pdf/accessibility.js'
import {contentOperators} from '../../src/pdf/content-operators.js'
import {makeProject, runCli} from '../helpers.js'

describe('contentOperators', () => {
  it('reads operators, not the bytes of strings, dictionaries or inline images', () => {
    const stream = Buffer.from(
      '/P <</MCID 3>> BDC BT (a Tj \\) BDC EMC) Tj ET EMC\n/Artifact BMC [(x) 2 (y)] TJ EMC\n/Span <</ActualText (EMC)>> BDC 0 0 1 1 re f EMC\nBI /W 1 /H 1 ID \x00EMC Tj\nEI q Q'
    )
    expect([...contentOperators(stream)].map(({name, tag, mcid}) => (tag === undefined ? {name} : {name, tag, mcid}))).toEqual([
      {name: 'BDC', tag: 'P', mcid: true},
      {name: 'BT'},
      {name: 'Tj'},
      {name: 'ET'},
      {name: 'EMC'},
      {name: 'BMC', tag: 'Artifact', mcid: false},
      {name: 'TJ'},
      {name: 'EMC'},
      {name: 'BDC', tag: 'Span', mcid: false},
      {name: 're'},
      {name: 'f'},
      {name: 'EMC'},
      {name: 'BI'},
      {name: 'q'},
      {name: 'Q'}
    ])
  })
})

describe('checkAccessibility', () => {
  it('finds every condition a PDF made without tags fails', async () => {
    const pdf = await PDFDocument.create()
    const page = pdf.addPage()
    page.drawText('Untagged text', {x: 50, y: 700})
    page.drawRectangle({x: 50, y: 600, width: 100, height: 20})
    const link = pdf.context.obj({Type: 'Annot', Subtype: 'Link', Rect: [50, 600, 150, 620], A: {S: 'URI', URI: PDFString.of('https://example.org/')}})
    page.node.set(PDFName.of('Annots'), pdf.context.obj([pdf.context.register(link)]))
    const report = await checkAccessibility(await pdf.save())
    const found = report.failures.map((failure) => `${failure.checkpoint}${failure.page ? ` p${failure.page}` : ''}`)
    expect(found).toEqual(expect.arrayContaining(['06-001', '01-001', '07-001', '11-001', '01-005 p1', '28-008 p1', '28-011 p1']))
    // pdf-lib's standard fonts are not embedded.
    expect(found).toContain('31-001')
  })
})

describe('check --outputs', () => {
  it('reports per PDF, in text, JSON and Markdown: a PDF policy-press prints passes', async () => {
    const root = await makeProject({
      'documents/a.md': '---\ntitle: Checked\n---\n\n## One\n\nText with **strong** words and a [link](https://example.org/).\n\n### Two\n\nMore.\n',
      'policy-press.config.yaml': 'targets: [de]\n'
    })
    expect((await runCli(['build', '--root', root], root)).code).toBe(0)
    const json = await runCli(['check', '--outputs', '--format', 'json'], root)
    const report = JSON.parse(json.stdout) as {failures: number; documents: Array<{path: string; failures: Array<{checkpoint: string}>}>}
    expect(report.documents.map((document) => document.path)).toEqual(['de/a.pdf', 'en/a.pdf'])
    // Every condition holds: tags, artifacts, metadata, links, fonts.
    expect(report.documents.flatMap((document) => document.failures)).toEqual([])
    expect(report.failures).toBe(0)
    expect(json.code).toBe(0)
    const text = await runCli(['check', '--outputs'], root)
    expect(text.stdout).toMatch(/^en\/a\.pdf: /m)
    const markdown = await runCli(['check', '--outputs', '--format', 'markdown'], root)
    expect(markdown.stdout).toMatch(/^## PDF accessibility \(PDF\/UA-1\)\n\n2 PDFs checked/)
    // A PDF made without tags among them: reported with its checkpoints, and the check fails.
    const untagged = await PDFDocument.create()
    untagged.addPage().drawText('Untagged', {x: 50, y: 700})
    await fs.writeFile(path.join(root, 'dist/en/untagged.pdf'), await untagged.save())
    const failing = await runCli(['check', '--outputs'], root)
    expect(failing.code).toBe(1)
    expect(failing.stdout).toMatch(/^en\/untagged\.pdf: \d+ failures/m)
    expect(failing.stdout).toMatch(/01-005 {2}page 1 {2}Text neither tagged nor marked as an artifact/)
    expect(failing.stdout).toMatch(/^en\/a\.pdf: passes/m)
    await fs.rm(path.join(root, 'dist/en/untagged.pdf'))
    // A file that is no PDF at all: reported as such, not a stack trace.
    await fs.writeFile(path.join(root, 'dist/en/broken.pdf'), 'not a pdf\n')
    const broken = await runCli(['check', '--outputs'], root)
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(/^en\/broken\.pdf: 1 failure \(0 pages\)\n {2}read {2}.*Cannot be read as a PDF: .*No PDF header/m)
    await fs.rm(path.join(root, 'dist/en/broken.pdf'))
    const none = await runCli(['check', '--outputs', '--out', 'nowhere'], root)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Cannot find a PDF in `nowhere`')
    await fs.rm(path.join(root, 'dist'), {recursive: true})
  })
})
