/**
 * The PDFs of the samples and of a paper with every kind of block, in five
 * languages, read back with tools we did not write: qpdf checks their
 * syntax, pikepdf (Debian's python3-pikepdf, through tests/a11y/pdf-metadata.py)
 * reads their XMP metadata, link annotations, content marks and structure
 * tree, and `policy-press check --outputs` runs our Matterhorn checker on
 * them. PDF/UA-1 asks for an XMP packet that claims it (`pdfuaid:part`),
 * agrees with the document information dictionary, a `/Contents` on every
 * link annotation, every piece of content tagged or an artifact, figures
 * with alternative text, notes with IDs.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, it} from 'vitest'
import {repoRoot, runCli} from '../helpers.js'
import {buildA11yProject, languages, slugs} from './project.js'

const run = promisify(execFile)

interface PdfReport {
  file: string
  infoTitle: string
  infoAuthor: string
  fileId: string[]
  outputIntents: Array<{subtype: string; condition: string; components: number; signature: string; colorSpace: string; sizeMatches: boolean}>
  infoProducer: string
  infoCreationDate: string
  infoModDate: string
  hasXmp: boolean
  xmp: {
    type: string
    subtype: string
    filtered: boolean
    part: string | null
    pdfa: Array<string | null>
    extensionSchemas: string[]
    title: string | null
    titleLangs: string[]
    language: string[]
    creator: string[]
    description: string | null
    createDate: string | null
    modifyDate: string | null
    metadataDate: string | null
    producer: string | null
  }
  links: Array<{page: number; contents: string | null}>
  pages: Array<{untaggedText: number; untaggedPaint: number; tagged: number; artifacts: Record<string, number>}>
  structure: Array<{type: string; role: string; parent: string | null; alt: string | null; id: string | null; lang: string | null; kids: string[]}>
}

/** `D:20260301000000Z` → `2026-03-01T00:00:00Z`. */
const isoDate = (date: string): string => date.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')

