/**
 * Structure types Chromium cannot write, set in the printed PDF.
 *
 * Chromium derives each structure element from the element's accessibility
 * role, and has no role for a table of contents (TOC, TOCI), a note (Note)
 * or a reference to one (Reference): they come out as lists and spans. What
 * it does carry over is an element's language, verbatim, as `/Lang`. So the
 * print page asks for a type through its language (structure-marks.ts): an
 * element in `lv-x-pdf-note` is a Note in Latvian. Here each such element
 * gets its type and its plain language back (`lv`); a Note gets the unique
 * `/ID` PDF/UA-1 asks of it (Matterhorn 19-003), entered in the ID tree.
 *
 * A `<figure>` holding an image becomes, in Chromium's print, a Figure
 * without alternative text around the image's Figure (which has it) and
 * the caption: PDF/UA fails it (13-004), and a screen reader would meet two
 * figures. The wrapper is a grouping element, a Div.
 *
 * Only the objects that mention a mark or a Figure are read.
 */
import {PDFArray, PDFDict, PDFName, type PDFObject, PDFString} from 'pdf-lib'
import type {PrintedPdf} from './printed-pdf.js'
import {markedType, plainLanguage, structureMark} from './structure-marks.js'

/** Set the types asked for by marked languages, and make figure wrappers Divs. */
export function setStructureTypes(pdf: PrintedPdf): void {
  const notes: Array<{id: string; element: PDFObject}> = []
  for (const ref of pdf.objectsMentioning(structureMark)) {
    const element = pdf.lookup(ref, PDFDict)
    const lang = pdf.get(element, 'Lang', PDFString)?.asString()
    const type = lang === undefined ? undefined : markedType(lang)
    if (!element || !lang || !type) continue
    element.set(PDFName.of('S'), PDFName.of(type))
    element.set(PDFName.of('Lang'), PDFString.of(plainLanguage(lang)))
    // A list's attributes (numbering) say nothing of a table of contents or a group of notes.
    if (type !== 'Reference') element.delete(PDFName.of('A'))
    if (type === 'Note') {
      const id = `note-${String(notes.length + 1).padStart(6, '0')}`
      element.set(PDFName.of('ID'), PDFString.of(id))
      notes.push({id, element: ref})
    }
  }
  if (notes.length > 0) addIds(pdf, notes)
  for (const ref of pdf.objectsMentioning('/S /Figure')) groupFigure(pdf, pdf.lookup(ref, PDFDict))
}

/** A Figure without alternative text that holds another Figure: a Div. */
function groupFigure(pdf: PrintedPdf, element: PDFDict | undefined): void {
  if (!element || element.get(PDFName.of('S')) !== PDFName.of('Figure')) return
  if (element.has(PDFName.of('Alt')) || element.has(PDFName.of('ActualText'))) return
  const kids = pdf.lookup(element.get(PDFName.of('K')))
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
  if (list.some((kid) => pdf.lookup(kid, PDFDict)?.get(PDFName.of('S')) === PDFName.of('Figure'))) element.set(PDFName.of('S'), PDFName.of('Div'))
}

/**
 * Enter `ids` in the structure tree's ID tree (a name tree, ISO 32000-1 7.9.6): as one more kid, after the
 * others, whose keys (`id…`, see structure-ids.ts) sort before `note-…`.
 */
function addIds(pdf: PrintedPdf, ids: Array<{id: string; element: PDFObject}>): void {
  const root = pdf.get(pdf.catalog, 'StructTreeRoot', PDFDict)
  if (!root) return
  const {context} = pdf
  const names = ids.flatMap(({id, element}) => [PDFString.of(id), element])
  const leaf = context.obj({Names: names, Limits: [PDFString.of(ids[0]!.id), PDFString.of(ids.at(-1)!.id)]})
  const tree = pdf.get(root, 'IDTree', PDFDict)
  if (!tree) {
    root.set(PDFName.of('IDTree'), pdf.register(context.obj({Names: names})))
    return
  }
  const kids = pdf.get(tree, 'Kids', PDFArray)
  const existing = pdf.get(tree, 'Names', PDFArray)
  if (kids) {
    kids.push(pdf.register(leaf))
  } else if (existing) {
    // A root with names of its own: they become its first kid, ours the second.
    const first = context.obj({Names: existing.asArray(), Limits: limitsOf(pdf, existing)})
    tree.delete(PDFName.of('Names'))
    tree.set(PDFName.of('Kids'), context.obj([pdf.register(first), pdf.register(leaf)]))
  } else {
    tree.set(PDFName.of('Names'), context.obj(names))
  }
}

function limitsOf(pdf: PrintedPdf, names: PDFArray): PDFArray {
  const keys = names.asArray().filter((_, index) => index % 2 === 0)
  return pdf.context.obj([keys[0]!, keys.at(-1)!])
}
