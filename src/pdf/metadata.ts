/**
 * The document information Chromium does not write: title, author, subject,
 * keywords, language, "display the title", and dates taken from the
 * document's own `date`, so the same input gives the same bytes; and links
 * to the build's files made relative (see links.ts). Everything else of the
 * print, the tags among it, is kept as Chromium wrote it.
 */
import {PDFBool, PDFDict, PDFHexString, PDFName, PDFString} from 'pdf-lib'
import {relinkFiles} from './links.js'
import type {PrintedPdf} from './printed-pdf.js'
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

/** Set the metadata of a printed PDF and make its bytes. */
export function setMetadata(pdf: PrintedPdf, meta: PdfMetadata): Uint8Array {
  const date = PDFString.fromDate(new Date(`${meta.date ?? '2000-01-01'}T00:00:00Z`))
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
  relinkFiles(pdf, meta.folder)
  renumberStructureIds(pdf)
  dropSoftHyphenText(pdf)
  // Chromium may write an XMP stream with its own dates and tool: drop it, the info dictionary says it all.
  catalog.delete(PDFName.of('Metadata'))
  return pdf.save()
}
