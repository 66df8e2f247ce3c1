/**
 * The document information Chromium does not write: title, author, subject,
 * keywords, language, "display the title", and dates taken from the
 * document's own `date`, so the same input gives the same bytes; the same
 * in an XMP metadata packet that claims PDF/UA-1 (see xmp.ts); a
 * description on every link (see links.ts), and links to the build's files
 * made relative. Everything else of the print, the tags among it, is kept as
 * Chromium wrote it.
 */
import {setOutputIntent} from './archive.js'
import {mapRoles} from './role-map.js'
import {PDFBool, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFString} from 'pdf-lib'
import {describeLinks, relinkFiles} from './links.js'
import type {PrintLink} from './load-page.js'
import type {PrintedPdf} from './printed-pdf.js'
import {dropSoftHyphenText} from './soft-hyphens.js'
import {markArtifacts} from './artifacts.js'
import {editPageContent} from './page-content.js'
import {renumberStructureIds} from './structure-ids.js'
import {setStructureTypes} from './structure-types.js'
import {xmpPacket} from './xmp.js'

export interface PdfMetadata {
  title: string
  authors: string[]
  subject: string | undefined
  keywords: string[]
  lang: string
  /** `YYYY-MM-DD`; the PDF's creation and modification date. */
  date: string | undefined
  producer: string
  /** The folder the PDF is written to: links to files of the build become relative to it. */
  folder: string
  /** The links of the printed page, in document order: their texts describe the link annotations. */
  links: PrintLink[]
}

/** Set the metadata of a printed PDF and make its bytes. */
export function setMetadata(pdf: PrintedPdf, meta: PdfMetadata): Uint8Array {
  const when = new Date(`${meta.date ?? '2000-01-01'}T00:00:00Z`)
  const date = PDFString.fromDate(when)
  const info = pdf.info()
  const text = (key: string, value: string): void => info.set(PDFName.of(key), PDFHexString.fromText(value))
  text('Title', meta.title)
  if (meta.authors.length > 0) text('Author', meta.authors.join('; '))
  if (meta.subject) text('Subject', meta.subject)
  if (meta.keywords.length > 0) text('Keywords', meta.keywords.join(' '))
  text('Creator', meta.producer)
  text('Producer', meta.producer)
  info.set(PDFName.of('CreationDate'), date)
  info.set(PDFName.of('ModDate'), date)
  const {catalog, context} = pdf
  catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang))
  const preferences = pdf.get(catalog, 'ViewerPreferences', PDFDict)
  if (preferences) preferences.set(PDFName.of('DisplayDocTitle'), PDFBool.True)
  else catalog.set(PDFName.of('ViewerPreferences'), context.obj({DisplayDocTitle: true}))
  mapRoles(pdf)
  describeLinks(pdf, meta.links)
  relinkFiles(pdf, meta.folder)
  renumberStructureIds(pdf)
  // After the renumbering: the notes' IDs are ours, not Chromium's.
  setStructureTypes(pdf)
  editPageContent(pdf, (text, page) => markArtifacts(dropSoftHyphenText(text), page.height))
  // Chromium may write an XMP stream with its own dates and tool: ours replaces it. Uncompressed, as PDF/A and
  // PDF/UA validators and search tools expect to find it.
  const xmp = xmpPacket({
    title: meta.title,
    lang: meta.lang,
    authors: meta.authors,
    description: meta.subject,
    keywords: meta.keywords,
    date: when.toISOString().replace('.000Z', 'Z'),
    producer: meta.producer
  })
  catalog.set(PDFName.of('Metadata'), pdf.register(PDFRawStream.of(context.obj({Type: 'Metadata', Subtype: 'XML'}), xmp)))
  setOutputIntent(pdf)
  pdf.identifyByContent()
  return pdf.save()
}
