/**
 * Rewriting what each page draws, in one pass: every page's content is
 * read once, edited as text, and written again only when it changed
 * (compressing a stream again is the costly part).
 */
import {PDFArray, PDFDict, PDFName, PDFNumber} from 'pdf-lib'
import {contentStreams, setStreamText, streamText} from './content-streams.js'
import type {PrintedPdf} from './printed-pdf.js'

export interface PageFacts {
  /** Height of the page's media box, in default user space units. */
  height: number
}

/** Replace each page's content by `edit` of it. A page of several streams gets one: a marked sequence may cross them. */
export function editPageContent(pdf: PrintedPdf, edit: (text: string, page: PageFacts) => string): void {
  for (const page of pdf.pages()) {
    const streams = contentStreams(pdf, page.node)
    if (streams.length === 0) continue
    const text = streams.map(({stream}) => streamText(stream)).join('\n')
    const edited = edit(text, {height: mediaBoxHeight(pdf, page.node)})
    if (edited === text) continue
    setStreamText(pdf, streams[0]!.ref, edited)
    if (streams.length > 1) page.node.set(PDFName.of('Contents'), streams[0]!.ref)
  }
}

/** The height of a page's media box, which it may inherit from its parents (A4 when none says). */
function mediaBoxHeight(pdf: PrintedPdf, node: PDFDict): number {
  let current: PDFDict | undefined = node
  for (let depth = 0; current && depth < 64; depth++) {
    const box = pdf.get(current, 'MediaBox', PDFArray)
    if (box && box.size() === 4) {
      const [, bottom, , top] = box.asArray().map((value) => pdf.lookup(value, PDFNumber)?.asNumber() ?? 0)
      return Math.abs(top! - bottom!)
    }
    current = pdf.get(current, 'Parent', PDFDict)
  }
  return 841.92
}
