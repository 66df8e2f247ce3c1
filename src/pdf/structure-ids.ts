/**
 * Chromium names the structure elements of a tagged PDF after DOM node
 * numbers (`node00000579`), which depend on what the renderer built before:
 * the same page printed by a fresh or a reused browser page would differ.
 * Renumbering them in order makes the same input give the same bytes.
 */
import {PDFArray, PDFDict, PDFString} from 'pdf-lib'
import type {PrintedPdf} from './printed-pdf.js'

function collectNames(pdf: PrintedPdf, tree: PDFDict, names: string[], depth: number): void {
  const pairs = pdf.get(tree, 'Names', PDFArray)
  if (pairs) {
    for (let index = 0; index < pairs.size(); index += 2) {
      const name = pdf.lookup(pairs.get(index), PDFString)
      if (name) names.push(name.asString())
    }
  }
  const kids = pdf.get(tree, 'Kids', PDFArray)
  if (kids && depth < 64) {
    for (const kid of kids.asArray()) {
      const node = pdf.lookup(kid, PDFDict)
      if (node) collectNames(pdf, node, names, depth + 1)
    }
  }
}

export function renumberStructureIds(pdf: PrintedPdf): void {
  const idTree = pdf.get(pdf.get(pdf.catalog, 'StructTreeRoot', PDFDict), 'IDTree', PDFDict)
  if (!idTree) return
  const names: string[] = []
  collectNames(pdf, idTree, names, 0)
  // Zero-padded numbers in the old names sort as numbers; the new ones keep that order.
  // The old names stand as strings in /ID, the ID tree's /Names and /Limits, and table cells' /Headers.
  pdf.renameStrings(new Map([...names].sort().map((name, index) => [name, `id${String(index).padStart(8, '0')}`])))
}
