/**
 * Chromium keeps each soft hyphen of the text in the PDF as a zero-width
 * mark whose ActualText is U+00AD, so copied or extracted text reads
 * "mu­ni­ci­pal­i­ties". Their ActualText is emptied: the words come back
 * whole, and the page looks the same.
 */

const actualText = /\/ActualText\s*<([0-9a-f]+)>/gi

/** `text` (a content stream, one character per byte) with U+00AD taken out of every ActualText. */
export function dropSoftHyphenText(text: string): string {
  if (!text.includes('/ActualText')) return text
  // ActualText is UTF-16BE in hex; drop its U+00AD units (alone, or inside a ligature's text).
  return text.replace(actualText, (_, hex: string) => {
    const units = hex.match(/.{4}/g) ?? []
    return `/ActualText <${units.filter((unit) => unit.toLowerCase() !== '00ad').join('')}>`
  })
}
