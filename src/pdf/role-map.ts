/**
 * The structure types Chromium writes that PDF 1.7 does not define (they
 * come from PDF 2.0: `Em`, `Strong`, …) mapped to their standard 1.7
 * equivalents in the structure tree's role map, as PDF/UA-1 requires
 * (Matterhorn 02-001). Assistive technology then knows what each element is.
 */
import {PDFDict, PDFName} from 'pdf-lib'
import type {PrintedPdf} from './printed-pdf.js'

/** PDF 2.0 types and their nearest PDF 1.7 standard type (ISO 32000-2, 14.8.4, against ISO 32000-1). */
const standardRoles: Record<string, string> = {
  Em: 'Span',
  Strong: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
  Aside: 'Div'
}

export function mapRoles(pdf: PrintedPdf): void {
  const root = pdf.get(pdf.catalog, 'StructTreeRoot', PDFDict)
  if (!root) return
  let roleMap = pdf.get(root, 'RoleMap', PDFDict)
  if (!roleMap) {
    roleMap = pdf.context.obj({})
    root.set(PDFName.of('RoleMap'), roleMap)
  }
  for (const [type, role] of Object.entries(standardRoles)) {
    if (!roleMap.get(PDFName.of(type))) roleMap.set(PDFName.of(type), PDFName.of(role))
  }
}
