/**
 * XML → a small element tree with namespaces resolved (any prefix, or the
 * default namespace), CDATA and character references as text, `xml:space`
 * inherited, and the line and column of each element. saxes checks
 * well-formedness as it goes, so a file cut off half-way or broken anywhere
 * is refused whole with the position of the first error, never read in part.
 * It expands only XML's five entities and character references: it never
 * reads an external entity, and a DOCTYPE that declares entities (the way to
 * an entity bomb or an external-entity attack) is refused.
 */
import {SaxesParser} from 'saxes'

export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace'

export interface XmlElement {
  /** Namespace URI ('' for none). */
  uri: string
  local: string
  /** Attributes by local name when in no namespace, else by `{uri}local`. */
  attributes: Map<string, string>
  children: Array<XmlElement | string>
  /** `xml:space` in force here: whitespace is significant only when `preserve`. */
  preserve: boolean
  line: number
  column: number
}

export interface XmlError {
  reason: string
  line: number
  column: number
}

/** Parse `text`; either the root element or the first error, with its position. */
export function parseXml(text: string): {root: XmlElement} | {error: XmlError} {
  const parser = new SaxesParser({xmlns: true, position: true})
  let error: XmlError | undefined
  const fail = (reason: string) => {
    error ??= {reason, line: parser.line, column: Math.max(1, parser.column)}
  }
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  let start = {line: 1, column: 1}
  parser.on('error', (caught) => fail(caught.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')))
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail('Unexpected entity declaration in DOCTYPE, expected none: XLIFF files need no entities of their own')
  })
  parser.on('opentagstart', () => {
    // saxes has read `<name` and the character after it: the element starts that far back.
    start = {line: parser.line, column: parser.column}
  })
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>()
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue
      attributes.set(attribute.uri === '' ? attribute.local : `{${attribute.uri}}${attribute.local}`, attribute.value)
    }
    const parent = stack.at(-1)
    const space = attributes.get(`{${xmlNamespace}}space`)
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      attributes,
      children: [],
      preserve: space === undefined ? (parent?.preserve ?? false) : space === 'preserve',
      line: start.line,
      column: Math.max(1, start.column - tag.name.length - 1)
    }
    if (parent) parent.children.push(element)
    else root = element
    stack.push(element)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  const addText = (value: string) => {
    const top = stack.at(-1)
    if (top) top.children.push(value)
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  try {
    parser.write(text).close()
  } catch (caught) {
    // saxes throws when written to after an error it reported; the first error is what counts.
    fail((caught as Error).message)
  }
  if (error) return {error}
  if (!root) return {error: {reason: 'Unexpected end of file, expected a root element', line: parser.line, column: Math.max(1, parser.column)}}
  return {root}
}

/** The child elements of `element` in namespace `uri` named `local` (any name when omitted). */
export function childElements(element: XmlElement, uri: string, local?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.uri === uri && (local === undefined || child.local === local))
}

/** All the text inside `element`, codes left out. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('')
}
