/**
 * The document information Chromium does not write: title, author, subject,
 * keywords, language, "display the title", and dates taken from the
 * document's own `date`, so the same input gives the same bytes; and links
 * to the build's files made relative (see links.ts). pdf-lib
 * keeps every object reachable from the catalog, the tags among them.
 */
import {ParseSpeeds, PDFDocument, PDFName} from 'pdf-lib'
import {relinkFiles} from './links.js'
import {dropSoftHyphenText} from './soft-hyphens.js'
import {renumberStructureIds} from './structure-ids.js'

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
}

/**
 * A printed PDF, parsed in one go: pdf-lib's default yields to the event
 * loop every hundred objects (and, saving, every fifty), which only makes
 * each PDF wait; the build has the browser's work to overlap with, not this.
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest})
}

/** Set the metadata of a printed PDF and make its bytes. */
export async function setMetadata(document: PDFDocument, meta: PdfMetadata): Promise<Uint8Array> {
  const date = new Date(`${meta.date ?? '2000-01-01'}T00:00:00Z`)
  document.setTitle(meta.title, {showInWindowTitleBar: true})
  if (meta.authors.length > 0) document.setAuthor(meta.authors.join('; '))
  if (meta.subject) document.setSubject(meta.subject)
  if (meta.keywords.length > 0) document.setKeywords(meta.keywords)
  document.setCreator(meta.producer)
  document.setProducer(meta.producer)
  document.setLanguage(meta.lang)
  document.setCreationDate(date)
  document.setModificationDate(date)
  relinkFiles(document, meta.folder)
  renumberStructureIds(document)
  dropSoftHyphenText(document)
  // Chromium may write an XMP stream with its own dates and tool: drop it, the info dictionary says it all.
  document.catalog.delete(PDFName.of('Metadata'))
  return document.save({useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY})
}
