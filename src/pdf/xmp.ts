/**
 * The XMP metadata packet of a PDF (ISO 16684-1), as PDF/UA-1 and PDF/A-2
 * ask for it: `pdfuaid:part` and `pdfaid:part`/`conformance` that claim
 * conformance (with the extension schema PDF/A wants for the PDF/UA
 * namespace, which it does not predefine), the title in the document's
 * language, and the same authors, summary, keywords, dates and producer as
 * the document information dictionary (ISO 32000-1, 14.3.2, and ISO 19005-2,
 * 6.6.3, say the two must agree: the authors are one entry, as `/Author` is
 * one string). Written by hand, not by an XMP library: the packet is small,
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

/** The PDF/UA identification schema, described for PDF/A (ISO 19005-2, 6.6.2.3.3), as the PDF/UA reference suite does. */
const pdfuaExtension = [
  '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
  '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
  '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '<pdfaProperty:name>part</pdfaProperty:name>',
  '<pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '<pdfaProperty:category>internal</pdfaProperty:category>',
  '<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
  '</rdf:li></rdf:Seq></pdfaSchema:property>',
  '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '</rdf:Description>'
]

/** The packet's bytes, UTF-8. */
export function xmpPacket(fields: XmpFields): Uint8Array {
  const properties = [
    `<pdfuaid:part>1</pdfuaid:part>`,
    `<pdfaid:part>2</pdfaid:part>`,
    `<pdfaid:conformance>A</pdfaid:conformance>`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title, fields.lang)}</dc:title>`,
    `<dc:language>${list('Bag', [fields.lang])}</dc:language>`,
    ...(fields.authors.length > 0 ? [`<dc:creator>${list('Seq', [fields.authors.join('; ')])}</dc:creator>`] : []),
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
    ...pdfuaExtension,
    '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>'
  ]
  return Buffer.from(packet.join('\n'), 'utf8')
}
