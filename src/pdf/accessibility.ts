/**
 * The machine-checkable failure conditions of the Matterhorn Protocol 1.1
 * (PDF/UA-1, ISO 14289-1) that apply to what policy-press prints, checked
 * with pdf-lib on any PDF: each failure with its checkpoint, the page or
 * object it concerns and a count. The conditions that need a person (is the
 * alt text right, is the reading order logical) are not here.
 */
import {decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRawStream, PDFRef, PDFStream, PDFString} from 'pdf-lib'
import {contentOperators} from './content-operators.js'

export interface AccessibilityFailure {
  /** Matterhorn checkpoint and failure condition, e.g. `01-005`. */
  checkpoint: string
  reason: string
  /** 1-based page, where the failure is on one. */
  page?: number | undefined
  /** `N G R` of the object concerned, where there is one. */
  object?: string | undefined
  /** How many times it occurs there (operators, elements). */
  count: number
}

export interface AccessibilityReport {
  pages: number
  failures: AccessibilityFailure[]
}

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4): others need a role map entry. */
const standardTypes = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' ')
)
const textOperators = new Set(['Tj', 'TJ', "'", '"'])
const paintOperators = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'Do', 'BI'])

/** A well-formed BCP 47 language tag (ISO 14289-1, 7.2, by way of ISO 32000-1, 14.9.2). */
function isLanguageTag(value: string | undefined): boolean {
  if (!value) return false
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}

const text = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined

