/**
 * An XLIFF 1.2 or 2.0 file → its units: id, source and target as inline
 * content (text and codes), and whether a reviewer confirmed the target.
 * Elements are known by namespace, whatever prefix a tool gave it. What
 * policy-press does not use (groups, notes, segmentation into several
 * segments or `<mrk>` sentences) is read through, never refused.
 */
import {confirmed12, confirmed20} from './states.js'
import {childElements, parseXml, type XmlElement, type XmlError} from './xml.js'

export const namespaces = {'1.2': 'urn:oasis:names:tc:xliff:document:1.2', '2.0': 'urn:oasis:names:tc:xliff:document:2.0'} as const

/** Inline content: text, or a code standing for Markdown (`id` says which, see inline.ts). */
export type Inline = string | {code: 'placeholder' | 'open' | 'close'; id: string} | {code: 'paired'; id: string; contents: Inline[]}

export interface XliffUnit {
  id: string
  /** 1.2 `resname`, which some tools keep when they renumber ids. */
  name: string | undefined
  source: Inline[]
  target: Inline[] | undefined
  confirmed: boolean
  line: number
  column: number
}

export interface XliffFile {
  original: string | undefined
  sourceLanguage: string | undefined
  targetLanguage: string | undefined
  units: XliffUnit[]
  line: number
  column: number
}

export interface XliffContent {
  version: '1.2' | '2.0'
  files: XliffFile[]
}

/** Inline content of `element`, whitespace collapsed unless `xml:space="preserve"`. */
function inline(element: XmlElement, version: '1.2' | '2.0'): Inline[] {
  const open: Array<{id: string; rid: string | undefined}> = []
  const walk = (node: XmlElement): Inline[] =>
    node.children.flatMap((child): Inline[] => {
      if (typeof child === 'string') return [node.preserve ? child : child.replace(/[ \t\r\n]+/g, ' ')]
      if (child.uri !== namespaces[version]) return walk(child)
      const id = child.attributes.get('id') ?? ''
      switch (child.local) {
        case 'ph':
        case 'x':
        case 'it':
          return [{code: 'placeholder', id}]
        case 'bpt':
        case 'bx':
        case 'sc': {
          open.push({id, rid: child.attributes.get('rid')})
          return [{code: 'open', id}]
        }
        case 'ept':
        case 'ex':
        case 'ec': {
          // An end code names its start by `rid` (1.2), `startRef` (2.0) or the same id; else it ends the latest.
          const reference = child.attributes.get('startRef') ?? child.attributes.get('rid') ?? id
          const index = open.findLastIndex((item) => item.id === reference || (item.rid !== undefined && item.rid === reference))
          const [start] = open.splice(index === -1 ? open.length - 1 : index, 1)
          return [{code: 'close', id: start?.id ?? id}]
        }
        case 'g':
        case 'pc':
          return [{code: 'paired', id, contents: walk(child)}]
        case 'cp':
          return [String.fromCodePoint(Number.parseInt(child.attributes.get('hex') ?? '0', 16))]
        case 'sm':
        case 'em':
        case 'sub':
          return []
        default:
          // `<mrk>` and anything else that marks text up: its text is the content.
          return walk(child)
      }
    })
  const parts = walk(element)
  if (!element.preserve && parts.length > 0) {
    if (typeof parts[0] === 'string') parts[0] = parts[0].trimStart()
    const last = parts.length - 1
    if (typeof parts[last] === 'string') parts[last] = parts[last].trimEnd()
  }
  return parts.filter((part) => part !== '')
}

/** Every element named `local` in the namespace, in document order, at any depth (units sit in groups). */
function descendants(element: XmlElement, uri: string, local: string): XmlElement[] {
  return childElements(element, uri).flatMap((child) => (child.local === local ? [child] : descendants(child, uri, local)))
}

function units12(file: XmlElement): XliffUnit[] {
  const uri = namespaces['1.2']
  return descendants(file, uri, 'trans-unit').map((unit) => {
    // A segmented source (`<seg-source>`) still has the whole text in `<source>`.
    const [source] = childElements(unit, uri, 'source')
    const [target] = childElements(unit, uri, 'target')
    return {
      id: unit.attributes.get('id') ?? '',
      name: unit.attributes.get('resname'),
      source: source ? inline(source, '1.2') : [],
      target: target ? inline(target, '1.2') : undefined,
      confirmed: confirmed12(unit.attributes.get('approved'), target?.attributes.get('state')),
      line: unit.line,
      column: unit.column
    }
  })
}

function units20(file: XmlElement): XliffUnit[] {
  const uri = namespaces['2.0']
  return descendants(file, uri, 'unit').map((unit) => {
    // A CAT tool may split a unit into several segments: the unit's text is all of them in order.
    const parts = childElements(unit, uri).filter((child) => child.local === 'segment' || child.local === 'ignorable')
    const segments = parts.filter((part) => part.local === 'segment')
    const targets = parts.map((part) => childElements(part, uri, 'target')[0])
    const hasTarget = segments.some((segment) => childElements(segment, uri, 'target').length > 0)
    return {
      id: unit.attributes.get('id') ?? '',
      name: unit.attributes.get('name'),
      source: parts.flatMap((part) => childElements(part, uri, 'source').flatMap((source) => inline(source, '2.0'))),
      // An ignorable without a target keeps its source (whitespace between sentences).
      target: hasTarget ? parts.flatMap((part, index) => (targets[index] ? inline(targets[index], '2.0') : part.local === 'ignorable' ? childElements(part, uri, 'source').flatMap((source) => inline(source, '2.0')) : [])) : undefined,
      confirmed: segments.length > 0 && segments.every((segment) => confirmed20(segment.attributes.get('state'))),
      line: unit.line,
      column: unit.column
    }
  })
}

/** Read XLIFF text; an error (with its position) when it is not well-formed XLIFF 1.2 or 2.x. */
export function readXliff(text: string): {content: XliffContent} | {error: XmlError & {ruleId: string}} {
  const parsed = parseXml(text)
  if ('error' in parsed) return {error: {...parsed.error, reason: `Cannot parse XLIFF: ${parsed.error.reason}`, ruleId: 'xliff-syntax'}}
  const {root} = parsed
  const version = root.attributes.get('version')
  const known = root.uri === namespaces['1.2'] && version === '1.2' ? '1.2' : root.uri === namespaces['2.0'] && /^2\.[01]$/.test(version ?? '') ? '2.0' : undefined
  if (root.local !== 'xliff' || !known) {
    return {
      error: {
        reason: `Unexpected \`<${root.local}>\` of version \`${version ?? '?'}\` in namespace \`${root.uri || 'none'}\`, expected XLIFF 1.2 (\`${namespaces['1.2']}\`) or 2.0 (\`${namespaces['2.0']}\`)`,
        line: root.line,
        column: root.column,
        ruleId: 'xliff-version'
      }
    }
  }
  const files = childElements(root, namespaces[known], 'file').map((file) => ({
    original: file.attributes.get('original'),
    sourceLanguage: known === '1.2' ? file.attributes.get('source-language') : root.attributes.get('srcLang'),
    targetLanguage: known === '1.2' ? file.attributes.get('target-language') : root.attributes.get('trgLang'),
    units: known === '1.2' ? units12(file) : units20(file),
    line: file.line,
    column: file.column
  }))
  return {content: {version: known, files}}
}
