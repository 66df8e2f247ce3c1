/**
 * Chromium keeps each soft hyphen of the text in the PDF as a zero-width
 * mark whose ActualText is U+00AD, so copied or extracted text reads
 * "mu­ni­ci­pal­i­ties". Their ActualText is emptied: the words come back
 * whole, and the page looks the same.
 */
import {contentStreams, setStreamText, streamText} from './content-streams.js'
import type {PrintedPdf} from './printed-pdf.js'

const actualText = /\/ActualText\s*<([0-9a-f]+)>/gi

export function dropSoftHyphenText(pdf: PrintedPdf): void {
  for (const page of pdf.pages()) {
    for (const {ref, stream} of contentStreams(pdf, page.node)) {
      const text = streamText(stream)
      if (!text.includes('/ActualText')) continue
      // ActualText is UTF-16BE in hex; drop its U+00AD units (alone, or inside a ligature's text).
      const cleaned = text.replace(actualText, (_, hex: string) => {
        const units = hex.match(/.{4}/g) ?? []
        return `/ActualText <${units.filter((unit) => unit.toLowerCase() !== '00ad').join('')}>`
      })
      // A page without soft hyphens (a cover, a contents page) keeps its stream: compressing it again is costly.
      if (cleaned !== text) setStreamText(pdf, ref, cleaned)
    }
  }
}
