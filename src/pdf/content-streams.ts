/**
 * Reading and rewriting a PDF's streams as text: the content streams of a
 * page, and any stream's decoded bytes. Chromium writes plain Flate streams,
 * decoded with Node's zlib (pdf-lib's own inflater is many times slower);
 * anything else goes through pdf-lib.
 */
import {deflateSync, inflateSync} from 'node:zlib'
import {decodePDFRawStream, PDFArray, type PDFDocument, PDFName, type PDFPage, PDFRawStream, type PDFRef} from 'pdf-lib'

/** The content streams of `page`, in order. */
export function contentStreams(document: PDFDocument, page: PDFPage): Array<{ref: PDFRef; stream: PDFRawStream}> {
  const contents = page.node.get(PDFName.of('Contents'))
  const refs: PDFRef[] = contents instanceof PDFArray ? (contents.asArray() as PDFRef[]) : contents ? [contents as PDFRef] : []
  return refs.flatMap((ref) => {
    const stream = document.context.lookup(ref)
    return stream instanceof PDFRawStream ? [{ref, stream}] : []
  })
}

/** A stream's decoded bytes as a string of Latin-1 characters, one per byte. */
export function streamText(stream: PDFRawStream): string {
  const plainFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))
  return (plainFlate ? inflateSync(stream.contents) : Buffer.from(decodePDFRawStream(stream).decode())).toString('latin1')
}

/** Replace the stream at `ref` with `text` (one byte per character), Flate-compressed. */
export function setStreamText(document: PDFDocument, ref: PDFRef, text: string): void {
  document.context.assign(ref, document.context.stream(deflateSync(Buffer.from(text, 'latin1')), {Filter: 'FlateDecode'}))
}