/** Check `bytes` against the Matterhorn conditions policy-press's content can fail. */
export async function checkAccessibility(bytes: Uint8Array): Promise<AccessibilityReport> {
  let pdf: PDFDocument
  try {
    pdf = await PDFDocument.load(bytes, {updateMetadata: false, throwOnInvalidObject: false})
  } catch (error) {
    // Not a PDF at all (truncated, or another file named .pdf): one failure, which says so.
    return {pages: 0, failures: [{checkpoint: 'read', reason: `Cannot be read as a PDF: ${(error as Error).message.split('\n')[0]}`, count: 1}]}
  }
  const {context, catalog} = pdf
  const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? context.lookup(value) : value)
  const dict = (value: PDFObject | undefined) => {
    const found = lookup(value)
    return found instanceof PDFDict ? found : found instanceof PDFStream ? found.dict : undefined
  }
  const refOf = (value: PDFObject | undefined) => (value instanceof PDFRef ? `${value.objectNumber} ${value.generationNumber} R` : undefined)
  const failures: AccessibilityFailure[] = []
  const fail = (checkpoint: string, reason: string, where: {page?: number; object?: string; count?: number} = {}) =>
    failures.push({checkpoint, reason, page: where.page, object: where.object, count: where.count ?? 1})

  // Metadata: an XMP stream with the PDF/UA identifier and a title (06-001, 06-002, 06-003).
  const metadata = lookup(catalog.get(PDFName.of('Metadata')))
  if (!(metadata instanceof PDFStream)) {
    fail('06-001', 'No XMP metadata stream in the catalog')
  } else {
    const xmp = Buffer.from(metadata instanceof PDFRawStream ? decodePDFRawStream(metadata).decode() : metadata.getContents()).toString('utf8')
    if (!/pdfuaid:part(?:>\s*1\s*<|\s*=\s*["']1["'])/.test(xmp)) fail('06-002', 'The XMP metadata has no PDF/UA identifier (pdfuaid:part 1)')
    if (!/<dc:title>/.test(xmp)) fail('06-003', 'The XMP metadata has no dc:title')
  }
  // The document: marked, titled for display, in a language (01-001, 07-001, 11-001).
  const markInfo = dict(catalog.get(PDFName.of('MarkInfo')))
  if (lookup(markInfo?.get(PDFName.of('Marked'))) !== PDFBool.True) fail('01-001', 'The document is not marked as tagged (MarkInfo /Marked true)')
  const preferences = dict(catalog.get(PDFName.of('ViewerPreferences')))
  if (lookup(preferences?.get(PDFName.of('DisplayDocTitle'))) !== PDFBool.True) fail('07-001', 'The viewer is not told to show the title (DisplayDocTitle)')
  if (!text(lookup(catalog.get(PDFName.of('Lang'))))) fail('11-001', 'The document has no natural language (/Lang)')

  // The structure tree: role map, figures' alternative text, heading levels (02-001, 13-004, 14-003).
  const root = dict(catalog.get(PDFName.of('StructTreeRoot')))
  if (!root) fail('01-001', 'No structure tree (StructTreeRoot)')
  const roleMap = dict(root?.get(PDFName.of('RoleMap')))
  const unmapped = new Map<string, number>()
  const noteIds = new Map<string, number>()
  let lastHeading = 0
  const pending: PDFObject[] = root ? [root.get(PDFName.of('K'))!] : []
  while (pending.length > 0) {
    const value = pending.pop()
    const ref = refOf(value)
    const node = lookup(value)
    if (node instanceof PDFArray) {
      for (let index = node.size() - 1; index >= 0; index--) pending.push(node.get(index))
      continue
    }
    if (!(node instanceof PDFDict)) continue
    const type = node.get(PDFName.of('S'))
    if (type instanceof PDFName) {
      const name = type.decodeText()
      const mapped = roleMap?.get(PDFName.of(name))
      const role = mapped instanceof PDFName ? mapped.decodeText() : name
      if (!standardTypes.has(role)) unmapped.set(name, (unmapped.get(name) ?? 0) + 1)
      if (role === 'Figure' && !text(lookup(node.get(PDFName.of('Alt')))) && !text(lookup(node.get(PDFName.of('ActualText'))))) {
        fail('13-004', 'A Figure has no alternative text (/Alt)', {object: ref})
      }
      if (role === 'Note') {
        const id = text(lookup(node.get(PDFName.of('ID'))))
        if (!id) fail('19-003', 'A Note has no /ID', {object: ref})
        else noteIds.set(id, (noteIds.get(id) ?? 0) + 1)
      }
      const lang = lookup(node.get(PDFName.of('Lang')))
      if (lang !== undefined && !isLanguageTag(text(lang))) fail('11-001', `A structure element's /Lang is not a language tag: ${JSON.stringify(text(lang) ?? '')}`, {object: ref})
      const level = /^H([1-6])$/.exec(role)
      if (level) {
        if (Number(level[1]) > lastHeading + 1) fail('14-003', `Heading level skipped: H${level[1]} after ${lastHeading === 0 ? 'none' : `H${lastHeading}`}`, {object: ref})
        lastHeading = Number(level[1])
      }
    }
    const kids = node.get(PDFName.of('K'))
    if (kids) pending.push(kids)
  }
  for (const [name, count] of unmapped) fail('02-001', `Non-standard structure type /${name} without a role map entry`, {count})
  for (const [id, count] of noteIds) if (count > 1) fail('19-004', `${count} Notes share the /ID ${JSON.stringify(id)}`, {count})

  // Each page: content tagged or an artifact (01-005), annotations in structure order with contents (28-008, 28-011).
  const pages = pdf.getPages()
  for (const [index, page] of pages.entries()) {
    const number = index + 1
    const streams = page.node.Contents()
    const parts = streams instanceof PDFArray ? streams.asArray() : streams ? [streams] : []
    const bytes = Buffer.concat(
      parts.map((part) => {
        const stream = lookup(part)
        return stream instanceof PDFRawStream ? Buffer.concat([Buffer.from(decodePDFRawStream(stream).decode()), Buffer.from('\n')]) : Buffer.alloc(0)
      })
    )
    // Each open marked-content sequence: tagged (an MCID), an artifact, or neither (a plain BMC/BDC).
    const stack: Array<'tagged' | 'artifact' | 'other'> = []
    let untaggedText = 0
    let untaggedPaint = 0
    let artifactInTagged = 0
    let taggedInArtifact = 0
    for (const operator of contentOperators(bytes)) {
      if (operator.name === 'BDC' || operator.name === 'BMC') {
        const kind = operator.tag === 'Artifact' ? 'artifact' : operator.mcid ? 'tagged' : 'other'
        if (kind === 'artifact' && stack.includes('tagged')) artifactInTagged++
        if (kind === 'tagged' && stack.includes('artifact')) taggedInArtifact++
        stack.push(kind)
      } else if (operator.name === 'EMC') stack.pop()
      else if (textOperators.has(operator.name) || paintOperators.has(operator.name)) {
        if (!stack.some((kind) => kind !== 'other')) {
          if (textOperators.has(operator.name)) untaggedText++
          else untaggedPaint++
        }
      }
    }
    if (untaggedText > 0) fail('01-005', 'Text neither tagged nor marked as an artifact', {page: number, count: untaggedText})
    if (untaggedPaint > 0) fail('01-005', 'Graphics neither tagged nor marked as an artifact', {page: number, count: untaggedPaint})
    if (artifactInTagged > 0) fail('01-003', 'An artifact inside tagged content', {page: number, count: artifactInTagged})
    if (taggedInArtifact > 0) fail('01-004', 'Tagged content inside an artifact', {page: number, count: taggedInArtifact})

    const annotations = lookup(page.node.get(PDFName.of('Annots')))
    if (annotations instanceof PDFArray && annotations.size() > 0) {
      const tabs = page.node.get(PDFName.of('Tabs'))
      if (!(tabs instanceof PDFName) || tabs.decodeText() !== 'S') fail('28-008', 'A page with annotations does not order them by structure (/Tabs /S)', {page: number})
      let withoutContents = 0
      for (const annotation of annotations.asArray()) {
        const node = dict(annotation)
        const subtype = node?.get(PDFName.of('Subtype'))
        if (subtype instanceof PDFName && subtype.decodeText() === 'Link' && !text(lookup(node!.get(PDFName.of('Contents'))))) withoutContents++
      }
      if (withoutContents > 0) fail('28-011', 'Link annotations without a description (/Contents)', {page: number, count: withoutContents})
    }
  }

  // Fonts: every one embedded (31-001 and the like), whatever page uses it.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue
    const subtype = object.get(PDFName.of('Subtype'))
    if (subtype === PDFName.of('Type0') || subtype === PDFName.of('Type3')) continue
    const descriptor = dict(object.get(PDFName.of('FontDescriptor')))
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(PDFName.of(key)))
    if (!embedded) fail('31-001', `Font ${lookup(object.get(PDFName.of('BaseFont')))?.toString() ?? ''} is not embedded`, {object: `${ref.objectNumber} ${ref.generationNumber} R`})
  }
  return {pages: pages.length, failures}
}
