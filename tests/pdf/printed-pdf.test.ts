import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {PdfStructureError, PrintedPdf} from '../../src/pdf/printed-pdf.js'

/** A three-page PDF with a classic cross-reference table, as Chromium writes them; strings to rename in a dictionary and in a stream. */
async function samplePdf(options: {objectStreams?: boolean} = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create({updateMetadata: false})
  for (let index = 0; index < 3; index++) document.addPage([200, 200])
  const {context} = document
  const element = context.register(context.obj({Type: 'StructElem', S: 'TH', ID: PDFString.of('node00000042')}))
  const cell = context.register(context.obj({Type: 'StructElem', S: 'TD', A: context.obj([context.obj({O: 'Table', Headers: context.obj([PDFString.of('node00000042')])})])}))
  const data = context.register(context.stream('BT (node00000042) Tj ET'))
  document.catalog.set(PDFName.of('Sample'), context.obj([element, cell, data]))
  return document.save({useObjectStreams: options.objectStreams ?? false})
}

const qpdfCheck = async (bytes: Uint8Array): Promise<string> => {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-printed-')), 'x.pdf')
  await fs.writeFile(file, bytes)
  return execFileSync('qpdf', ['--check', file], {encoding: 'utf8'})
}

describe('PrintedPdf', () => {
  it('edits what is looked up, renames strings outside streams, and copies every other object byte for byte', async () => {
    const original = await samplePdf()
    const pdf = PrintedPdf.read(original)
    expect(pdf.pages()).toHaveLength(3)
    expect(pdf.mentions('node00000042')).toBe(true)
    expect(pdf.mentions('file:')).toBe(false)
    pdf.info().set(PDFName.of('Title'), PDFString.of('Renamed'))
    pdf.renameStrings(new Map([['node00000042', 'id00000000']]))
    const saved = pdf.save()

    expect(await qpdfCheck(saved)).toContain('No syntax or stream encoding errors')
    const reread = await PDFDocument.load(saved, {updateMetadata: false})
    expect(reread.getPageCount()).toBe(3)
    expect(reread.getTitle()).toBe('Renamed')
    const [element, cell, data] = reread.catalog.lookup(PDFName.of('Sample'), PDFArray).asArray().map((ref) => reread.context.lookup(ref))
    expect((element as PDFDict).get(PDFName.of('ID'))).toEqual(PDFString.of('id00000000'))
    expect(String((cell as PDFDict).lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict).get(PDFName.of('Headers')))).toBe('[ (id00000000) ]')
    // A stream's data is never rewritten, even where it reads like one of the strings.
    expect(Buffer.from((data as PDFRawStream).contents).toString('latin1')).toBe('BT (node00000042) Tj ET')
    // Objects that were not looked up and hold nothing to rename are the same bytes as before.
    const page = Buffer.from(original).toString('latin1').match(/\n(\d+ 0 obj\n<<\n\/Type \/Page\n[\s\S]*?endobj)/)![1]!
    expect(Buffer.from(saved).toString('latin1')).toContain(page)
  })

  it('saves an unchanged PDF as the same bytes, but for the cross-reference table', async () => {
    const original = await samplePdf()
    const saved = PrintedPdf.read(original).save()
    const body = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1').split('\nxref\n')[0]!
    // Only the catalog (looked up on opening) is written anew.
    const withoutCatalog = (bytes: Uint8Array): string => body(bytes).replace(/\d+ 0 obj\n<<\n\/Type \/Catalog[\s\S]*?endobj\n+/, '')
    expect(withoutCatalog(saved)).toBe(withoutCatalog(original))
    expect(await qpdfCheck(saved)).toContain('No syntax or stream encoding errors')
  })

  it('refuses PDFs of another form with an error that says what it found', async () => {
    expect(() => PrintedPdf.read(new TextEncoder().encode('%PDF-1.4\nnothing else'))).toThrow(/Not a PDF as Chromium prints it: no startxref/)
    expect(() => PrintedPdf.read(Buffer.from([]))).toThrow(PdfStructureError)
    // Object streams and a cross-reference stream (pdf-lib's default), which Chromium does not write.
    await expect(samplePdf({objectStreams: true}).then((bytes) => PrintedPdf.read(bytes))).rejects.toThrow(/no classic cross-reference table/)
    // An incremental update: a second table that points back at the first.
    const original = Buffer.from(await samplePdf())
    const xref = /startxref\n(\d+)/.exec(original.toString('latin1'))![1]
    const updated = Buffer.concat([original, Buffer.from(`xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev ${xref} >>\nstartxref\n${original.length}\n%%EOF\n`)])
    expect(() => PrintedPdf.read(updated)).toThrow(/updated or encrypted/)
  })
})
