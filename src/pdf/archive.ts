/**
 * What PDF/A-2 (ISO 19005-2) asks of a print beyond PDF/UA-1, for archives:
 * an output intent that says what the device colours Chromium paints in
 * mean (sRGB, from the ICC profile shipped in `resources/icc/`); and a file
 * identifier in the trailer (`PrintedPdf.identifyByContent`). Level A's
 * other demands (tags, Unicode for every glyph, embedded fonts, metadata
 * that agrees with the document information) are met by the print and
 * metadata.ts; the claim itself is in the XMP packet (xmp.ts).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {deflateSync} from 'node:zlib'
import {PDFName, PDFRawStream, PDFString} from 'pdf-lib'
import {packageResources} from '../project.js'
import type {PrintedPdf} from './printed-pdf.js'

let profile: Buffer | undefined

/** The sRGB IEC61966-2.1 profile, read once. */
function srgbProfile(): Buffer {
  profile ??= deflateSync(readFileSync(path.join(packageResources, 'icc', 'sRGB.icc')))
  return profile
}

/** Add the sRGB output intent (PDF/A's `GTS_PDFA1`), unless the PDF has output intents of its own. */
export function setOutputIntent(pdf: PrintedPdf): void {
  if (pdf.catalog.has(PDFName.of('OutputIntents'))) return
  const {context} = pdf
  const icc = pdf.register(PDFRawStream.of(context.obj({N: 3, Filter: 'FlateDecode'}), srgbProfile()))
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: icc
  })
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]))
}
