/**
 * Chromium keeps each soft hyphen of the text in the PDF as a zero-width
 * mark whose ActualText is U+00AD, so copied or extracted text reads
 * "mu­ni­ci­pal­i­ties". Their ActualText is emptied: the words come back
 * whole, and the page looks the same.
 */
import {deflateSync, inflateSync} from 'node:zlib'
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
      const bytes = decode(stream)
      if (!bytes.includes(marker)) continue
      // ActualText is UTF-16BE in hex; drop its U+00AD units (alone, or inside a ligature's text).
      const text = bytes.toString('latin1').replace(actualText, (_, hex: string) => {
        const units = hex.match(/.{4}/g) ?? []
        return `/ActualText <${units.filter((unit) => unit.toLowerCase() !== '00ad').join('')}>`
      })
      context.assign(ref, context.stream(deflateSync(Buffer.from(text, 'latin1')), {Filter: 'FlateDecode'}))
    }
  }
}

/** A content stream's bytes: Node's zlib for plain Flate (Chromium's kind; pdf-lib's own inflater is many times slower), pdf-lib otherwise. */
function decode(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(PDFName.of('Filter'))
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents)
  return Buffer.from(decodePDFRawStream(stream).decode())
}
