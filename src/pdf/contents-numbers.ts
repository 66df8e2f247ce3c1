/**
 * The page numbers of the table of contents, set into the printed PDF.
 *
 * Chromium has no `target-counter()`. The print page carries a placeholder
 * "000" for each number (tabular figures, so it has the width of any
 * three-digit number), and its links make Chromium write a named
 * destination for every heading: the same PDF says where each heading
 * landed. Each placeholder's text object is then rewritten to show its
 * number, right-aligned at the placeholder's right edge, in the same font
 * and size. Only the glyphs inside one text object change, never the layout
 * or the tags around it, so this gives what printing again with the numbers
 * filled in would give, without laying the document out a second time.
 *
 * It needs two things of the printed PDF, and checks both before changing
 * anything: one placeholder per contents entry, in order, in the text objects
 * Chromium (Skia) writes; and each digit's glyph in the placeholder's font
 * (a PDF embeds only the glyphs it shows; the running page numbers provide
 * them when they are set in the same font). When either is missing,
 * `setContentsNumbers` returns `false`: the caller prints again instead.
 */
import {PDFArray, PDFDict, PDFName, PDFNumber, type PDFObject, PDFRawStream, type PDFRef} from 'pdf-lib'
import {contentStreams, setStreamText, streamText} from './content-streams.js'
import type {PrintedPdf} from './printed-pdf.js'

/** A text object of three equal glyphs, as Skia writes it: font, matrix, then each glyph with the advance before it. */
const placeholderPattern =
  /BT\n\/([^\s/]+) ([\d.]+) Tf\n1 0 0 -1 (-?[\d.]+) (-?[\d.]+) Tm\n<([0-9a-f]{4})> Tj\n([\d.]+) 0 Td <\5> Tj\n([\d.]+) 0 Td <\5> Tj\nET/g

interface FontInfo {
  /** Glyph ids (4 hex digits) of each digit 0–9 the font has: more than one where it has proportional and tabular figures. */
  digits: Map<string, string[]>
  /** The glyph ids that show "0". */
  zeros: Set<string>
  width(glyph: string): number
}

interface Edit {
  ref: PDFRef
  text: string
}

/** Set the contents page numbers (`numbers[i]` for the i-th contents entry; `undefined` leaves it blank). */
export function setContentsNumbers(pdf: PrintedPdf, numbers: Array<number | undefined>): boolean {
  const fonts = new Map<string, FontInfo | undefined>()
  const edits: Edit[] = []
  let next = 0
  for (const page of pdf.pages()) {
    if (next === numbers.length) break
    const fontsOfPage = pdf.get(pdf.get(page.node, 'Resources', PDFDict), 'Font', PDFDict)
    for (const {ref, stream} of contentStreams(pdf, page.node)) {
      const text = streamText(stream)
      let failed = false
      let changed = false
      const rewritten = text.replace(placeholderPattern, (match, name: string, size: string, x: string, y: string, glyph: string, advance1: string, advance2: string) => {
        const fontRef = fontsOfPage?.get(PDFName.of(name))
        const key = fontRef?.toString() ?? ''
        if (!fonts.has(key)) fonts.set(key, fontRef ? fontInfo(pdf, fontRef) : undefined)
        const font = fonts.get(key)
        if (!font?.zeros.has(glyph)) return match
        if (next >= numbers.length) {
          failed = true
          return match
        }
        const number = numbers[next++]
        // The figures as wide as the placeholder's zero: tabular, like it.
        const glyphs = number === undefined ? [] : [...String(number)].map((digit) => pick(font.digits.get(digit), (id) => font.width(id) === font.width(glyph)))
        if (glyphs.some((id) => id === undefined)) {
          failed = true
          return match
        }
        changed = true
        const fontSize = Number(size)
        const right = Number(x) + Number(advance1) + Number(advance2) + (font.width(glyph) * fontSize) / 1000
        return showRightAligned(name, size, right, y, glyphs as string[], (id) => (font.width(id) * fontSize) / 1000)
      })
      if (failed) return false
      if (changed) edits.push({ref, text: rewritten})
    }
  }
  if (next !== numbers.length) return false
  for (const edit of edits) setStreamText(pdf, edit.ref, edit.text)
  return true
}

