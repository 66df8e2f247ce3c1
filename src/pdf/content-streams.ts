/**
 * Reading and rewriting a PDF's streams as text: the content streams of a
 * page, and any stream's decoded bytes. Chromium writes plain Flate streams,
 * decoded with Node's zlib (pdf-lib's own inflater is many times slower);
 * anything else goes through pdf-lib.
 */
import {deflateSync, inflateSync} from 'node:zlib'
import {decodePDFRawStream, PDFArray, type PDFDict, PDFName, PDFRawStream, PDFRef} from 'pdf-lib'
import type {PrintedPdf} from './printed-pdf.js'

/** The content streams of the page `node`, in order. */
export function contentStreams(pdf: PrintedPdf, node: PDFDict): Array<{ref: PDFRef; stream: PDFRawStream}> {
  const contents = node.get(PDFName.of('Contents'))
  const refs = pdf.lookup(contents, PDFArray)?.asArray() ?? (contents ? [contents] : [])
  return refs.flatMap((ref) => {
    const stream = pdf.lookup(ref, PDFRawStream)
    return ref instanceof PDFRef && stream ? [{ref, stream}] : []
  })
}

/** A stream's decoded bytes as a string of Latin-1 characters, one per byte. */
export function streamText(stream: PDFRawStream): string {
  const plainFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))
  return (plainFlate ? inflateSync(stream.contents) : Buffer.from(decodePDFRawStream(stream).decode())).toString('latin1')
}

/**
 * Replace the stream at `ref` with `text` (one byte per character), Flate-compressed. Every page's content is
 * compressed again (its artifacts are marked): at zlib's level 5 rather than 6 that costs a third less time, for
 * 2 % more bytes in a printed PDF.
 */
export function setStreamText(pdf: PrintedPdf, ref: PDFRef, text: string): void {
  pdf.assign(ref, pdf.context.stream(deflateSync(Buffer.from(text, 'latin1'), {level: 5}), {Filter: 'FlateDecode'}))
}
