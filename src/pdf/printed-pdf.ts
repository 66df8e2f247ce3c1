/**
 * A PDF as Chromium prints it, opened for a few edits without reading all
 * of it.
 *
 * A tagged print of a 16-page document has some 1,250 objects, 1,000 of
 * them structure elements that policy-press never changes. Parsing all of
 * them into objects and writing them out again (pdf-lib's `load` and
 * `save`) cost more than everything else done to the PDF. Here only the
 * cross-reference table is read; an object is parsed (by pdf-lib's object
 * parser) when it is looked up, and saving writes each object that was
 * looked up anew and copies every other one byte for byte.
 *
 * Chromium (Skia) writes one classic cross-reference table, no object or
 * cross-reference streams, and no incremental updates. A PDF of any other
 * form is refused with an error that says so.
 */
import {createHash} from 'node:crypto'
import {PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFObjectParser, PDFRawStream, PDFRef, PDFString} from 'pdf-lib'

export class PdfStructureError extends Error {
  constructor(detail: string) {
    super(`Not a PDF as Chromium prints it: ${detail}`)
    this.name = 'PdfStructureError'
  }
}

// A class, whatever its constructor's visibility (pdf-lib's are not public).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor<T> = Function & {prototype: T}

interface Entry {
  /** Byte offset of `N G obj`. */
  offset: number
  /** Byte offset just past the object (where the next one or the cross-reference table starts). */
  end: number
  generation: number
}

const latin1 = (bytes: Uint8Array, start = 0, end = bytes.length): string => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1')

export class PrintedPdf {
  /** pdf-lib's factory for new objects; it does not hold this PDF's objects. */
  readonly context = PDFContext.create()
  readonly catalog: PDFDict
  private readonly entries = new Map<number, Entry>()
  /** Objects looked up or assigned: written anew on save. */
  private readonly objects = new Map<number, PDFObject>()
  private readonly trailer: PDFDict
  private renamed: Map<string, string> | undefined
  private identified = false
  private next: number

