/**
 * The XMP metadata packet of a PDF (ISO 16684-1), as PDF/UA-1 asks for it:
 * the `pdfuaid:part` that claims conformance, the title in the document's
 * language, and the same authors, summary, keywords, dates and producer as
 * the document information dictionary (ISO 32000-1, 14.3.2, says the two
 * must agree). Written by hand, not by an XMP library: the packet is small,
 * its form fixed, and its bytes must not depend on anything but the input.
 */

export interface XmpFields {
  title: string
  lang: string
  authors: string[]
  description: string | undefined
  keywords: string[]
  /** ISO 8601, e.g. `2026-03-01T00:00:00Z`. */
  date: string
  producer: string
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A language alternative: the default and the document's language, the same text (XMP's x-default rule). */
const alt = (text: string, lang: string): string =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li><rdf:li xml:lang="${escape(lang)}">${escape(text)}</rdf:li></rdf:Alt>`

const list = (kind: 'Bag' | 'Seq', items: string[]): string => `<rdf:${kind}>${items.map((item) => `<rdf:li>${escape(item)}</rdf:li>`).join('')}</rdf:${kind}>`

/** The packet's bytes, UTF-8. */
export function xmpPacket(fields: XmpFields): Uint8Array {
  const properties = [
    `<pdfuaid:part>1</pdfuaid:part>`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title, fields.lang)}</dc:title>`,
    `<dc:language>${list('Bag', [fields.lang])}</dc:language>`,
    ...(fields.authors.length > 0 ? [`<dc:creator>${list('Seq', fields.authors)}</dc:creator>`] : []),
    ...(fields.description ? [`<dc:description>${alt(fields.description, fields.lang)}</dc:description>`] : []),
    ...(fields.keywords.length > 0 ? [`<dc:subject>${list('Bag', fields.keywords)}</dc:subject>`, `<pdf:Keywords>${escape(fields.keywords.join(' '))}</pdf:Keywords>`] : []),
    `<pdf:Producer>${escape(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escape(fields.producer)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${fields.date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${fields.date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${fields.date}</xmp:MetadataDate>`
  ]
  const packet = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>'
  ]
  return Buffer.from(packet.join('\n'), 'utf8')
}
