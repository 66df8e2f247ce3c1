/**
 * Chromium keeps each soft hyphen of the text in the PDF as a zero-width
 * mark whose ActualText is U+00AD, so copied or extracted text reads
 * "mu­ni­ci­pal­i­ties". Their ActualText is emptied: the words come back
 * whole, and the page looks the same.
 */
import {decodePDFRawStream, PDFArray, type PDFDocument, PDFName, PDFRawStream, type PDFRef} from 'pdf-lib'

const actualText = /\/ActualText\s*<([0-9a-f]+)>/gi
const marker = Buffer.from('/ActualText')

export function dropSoftHyphenText(document: PDFDocument): void {
  const {context} = document
  for (const page of document.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'))
    const refs: PDFRef[] = contents instanceof PDFArray ? (contents.asArray() as PDFRef[]) : contents ? [contents as PDFRef] : []
    for (const ref of refs) {
      const stream = context.lookup(ref)
      if (!(stream instanceof PDFRawStream)) continue
      const bytes = Buffer.from(decodePDFRawStream(stream).decode())
      if (!bytes.includes(marker)) continue
      // ActualText is UTF-16BE in hex; drop its U+00AD units (alone, or inside a ligature's text).
      const text = bytes.toString('latin1').replace(actualText, (_, hex: string) => {
        const units = hex.match(/.{4}/g) ?? []
        return `/ActualText <${units.filter((unit) => unit.toLowerCase() !== '00ad').join('')}>`
      })
      context.assign(ref, context.flateStream(Buffer.from(text, 'latin1')))
    }
  }
}
