/**
 * Chromium names the structure elements of a tagged PDF after DOM node
 * numbers (`node00000579`), which depend on what the renderer built before:
 * the same page printed by a fresh or a reused browser page would differ.
 * Renumbering them in order makes the same input give the same bytes.
 */
import {PDFArray, PDFDict, type PDFDocument, PDFName, PDFString} from 'pdf-lib'

function collectNames(tree: PDFDict, names: string[]): void {
  const pairs = tree.lookupMaybe(PDFName.of('Names'), PDFArray)
  if (pairs) {
    for (let index = 0; index < pairs.size(); index += 2) {
      const name = pairs.lookupMaybe(index, PDFString)
      if (name) names.push(name.asString())
    }
  }
  const kids = tree.lookupMaybe(PDFName.of('Kids'), PDFArray)
  if (kids) for (let index = 0; index < kids.size(); index++) collectNames(kids.lookup(index, PDFDict), names)
}

export function renumberStructureIds(document: PDFDocument): void {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  const idTree = root?.lookupMaybe(PDFName.of('IDTree'), PDFDict)
  if (!idTree) return
  const names: string[] = []
  collectNames(idTree, names)
  // Zero-padded numbers in the old names sort as numbers; the new ones keep that order.
  const renamed = new Map([...names].sort().map((name, index) => [name, `id${String(index).padStart(8, '0')}`]))
  // The old names stand as strings in /ID, the ID tree's /Names and /Limits, and table cells' /Headers.
  const visit = (object: unknown): void => {
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const next = value instanceof PDFString ? renamed.get(value.asString()) : undefined
        if (next !== undefined) object.set(key, PDFString.of(next))
        else visit(value)
      }
    } else if (object instanceof PDFArray) {
      for (let index = 0; index < object.size(); index++) {
        const value = object.get(index)
        const next = value instanceof PDFString ? renamed.get(value.asString()) : undefined
        if (next !== undefined) object.set(index, PDFString.of(next))
        else visit(value)
      }
    }
  }
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object)
}