/** A text object showing `glyphs` so that they end at `right`. */
function showRightAligned(font: string, size: string, right: number, y: string, glyphs: string[], advance: (glyph: string) => number): string {
  if (glyphs.length === 0) return `BT\n/${font} ${size} Tf\nET`
  const widths = glyphs.map(advance)
  const left = right - widths.reduce((sum, width) => sum + width, 0)
  const shows = glyphs.map((glyph, index) => (index === 0 ? `<${glyph}> Tj` : `${decimal(widths[index - 1]!)} 0 Td <${glyph}> Tj`))
  return `BT\n/${font} ${size} Tf\n1 0 0 -1 ${decimal(left)} ${y} Tm\n${shows.join('\n')}\nET`
}

const decimal = (value: number): string => String(Number(value.toFixed(5)))

/** The digits' glyphs and the glyph widths of a Type 0 font, from its ToUnicode map and its descendant's widths. */
function fontInfo(pdf: PrintedPdf, ref: PDFObject): FontInfo | undefined {
  const font = pdf.lookup(ref, PDFDict)
  const toUnicode = pdf.get(font, 'ToUnicode', PDFRawStream)
  const descendant = pdf.lookup(pdf.get(font, 'DescendantFonts', PDFArray)?.get(0), PDFDict)
  if (!toUnicode || !descendant) return undefined
  const unicode = parseToUnicode(streamText(toUnicode))
  const widths = parseWidths(pdf, pdf.get(descendant, 'W', PDFArray))
  const defaultWidth = pdf.get(descendant, 'DW', PDFNumber)?.asNumber() ?? 1000
  const width = (glyph: string): number => widths.get(Number.parseInt(glyph, 16)) ?? defaultWidth
  const zeros = new Set<string>()
  const digits = new Map<string, string[]>()
  for (const [glyph, text] of unicode) {
    if (!/^[0-9]$/.test(text)) continue
    if (text === '0') zeros.add(glyph)
    digits.set(text, [...(digits.get(text) ?? []), glyph])
  }
  return {digits, zeros, width}
}

function pick(candidates: string[] | undefined, preferred: (glyph: string) => boolean): string | undefined {
  return candidates?.find(preferred) ?? candidates?.[0]
}

/** `<gid> <unicode>` pairs of a ToUnicode CMap (bfchar, and bfrange with a start code). */
export function parseToUnicode(cmap: string): Map<string, string> {
  const result = new Map<string, string>()
  const hex = (value: string): string => value.toLowerCase().padStart(4, '0')
  const decode = (value: string): string => String.fromCharCode(...(value.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)))
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) result.set(hex(glyph!), decode(text!))
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, first, last, start] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const from = Number.parseInt(first!, 16)
      const base = Number.parseInt(start!, 16)
      for (let code = from; code <= Number.parseInt(last!, 16); code++) {
        result.set(code.toString(16).padStart(4, '0'), String.fromCharCode(base + code - from))
      }
    }
  }
  return result
}

/** A CIDFont's /W array: `c [w1 w2 …]` and `cFirst cLast w`. */
function parseWidths(pdf: PrintedPdf, array: PDFArray | undefined): Map<number, number> {
  const widths = new Map<number, number>()
  if (!array) return widths
  const items = array.asArray().map((item) => pdf.lookup(item))
  for (let index = 0; index < items.length; ) {
    const first = items[index]
    const second = items[index + 1]
    if (!(first instanceof PDFNumber)) break
    if (second instanceof PDFArray) {
      second.asArray().forEach((width, offset) => {
        const value = pdf.lookup(width)
        if (value instanceof PDFNumber) widths.set(first.asNumber() + offset, value.asNumber())
      })
      index += 2
    } else {
      const width = items[index + 2]
      if (!(second instanceof PDFNumber) || !(width instanceof PDFNumber)) break
      for (let code = first.asNumber(); code <= second.asNumber(); code++) widths.set(code, width.asNumber())
      index += 3
    }
  }
  return widths
}
