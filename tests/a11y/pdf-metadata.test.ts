/**
 * The PDFs of the samples and of a paper with every kind of block, in five
 * languages, read back with tools we did not write: qpdf checks their
 * syntax, pikepdf (Debian's python3-pikepdf, through tests/a11y/pdf-metadata.py)
 * reads their XMP metadata and link annotations. PDF/UA-1 asks for an XMP
 * packet that claims it (`pdfuaid:part`), agrees with the document
 * information dictionary, and a `/Contents` on every link annotation.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, it} from 'vitest'
import {repoRoot} from '../helpers.js'
import {buildA11yProject, languages, slugs} from './project.js'

const run = promisify(execFile)

interface PdfReport {
  file: string
  infoTitle: string
  infoProducer: string
  infoCreationDate: string
  infoModDate: string
  hasXmp: boolean
  xmp: {
    type: string
    subtype: string
    filtered: boolean
    part: string | null
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
      expect(xmp.creator.length, where).toBeGreaterThan(0)
      expect(xmp.description, where).toMatch(/\S/)
      expect(xmp.producer, where).toBe(report.infoProducer)
      expect(xmp.createDate, where).toBe(isoDate(report.infoCreationDate))
      expect(xmp.modifyDate, where).toBe(isoDate(report.infoModDate))
      expect(xmp.metadataDate, where).toBe(xmp.modifyDate)
    }
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
})