  private constructor(private readonly bytes: Uint8Array) {
    const tail = latin1(bytes, Math.max(0, bytes.length - 64))
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)
    if (!start) throw new PdfStructureError('no startxref at the end')
    const xref = Number(start[1])
    const text = latin1(bytes, xref)
    const table = /^xref\r?\n/.exec(text)
    if (!table) throw new PdfStructureError('no classic cross-reference table')
    let position = table[0].length
    const offsets: Array<[number, number, number]> = []
    for (;;) {
      const section = /^(\d+) (\d+)\s*\r?\n/.exec(text.slice(position, position + 32))
      if (!section) break
      position += section[0].length
      const first = Number(section[1])
      for (let index = 0; index < Number(section[2]); index++, position += 20) {
        const line = text.slice(position, position + 20)
        if (!/^\d{10} \d{5} [nf][ \r\n]{2}$/.test(line)) throw new PdfStructureError(`bad cross-reference entry ${JSON.stringify(line)}`)
        if (line[17] === 'n') offsets.push([first + index, Number(line.slice(0, 10)), Number(line.slice(11, 16))])
      }
    }
    const trailerAt = /^\s*trailer\s*/.exec(text.slice(position))
    if (!trailerAt) throw new PdfStructureError('no trailer after the cross-reference table')
    this.trailer = this.parseAt(xref + position + trailerAt[0].length) as PDFDict
    if (!(this.trailer instanceof PDFDict)) throw new PdfStructureError('the trailer is not a dictionary')
    if (this.trailer.has(PDFName.of('Prev')) || this.trailer.has(PDFName.of('Encrypt'))) throw new PdfStructureError('updated or encrypted')
    offsets.sort((a, b) => a[1] - b[1])
    offsets.forEach(([number, offset, generation], index) => {
      this.entries.set(number, {offset, end: offsets[index + 1]?.[1] ?? xref, generation})
    })
    this.next = Math.max(0, ...this.entries.keys()) + 1
    const catalog = this.lookup(this.trailer.get(PDFName.of('Root')), PDFDict)
    if (!catalog) throw new PdfStructureError('no catalog')
    this.catalog = catalog
  }

  /** Open `bytes`; throws `PdfStructureError` when they are not a PDF of the form Chromium writes. */
  static read(bytes: Uint8Array): PrintedPdf {
    return new PrintedPdf(bytes)
  }

  private parseAt(offset: number): PDFObject {
    return PDFObjectParser.forBytes(this.bytes.subarray(offset), this.context).parseObject()
  }

  /** The object `value` stands for (itself, or the object a reference points at). */
  lookup(value: PDFObject | undefined): PDFObject | undefined
  /** …when it is a `type`; otherwise `undefined`. */
  lookup<T extends PDFObject>(value: PDFObject | undefined, type: Constructor<T>): T | undefined
  lookup<T extends PDFObject>(value: PDFObject | undefined, type?: Constructor<T>): PDFObject | undefined {
    const object = value instanceof PDFRef ? this.object(value) : value
    return type === undefined || object instanceof type ? object : undefined
  }

  private object(ref: PDFRef): PDFObject | undefined {
    const known = this.objects.get(ref.objectNumber)
    if (known) return known
    const entry = this.entries.get(ref.objectNumber)
    if (!entry) return undefined
    const header = /^(\d+) (\d+) obj\s*/.exec(latin1(this.bytes, entry.offset, Math.min(entry.end, entry.offset + 32)))
    if (!header || Number(header[1]) !== ref.objectNumber) throw new PdfStructureError(`object ${ref.objectNumber} is not where the cross-reference table says`)
    const object = this.parseAt(entry.offset + header[0].length)
    this.objects.set(ref.objectNumber, object)
    return object
  }

  /** Whether `text` occurs anywhere in the PDF's bytes (streams included): when it does not, nothing need be looked up for it. */
  mentions(text: string): boolean {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length).includes(text, 0, 'latin1')
  }

  /**
   * The objects whose bytes hold `text` (in a dictionary, or in a stream's data), in the order they are
   * written: the few objects an edit needs, found without parsing the rest.
   */
  objectsMentioning(text: string): PDFRef[] {
    const bytes = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length)
    // The objects by offset (the entries map is in that order: it was filled from offsets sorted).
    const numbers = [...this.entries.keys()]
    const found: PDFRef[] = []
    let object = 0
    for (let at = bytes.indexOf(text, 0, 'latin1'); at >= 0; at = bytes.indexOf(text, at + 1, 'latin1')) {
      while (object < numbers.length && this.entries.get(numbers[object]!)!.end <= at) object++
      const number = numbers[object]
      if (number === undefined) break
      if (this.entries.get(number)!.offset > at) continue
      if (found.at(-1)?.objectNumber !== number) found.push(PDFRef.of(number, this.entries.get(number)!.generation))
    }
    return found
  }

  /** Look up `key` of `dict`. */
  get<T extends PDFObject>(dict: PDFDict | undefined, key: string, type: Constructor<T>): T | undefined {
    return this.lookup(dict?.get(PDFName.of(key)), type)
  }

  /** The document information dictionary, made when there is none. */
  info(): PDFDict {
    const existing = this.get(this.trailer, 'Info', PDFDict)
    if (existing) return existing
    const info = this.context.obj({})
    this.trailer.set(PDFName.of('Info'), this.register(info))
    return info
  }

  /** The pages in order, from the page tree. */
  pages(): Array<{ref: PDFRef; node: PDFDict}> {
    const pages: Array<{ref: PDFRef; node: PDFDict}> = []
    const walk = (ref: PDFObject | undefined, depth: number): void => {
      const node = this.lookup(ref, PDFDict)
      if (!node || !(ref instanceof PDFRef) || depth > 64) return
      const kids = this.get(node, 'Kids', PDFArray)
      if (node.get(PDFName.of('Type')) === PDFName.of('Pages') || kids) kids?.asArray().forEach((kid) => walk(kid, depth + 1))
      else pages.push({ref, node})
    }
    walk(this.catalog.get(PDFName.of('Pages')), 0)
    return pages
  }

  /**
   * On saving, set the trailer's file identifier (ISO 32000-1, 14.4) from the bytes written: the same content
   * gives the same identifier, other content another. Both parts are equal, as for a file written the first time.
   */
  identifyByContent(): void {
    this.identified = true
  }

  /** Put `object` in place of the object at `ref`. */
  assign(ref: PDFRef, object: PDFObject): void {
    this.objects.set(ref.objectNumber, object)
  }

  /** Add `object` to the PDF. */
  register(object: PDFObject): PDFRef {
    const ref = PDFRef.of(this.next++)
    this.objects.set(ref.objectNumber, object)
    return ref
  }

  /**
   * On saving, replace every literal string equal to a key of `names` by its value, anywhere outside streams.
   * (Objects that were not looked up are rewritten as text: their strings are literal `(…)` ones without
   * escapes when they are names of Chromium's making.)
   */
  renameStrings(names: Map<string, string>): void {
    this.renamed = names
  }

  /** The PDF's bytes: the objects looked up or added written anew, every other one as it was. */
  save(): Uint8Array {
    const chunks: Uint8Array[] = []
    let length = 0
    const push = (chunk: Uint8Array): void => {
      chunks.push(chunk)
      length += chunk.length
    }
    const offsets = new Map<number, {offset: number; generation: number}>()
    const firstObject = Math.min(...[...this.entries.values()].map((entry) => entry.offset))
    push(this.bytes.subarray(0, firstObject))
    const write = (number: number, object: PDFObject): void => {
      const generation = this.entries.get(number)?.generation ?? 0
      offsets.set(number, {offset: length, generation})
      if (this.renamed) renameIn(object, this.renamed)
      push(Buffer.from(`${number} ${generation} obj\n`, 'latin1'))
      push(serialize(object))
      push(Buffer.from('\nendobj\n', 'latin1'))
    }
    for (const [number, entry] of this.entries) {
      const object = this.objects.get(number)
      if (object) {
        write(number, object)
        continue
      }
      offsets.set(number, {offset: length, generation: entry.generation})
      const raw = this.bytes.subarray(entry.offset, entry.end)
      push(this.renamed ? renameRaw(raw, this.renamed) : raw)
    }
    for (const [number, object] of this.objects) if (!this.entries.has(number)) write(number, object)

    if (this.identified) {
      const hash = createHash('sha256')
      for (const chunk of chunks) hash.update(chunk)
      const id = PDFHexString.of(hash.digest('hex').slice(0, 32))
      this.trailer.set(PDFName.of('ID'), this.context.obj([id, id]))
    }
    const size = this.next
    const table = ['xref', `0 ${size}`, '0000000000 65535 f ']
    for (let number = 1; number < size; number++) {
      const entry = offsets.get(number)
      table.push(entry === undefined ? '0000000000 65535 f ' : `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n `)
    }
    const xref = length
    this.trailer.set(PDFName.of('Size'), PDFNumber.of(size))
    push(Buffer.from(`${table.join('\n')}\ntrailer\n`, 'latin1'))
    push(serialize(this.trailer))
    push(Buffer.from(`\nstartxref\n${xref}\n%%EOF\n`, 'latin1'))
    return Buffer.concat(chunks, length)
  }
}

