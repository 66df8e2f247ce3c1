/**
 * complete-pdf: a PDF as Chromium printed it, made whole. The table of
 * contents gets its page numbers, read from the same PDF (each heading's
 * named destination; see pdf/contents-numbers.ts), or where they cannot be
 * set into it, the page is printed again with them filled in; then the
 * metadata Chromium leaves out is added (see pdf/metadata.ts).
 *
 * A module of its own because it brings pdf-lib: render-pdf.ts loads it once
 * the first PDF is printed, so loading it never holds up the first print.
 */
import {destinationPages} from '../pdf/destinations.js'
import {setContentsNumbers} from '../pdf/contents-numbers.js'
import type {PrintPageFacts} from '../pdf/load-page.js'
import {type PdfMetadata, setMetadata} from '../pdf/metadata.js'
import {PrintedPdf} from '../pdf/printed-pdf.js'

export interface Completion {
  /** Print the page again with these page numbers (by heading id) in its table of contents. */
  reprint: (numbers: Map<string, number>) => Promise<Uint8Array>
  /** The metadata to add, but the links' names: those are the page's (`PrintPageFacts.links`). */
  metadata: Omit<PdfMetadata, 'links'>
}

/** The PDF `printed` of a page with `facts`, with its contents numbers and metadata. */
export async function completePdf(printed: Uint8Array, facts: PrintPageFacts, completion: Completion): Promise<Uint8Array> {
  let pdf = PrintedPdf.read(printed)
  if (facts.contents.length > 0) {
    const pages = destinationPages(pdf)
    if (!setContentsNumbers(pdf, facts.contents.map((id) => pages.get(id)))) pdf = PrintedPdf.read(await completion.reprint(pages))
  }
  return setMetadata(pdf, {...completion.metadata, links: facts.links})
}
