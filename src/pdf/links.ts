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
import {PDFArray, PDFDict, type PDFDocument, PDFName, PDFString} from 'pdf-lib'

export function relinkFiles(document: PDFDocument, pdfFolder: string): void {
  const {context} = document
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    if (!annotations) continue
    for (let index = 0; index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict)
      const action = annotation?.lookupMaybe(PDFName.of('A'), PDFDict)
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText()
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
