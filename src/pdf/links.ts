/**
 * Links in a PDF that point at files of the build: Chromium writes them as
 * absolute `file://` URLs of the machine that printed. A link to another
 * page of the site becomes a link to that document's PDF (a GoToR action to
 * the heading's named destination), a link to any other file a relative
 * URI, so the PDFs work wherever they are put, and two builds in different
 * folders give the same bytes.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {PDFArray, PDFDict, PDFName, PDFString} from 'pdf-lib'
import type {PrintedPdf} from './printed-pdf.js'

export function relinkFiles(pdf: PrintedPdf, pdfFolder: string): void {
  // Most prints link to no file: their annotations (one per link) need not be read.
  if (!pdf.mentions('file:')) return
  const {context} = pdf
  for (const page of pdf.pages()) {
    const annotations = pdf.get(page.node, 'Annots', PDFArray)
    if (!annotations) continue
    for (const item of annotations.asArray()) {
      const annotation = pdf.lookup(item, PDFDict)
      const action = pdf.get(annotation, 'A', PDFDict)
      const uri = pdf.get(action, 'URI', PDFString)?.decodeText()
      if (!action || !uri?.startsWith('file:')) continue
      const url = new URL(uri)
      const target = fileURLToPath(new URL(url.pathname, 'file:///').href.replace(/^file:\/\/\//, 'file:///'))
      const relative = path.relative(pdfFolder, target).split(path.sep).join('/')
      if (relative.endsWith('.html')) {
        const hash = decodeURIComponent(url.hash.slice(1))
        const remote = context.obj({
          S: PDFName.of('GoToR'),
          F: PDFString.of(relative.replace(/\.html$/, '.pdf')),
          D: hash ? PDFString.of(hash) : context.obj([0, PDFName.of('Fit')])
        })
        annotation!.set(PDFName.of('A'), remote)
      } else {
        action.set(PDFName.of('URI'), PDFString.of(relative + url.hash))
      }
    }
  }
}
