/**
 * The operators of a PDF content stream, with their operands read only as
 * far as marked content needs them (ISO 32000-1, 7.8.2 and 14.6): enough to
 * tell which text and painting operators run inside tagged content (a
 * property list with an MCID), inside an artifact, or in neither. Strings,
 * arrays, dictionaries and inline images are skipped whole, so no byte of
 * text is mistaken for an operator.
 */

export interface Operator {
  name: string
  /** Offset of the operator's first operand (just after the previous operator), and just past the operator. */
  start: number
  end: number
  /** For BDC and BMC: the tag, and whether the property list has an MCID. */
  tag?: string | undefined
  mcid?: boolean | undefined
}

// Byte classes: 1 whitespace, 2 delimiter (ISO 32000-1, 7.2.2).
const classes = new Uint8Array(256)
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) classes[byte] = 1
for (const char of '()<>[]{}/%') classes[char.charCodeAt(0)] = 2
const regular = (code: number) => code > 255 || classes[code] === 0

/**
 * Every operator of `content` (bytes, or a string of one character per byte), in order; of a string, only those
 * from offset `from` (an operator's boundary) to `to`.
 */
export function* contentOperators(content: Uint8Array | string, from = 0, to?: number): Generator<Operator> {
  const text = typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.length).toString('latin1')
  let index = from
  // The name operands since the last operator, and whether a dictionary operand held /MCID: what BDC and BMC need.
  let firstName: string | undefined
  let dictionaryHasMcid = false
  // Where the current operator's operands begin: just past the previous operator.
  let start = from
  const length = to ?? text.length
  const skipString = () => {
    let depth = 0
    for (; index < length; index++) {
      const code = text.charCodeAt(index)
      if (code === 0x5c) index++
      else if (code === 0x28) depth++
      else if (code === 0x29 && --depth === 0) {
        index++
        return
      }
    }
  }
  const skipDictionary = (): boolean => {
    // From `<<` to its matching `>>`, strings inside skipped; true when it holds the key /MCID.
    let depth = 0
    const from = index
    for (; index < length; index++) {
      const code = text.charCodeAt(index)
      if (code === 0x28) {
        skipString()
        index--
      } else if (code === 0x3c && text.charCodeAt(index + 1) === 0x3c) {
        depth++
        index++
      } else if (code === 0x3e && text.charCodeAt(index + 1) === 0x3e) {
        index++
        if (--depth === 0) {
          index++
          break
        }
      }
    }
    return /\/MCID[\s/<[(\d]/.test(text.slice(from, index))
  }
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code < 256 && classes[code] === 1) {
      index++
    } else if (code === 0x25) {
      while (index < length && text.charCodeAt(index) !== 0x0a && text.charCodeAt(index) !== 0x0d) index++
    } else if (code === 0x28) {
      skipString()
    } else if (code === 0x3c && text.charCodeAt(index + 1) === 0x3c) {
      dictionaryHasMcid = skipDictionary()
    } else if (code === 0x3c) {
      index = text.indexOf('>', index)
      index = index < 0 ? length : index + 1
    } else if (code === 0x5b || code === 0x5d || code === 0x3e || code === 0x7b || code === 0x7d || code === 0x29) {
      index++
    } else if (code === 0x2f) {
      const from = ++index
      while (index < length && regular(text.charCodeAt(index))) index++
      firstName ??= text.slice(from, index)
    } else if ((code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e) {
      // A number.
      while (index < length && regular(text.charCodeAt(index))) index++
    } else {
      const from = index
      while (index < length && regular(text.charCodeAt(index))) index++
      const word = text.slice(from, index)
      if (word === 'true' || word === 'false' || word === 'null') continue
      if (word === 'BI') {
        // An inline image: its data runs from ID to EI and may hold any bytes.
        const end = text.indexOf('\nEI', index)
        index = end < 0 ? length : end + 3
        yield {name: 'BI', start, end: index}
      } else if (word === 'BDC' || word === 'BMC' || word === 'DP' || word === 'MP') {
        // The tag comes first; BDC's property list is a dictionary (Chromium's) or the name of one in the resources.
        yield {name: word, start, end: index, tag: firstName, mcid: word === 'BDC' && dictionaryHasMcid}
      } else {
        yield {name: word, start, end: index}
      }
      start = index
      firstName = undefined
      dictionaryHasMcid = false
    }
  }
}
