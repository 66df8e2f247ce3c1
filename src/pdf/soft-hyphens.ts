/**
 * Chromium keeps each soft hyphen of the text in the PDF as a zero-width
 * mark whose ActualText is U+00AD, so copied or extracted text reads
 * "mu­ni­ci­pal­i­ties". Their ActualText is emptied: the words come back
 * whole, and the page looks the same.
 */
import type {PDFDocument} from 'pdf-lib'
import {contentStreams, setStreamText, streamText} from './content-streams.js'

const actualText = /\/ActualText\s*<([0-9a-f]+)>/gi

export function dropSoftHyphenText(document: PDFDocument): void {
  for (const page of document.getPages()) {
    for (const {ref, stream} of contentStreams(document, page)) {
      const text = streamText(stream)
      if (!text.includes('/ActualText')) continue
      // ActualText is UTF-16BE in hex; drop its U+00AD units (alone, or inside a ligature's text).
      const cleaned = text.replace(actualText, (_, hex: string) => {
        const units = hex.match(/.{4}/g) ?? []
        return `/ActualText <${units.filter((unit) => unit.toLowerCase() !== '00ad').join('')}>`
      })
      setStreamText(document, ref, cleaned)
    }
  }
}