describe('PDF metadata and link descriptions', () => {
  let out: string
  let reports: PdfReport[]

  beforeAll(async () => {
    out = await buildA11yProject([])
    const files = languages.flatMap((lang) => slugs.map((slug) => path.join(out, lang, `${slug}.pdf`)))
    // Debian's Python: pikepdf comes from its package, not from a Python that PATH may put first.
    const python = (await fs.access('/usr/bin/python3').then(() => true, () => false)) ? '/usr/bin/python3' : 'python3'
    const {stdout} = await run(python, [path.join(repoRoot, 'tests/a11y/pdf-metadata.py'), ...files], {maxBuffer: 1 << 24})
    reports = stdout.trim().split('\n').map((line) => JSON.parse(line) as PdfReport)
  }, 240_000)

  it('are 15 PDFs that qpdf finds valid', async () => {
    expect(reports).toHaveLength(15)
    for (const report of reports) await run('qpdf', ['--check', report.file])
  })

  it('carry an XMP packet with pdfuaid:part 1 that agrees with the info dictionary', () => {
    for (const report of reports) {
      const lang = path.basename(path.dirname(report.file))
      const where = path.relative(out, report.file)
      expect(report.hasXmp, where).toBe(true)
      const {xmp} = report
      expect({type: xmp.type, subtype: xmp.subtype, filtered: xmp.filtered}, where).toEqual({type: '/Metadata', subtype: '/XML', filtered: false})
      expect(xmp.part, where).toBe('1')
      expect(report.infoTitle, where).not.toBe('')
      expect(xmp.title, where).toBe(report.infoTitle)
      expect(xmp.titleLangs, where).toEqual(['x-default', lang])
      expect(xmp.language, where).toEqual([lang])
      // PDF/A: the authors are one entry, as /Author is one string.
      expect(xmp.creator, where).toEqual([report.infoAuthor])
      expect(report.infoAuthor, where).not.toBe('')
      expect(xmp.description, where).toMatch(/\S/)
      expect(xmp.producer, where).toBe(report.infoProducer)
      expect(xmp.createDate, where).toBe(isoDate(report.infoCreationDate))
      expect(xmp.modifyDate, where).toBe(isoDate(report.infoModDate))
      expect(xmp.metadataDate, where).toBe(xmp.modifyDate)
    }
  })

  it('claim PDF/A-2a, with an sRGB output intent, a file identifier and the PDF/UA schema described', () => {
    const ids = new Set<string>()
    for (const report of reports) {
      const where = path.relative(out, report.file)
      expect(report.xmp.pdfa, where).toEqual(['2', 'A'])
      expect(report.xmp.extensionSchemas, where).toEqual(['pdfuaid'])
      expect(report.outputIntents, where).toEqual([{subtype: '/GTS_PDFA1', condition: 'sRGB IEC61966-2.1', components: 3, signature: 'acsp', colorSpace: 'RGB ', sizeMatches: true}])
      expect(report.fileId, where).toHaveLength(2)
      expect(report.fileId[0], where).toMatch(/^[0-9a-f]{32}$/)
      expect(report.fileId[1], where).toBe(report.fileId[0])
      ids.add(report.fileId[0]!)
    }
    // Each PDF its own identifier.
    expect(ids.size).toBe(reports.length)
  })

  it('describe every link annotation', () => {
    const links = reports.flatMap((report) => report.links.map((link) => ({...link, file: path.relative(out, report.file)})))
    expect(links.length).toBeGreaterThan(400)
    expect(links.filter((link) => !link.contents?.trim())).toEqual([])
  })

  it('describe each link by its own text, in the language of the page', () => {
    const paper = (lang: string) => reports.find((report) => report.file.endsWith(`${lang}/accessibility-paper.pdf`))!.links.map((link) => link.contents)
    // The contents entries, the note reference and its way back, the external link and the one within the page.
    expect(paper('en')).toEqual(expect.arrayContaining(['Tables', 'A task list', 'Notes 1', 'Back to reference 1', 'project site', 'tables']))
    expect(paper('de')).toEqual(expect.arrayContaining(['Anmerkungen 1', 'Zurück zum Verweis 1']))
    const policy = reports.find((report) => report.file.endsWith('en/policy-recommendations.pdf'))!.links.map((link) => link.contents)
    expect(policy).toEqual(expect.arrayContaining(['Back to reference 5', 'SEMPRE Accelerators website', 'Empowerment Handbook']))
    // No contents page number and no soft hyphen gets into a description.
    for (const report of reports) for (const link of report.links) expect(link.contents).not.toMatch(/\u00ad|^\d+$|\s000$/)
  })

  it('tag every piece of content or mark it as an artifact: running heads and page numbers as pagination', () => {
    for (const report of reports) {
      const where = path.relative(out, report.file)
      report.pages.forEach((page, index) => {
        expect({page: index + 1, text: page.untaggedText, paint: page.untaggedPaint}, where).toEqual({page: index + 1, text: 0, paint: 0})
        expect(page.tagged, where).toBeGreaterThan(0)
        // The cover has no running head or page number; every other page has both.
        if (index > 0) expect(Object.keys(page.artifacts), `${where} page ${index + 1}`).toEqual(expect.arrayContaining(['Pagination/Header', 'Pagination/Footer']))
        else expect(Object.keys(page.artifacts).filter((kind) => kind.startsWith('Pagination')), where).toEqual([])
      })
    }
  })

  it('have figures with alternative text, a contents of TOC and TOCI, notes with IDs and references', () => {
    for (const report of reports) {
      const where = path.relative(out, report.file)
      const elements = report.structure
      expect(elements.filter((element) => element.role === 'Figure' && !element.alt), where).toEqual([])
      // The contents: a TOC of TOCI, a nested TOC inside an item; no list left of it.
      const toc = elements.filter((element) => element.role === 'TOC')
      expect(toc.length, where).toBeGreaterThan(0)
      for (const list of toc) expect(list.kids.every((kid) => kid === 'TOCI'), where).toBe(true)
      for (const item of elements.filter((element) => element.role === 'TOCI')) expect(['TOC'], where).toContain(item.parent)
      // No language keeps the private-use mark that asked for a type.
      expect(elements.filter((element) => element.lang?.includes('-x-')), where).toEqual([])
    }
    const paper = reports.find((report) => report.file.endsWith('en/accessibility-paper.pdf'))!.structure
    const notes = paper.filter((element) => element.role === 'Note')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({parent: 'Div', id: expect.stringMatching(/\S/) as unknown})
    expect(paper.filter((element) => element.role === 'Reference').map((element) => element.kids)).toEqual([['Link']])
    // The figure's wrapper groups the image's Figure and its caption.
    expect(paper.filter((element) => element.role === 'Div' && element.kids.includes('Figure'))).toEqual([expect.objectContaining({kids: ['Figure', 'Caption']})])
    const handbook = reports.find((report) => report.file.endsWith('lv/empowerment-handbook.pdf'))!.structure
    const ids = handbook.filter((element) => element.role === 'Note').map((element) => element.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("say each task's state in their text, in the page's language", async () => {
    const text = async (lang: string) => (await run('pdftotext', ['-raw', path.join(out, lang, 'accessibility-paper.pdf'), '-'])).stdout
    expect(await text('en')).toMatch(/Done:[^]*Not done:/)
    expect(await text('de')).toMatch(/Erledigt:[^]*Offen:/)
  })

  it('pass every check of policy-press check --outputs', async () => {
    const result = await runCli(['check', '--outputs', '--root', path.dirname(out), '--out', out, '--format', 'json'])
    const report = JSON.parse(result.stdout) as {failures: number; documents: Array<{path: string; failures: unknown[]}>}
    expect(report.documents).toHaveLength(15)
    expect(report.documents.filter((document) => document.failures.length > 0)).toEqual([])
    expect(result.code).toBe(0)
  })
})