/** An object's PDF syntax; a stream's length set to its contents. */
function serialize(object: PDFObject): Uint8Array {
  if (object instanceof PDFRawStream) {
    object.dict.set(PDFName.of('Length'), PDFNumber.of(object.contents.length))
    return Buffer.concat([serialize(object.dict), Buffer.from('\nstream\n', 'latin1'), object.contents, Buffer.from('\nendstream', 'latin1')])
  }
  const buffer = Buffer.alloc(object.sizeInBytes())
  object.copyBytesInto(buffer, 0)
  return buffer
}

/** Rename the strings inside a parsed object (not a stream's contents). */
function renameIn(object: PDFObject, names: Map<string, string>): void {
  const renamed = (value: PDFObject): PDFString | undefined => {
    const next = value instanceof PDFString ? names.get(value.asString()) : undefined
    return next === undefined ? undefined : PDFString.of(next)
  }
  if (object instanceof PDFRawStream) {
    renameIn(object.dict, names)
  } else if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const next = renamed(value)
      if (next) object.set(key, next)
      else renameIn(value, names)
    }
  } else if (object instanceof PDFArray) {
    for (let index = 0; index < object.size(); index++) {
      const value = object.get(index)
      const next = renamed(value)
      if (next) object.set(index, next)
      else renameIn(value, names)
    }
  }
}

/**
 * Rename literal strings in an object's bytes, before its stream if it has one. A stream's data starts after
 * the first `>> stream` line break: a string in the dictionary may hold those words, never the data before them.
 */
function renameRaw(raw: Uint8Array, names: Map<string, string>): Uint8Array {
  const text = latin1(raw)
  const stream = /\s*>>\s*stream\r?\n/.exec(text)
  const head = stream ? text.slice(0, stream.index) : text
  let changed = false
  // A whole string: not one that an escaped parenthesis starts inside another.
  const next = head.replace(/(?<!\\)\(([^()\\]*)\)/g, (match, value: string) => {
    const name = names.get(value)
    if (name === undefined) return match
    changed = true
    return `(${name})`
  })
  if (!changed) return raw
  return Buffer.concat([Buffer.from(next, 'latin1'), raw.subarray(head.length)])
}
