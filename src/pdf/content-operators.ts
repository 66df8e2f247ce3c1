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
  /** For BDC and BMC: the tag, and whether the property list has an MCID. */
  tag?: string | undefined
  mcid?: boolean | undefined
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const delimiters = new Set([...'()<>[]{}/%'].map((char) => char.charCodeAt(0)))

/** Every operator of `bytes`, in order. */
export function* contentOperators(bytes: Uint8Array): Generator<Operator> {
  let index = 0
  // The name operands since the last operator, and whether a dictionary operand held /MCID: what BDC and BMC need.
  let names: string[] = []
  let dictionaryHasMcid = false
  const length = bytes.length
  const skipString = () => {
    let depth = 0
    for (; index < length; index++) {
      const byte = bytes[index]!
      if (byte === 0x5c) index++
      else if (byte === 0x28) depth++
      else if (byte === 0x29 && --depth === 0) {
        index++
        return
      }
    }
  }
  const skipDictionary = (): boolean => {
    // From `<<` to its matching `>>`, strings inside skipped; true when it holds the key /MCID.
    let depth = 0
    const start = index
    for (; index < length; index++) {
      const byte = bytes[index]!
      if (byte === 0x28) {
        skipString()
        index--
      } else if (byte === 0x3c && bytes[index + 1] === 0x3c) {
        depth++
        index++
      } else if (byte === 0x3e && bytes[index + 1] === 0x3e) {
        index++
        if (--depth === 0) {
          index++
          break
        }
      }
    }
    return /\/MCID[\s/<[(\d]/.test(Buffer.from(bytes.subarray(start, index)).toString('latin1'))
  }
  while (index < length) {
    const byte = bytes[index]!
    if (whitespace.has(byte)) {
      index++
    } else if (byte === 0x25) {
      while (index < length && bytes[index] !== 0x0a && bytes[index] !== 0x0d) index++
    } else if (byte === 0x28) {
      skipString()
    } else if (byte === 0x3c && bytes[index + 1] === 0x3c) {
      dictionaryHasMcid = skipDictionary()
    } else if (byte === 0x3c) {
      while (index < length && bytes[index] !== 0x3e) index++
      index++
    } else if (byte === 0x5b || byte === 0x5d || byte === 0x3e) {
      index++
    } else if (byte === 0x2f) {
      const start = ++index
      while (index < length && !whitespace.has(bytes[index]!) && !delimiters.has(bytes[index]!)) index++
      names.push(Buffer.from(bytes.subarray(start, index)).toString('latin1'))
    } else {
      const start = index
      while (index < length && !whitespace.has(bytes[index]!) && !delimiters.has(bytes[index]!)) index++
      if (index === start) {
        index++
        continue
      }
      const word = Buffer.from(bytes.subarray(start, index)).toString('latin1')
      if (/^[+\-.\d]/.test(word) || word === 'true' || word === 'false' || word === 'null') continue
      if (word === 'BI') {
        // An inline image: its data runs from ID to EI and may hold any bytes.
        const end = Buffer.from(bytes.subarray(index)).indexOf('\nEI')
        index = end < 0 ? length : index + end + 3
        yield {name: 'BI'}
        continue
      }
      if (word === 'BDC' || word === 'BMC' || word === 'DP' || word === 'MP') {
        // The tag comes first; BDC's property list is a dictionary (Chromium's) or the name of one in the resources.
        yield {name: word, tag: names[0], mcid: word === 'BDC' && dictionaryHasMcid}
      } else {
        yield {name: word}
      }
      names = []
      dictionaryHasMcid = false
    }
  }
}
