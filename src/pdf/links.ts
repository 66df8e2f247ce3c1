/**
 * Link annotations: each described by its link's text, and those that point
 * at files of the build made portable.
 *
 * PDF/UA-1 (ISO 14289-1, 7.18.5) asks every link annotation for a `/Contents`
 * that describes it; Chromium writes none. The words are in the PDF only as
 * glyphs in content streams (behind the Link structure elements' marked
 * content), which would mean decoding streams and fonts: the page that was
 * printed names every link instead (see `PrintLink`, collected before the
 * print). The annotations are matched to those links by what they point at
 * and, among links to the same place, by order: the page's links in
 * document order, the annotations in page order and, on a page, in the order
 * Chromium writes them (the order it paints them). The annotations of one
 * link (one per line or page it spans) belong to one Link structure element,
 * found through each one's `/StructParent` in the structure tree's parent
 * tree, and take one link's text together.
 *
 * Links in a PDF that point at files of the build: Chromium writes them as
 * absolute `file://` URLs of the machine that printed. A link to another
 * page of the site becomes a link to that document's PDF (a GoToR action to
 * the heading's named destination), a link to any other file a relative
 * URI, so the PDFs work wherever they are put, and two builds in different
 * folders give the same bytes.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import createDebug from 'debug'
import {PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString} from 'pdf-lib'
import {decodeName} from './destinations.js'
import type {PrintLink} from './load-page.js'
import type {PrintedPdf} from './printed-pdf.js'

const debug = createDebug('policy-press:pdf')

/** Each link annotation of every page, in order. */
function* linkAnnotations(pdf: PrintedPdf): Generator<{annotation: PDFDict; ref: PDFObject}> {
  for (const page of pdf.pages()) {
    const annotations = pdf.get(page.node, 'Annots', PDFArray)
    for (const ref of annotations?.asArray() ?? []) {
      const annotation = pdf.lookup(ref, PDFDict)
      if (annotation?.get(PDFName.of('Subtype')) === PDFName.of('Link')) yield {annotation, ref}
    }
  }
}

/** What an annotation points at, in the form of `PrintLink.target`. */
function targetOf(pdf: PrintedPdf, annotation: PDFDict): string | undefined {
  const action = pdf.get(annotation, 'A', PDFDict)
  const uri = pdf.get(action, 'URI', PDFString)
  if (uri) return uri.decodeText()
  const destination = pdf.lookup(annotation.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D')))
  if (destination instanceof PDFName) return `#${decodeName(destination.asString().slice(1))}`
  if (destination instanceof PDFString || destination instanceof PDFHexString) return `#${destination.decodeText()}`
  return undefined
}

/** The structure element of each `/StructParent` key: the parent tree, a number tree (ISO 32000-1, 7.9.7). */
function structParents(pdf: PrintedPdf): Map<number, string> {
  const parents = new Map<number, string>()
  const root = pdf.get(pdf.catalog, 'StructTreeRoot', PDFDict)
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 32) return
    const nums = pdf.get(node, 'Nums', PDFArray)?.asArray() ?? []
    for (let index = 0; index + 1 < nums.length; index += 2) {
      const key = nums[index]
      const value = nums[index + 1]
      if (key instanceof PDFNumber && value instanceof PDFRef) parents.set(key.asNumber(), value.toString())
    }
    for (const kid of pdf.get(node, 'Kids', PDFArray)?.asArray() ?? []) walk(pdf.lookup(kid, PDFDict), depth + 1)
  }
  walk(pdf.get(root, 'ParentTree', PDFDict), 0)
  return parents
}

/** Give every link annotation a `/Contents`: its link's text (see above). Run before `relinkFiles`, on Chromium's targets. */
export function describeLinks(pdf: PrintedPdf, links: PrintLink[]): void {
  const texts = new Map<string, string[]>()
  for (const link of links) texts.set(link.target, [...(texts.get(link.target) ?? []), link.text])
  const parents = structParents(pdf)
  const groups = new Map<string, {target: string | undefined; annotations: PDFDict[]}>()
  for (const {annotation, ref} of linkAnnotations(pdf)) {
    const key = annotation.get(PDFName.of('StructParent'))
    const group = (key instanceof PDFNumber && parents.get(key.asNumber())) || `annotation ${ref.toString()}`
    const known = groups.get(group)
    if (known) known.annotations.push(annotation)
    else groups.set(group, {target: targetOf(pdf, annotation), annotations: [annotation]})
  }
  const taken = new Map<string, number>()
  for (const {target, annotations} of groups.values()) {
    const candidates = target === undefined ? undefined : texts.get(target)
    const index = taken.get(target ?? '') ?? 0
    taken.set(target ?? '', index + 1)
    // More annotations than links to a place (a link the page did not list): the last one's text, else the address.
    const text = candidates?.[Math.min(index, candidates.length - 1)] ?? target?.replace(/^#/, '') ?? 'Link'
    if (!candidates || index >= candidates.length) debug('link annotation to %s: no link of the page left for it, described as %o', target, text)
    for (const annotation of annotations) annotation.set(PDFName.of('Contents'), PDFHexString.fromText(text))
  }
}

export function relinkFiles(pdf: PrintedPdf, pdfFolder: string): void {
  // Most prints link to no file: their annotations (one per link) need not be read.
  if (!pdf.mentions('file:')) return
  const {context} = pdf
  for (const page of pdf.pages()) {
    const annotations = pdf.get(page.node, 'Annots', PDFArray)
    if (!annotations) continue
    for (const item of annotations.asArray()) {
      const annotation = pdf.lookup(item, PDFDict)
      const action = pdf.get(annotation, 'A', PDFDict)
      const uri = pdf.get(action, 'URI', PDFString)?.decodeText()
      if (!action || !uri?.startsWith('file:')) continue
      const url = new URL(uri)
      const target = fileURLToPath(new URL(url.pathname, 'file:///').href.replace(/^file:\/\/\//, 'file:///'))
      const relative = path.relative(pdfFolder, target).split(path.sep).join('/')
      if (relative.endsWith('.html')) {
        const hash = decodeURIComponent(url.hash.slice(1))
        const remote = context.obj({
          S: PDFName.of('GoToR'),
          F: PDFString.of(relative.replace(/\.html$/, '.pdf')),
          D: hash ? PDFString.of(hash) : context.obj([0, PDFName.of('Fit')])
        })
        annotation!.set(PDFName.of('A'), remote)
      } else {
        action.set(PDFName.of('URI'), PDFString.of(relative + url.hash))
      }
    }
  }
}
