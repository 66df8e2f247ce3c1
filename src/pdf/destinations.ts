/**
 * Where each heading landed: Chromium writes a named destination for every
 * element that a link in the page points at, so the print of a page whose
 * table of contents links to every heading tells us each heading's page.
 */
import {PDFArray, PDFDict, PDFRef} from 'pdf-lib'
import type {PrintedPdf} from './printed-pdf.js'

export function destinationPages(pdf: PrintedPdf): Map<string, number> {
  const pageNumbers = new Map<string, number>()
  pdf.pages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1))
  const result = new Map<string, number>()
  const dests = pdf.get(pdf.catalog, 'Dests', PDFDict)
  if (!dests) return result
  for (const [name, value] of dests.entries()) {
    const target = pdf.lookup(value, PDFArray)
    const ref = target?.get(0)
    if (ref instanceof PDFRef) {
      const page = pageNumbers.get(ref.toString())
      if (page !== undefined) result.set(decodeName(name.asString().slice(1)), page)
    }
  }
  return result
}

/** PDF names escape bytes as `#xx`; ids are UTF-8. */
export function decodeName(name: string): string {
  const bytes: number[] = []
  for (let index = 0; index < name.length; index++) {
    if (name[index] === '#' && /^[0-9a-fA-F]{2}$/.test(name.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(name.slice(index + 1, index + 3), 16))
      index += 2
    } else {
      bytes.push(name.charCodeAt(index))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}
