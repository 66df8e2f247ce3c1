/**
 * Which blocks of a document are translatable, in document order: headings,
 * paragraphs, list items, table cells, quotes, footnotes, the alt text and
 * title of figures and of images in HTML blocks, and the front-matter fields
 * title, subtitle, summary and keywords. Code, math and HTML are not; nor
 * are blocks that hold only a number, date, amount or address (copied.ts),
 * which extract.ts leaves out.
 *
 * `<!-- i18n:skip -->` skips the next block; `<!-- i18n: note -->` leaves a
 * note for translators on it.
 *
 * The same walk finds the blocks in the source (to extract them) and in a
 * language's copy of the tree (to put translations in), so both agree on
 * the order by construction.
 */
import type {Html, Image, Nodes, Parent, PhrasingContent, Root, Table} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {type Definitions, toInlineMarkdown} from './inline-markdown.js'

/** Version of these rules, written to every PO file (`X-Policy-Press-Segmentation`). */
export const segmentationVersion = 1

export type SegmentKind =
  | 'title'
  | 'subtitle'
  | 'summary'
  | 'keyword'
  | 'heading'
  | 'paragraph'
  | 'list item'
  | 'quote'
  | 'footnote'
  | 'table cell'
  | 'image alt'
  | 'image title'

/** Where a segment's text lives in a tree, so a translation can be put there. */
export type SegmentTarget =
  | {type: 'inline'; node: Parent & {children: PhrasingContent[]}}
  | {type: 'image'; node: Image; block: Parent; attribute: 'alt' | 'title'}
  | {type: 'html'; node: Html; attribute: 'alt' | 'title'; occurrence: number}

export interface BlockSegment {
  kind: SegmentKind
  /** Line of the block in its chapter file. */
  line: number
  /** Headings above the block, outermost first. */
  headings: string[]
  /** The author's note for translators, from `<!-- i18n: … -->`. */
  note: string | undefined
  /** The node that holds the block (a list item for an item's text): where marks go. */
  parent: Parent
  target: SegmentTarget
}

const skipComment = /^<!--\s*i18n:skip\s*-->$/
const noteComment = /^<!--\s*i18n:\s*([\s\S]*?)\s*-->$/
const htmlAttribute = /\s(alt|title)\s*=\s*("([^"]*)"|'([^']*)')/gi

/** Text of the `alt`/`title` attributes in an HTML block, in order. */
export function htmlAttributes(html: string): Array<{attribute: 'alt' | 'title'; value: string}> {
  return [...html.matchAll(htmlAttribute)]
    .map((match) => ({attribute: match[1]!.toLowerCase() as 'alt' | 'title', value: match[3] ?? match[4] ?? ''}))
    .filter((item) => item.value.trim() !== '')
}

function isLoneImage(node: Parent): Image | undefined {
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return content.length === 1 && content[0]!.type === 'image' ? (content[0] as Image) : undefined
}

/**
 * Every translatable block of `trees` (the chapters of one document), in
 * order. Heading paths run on across chapters.
 */
export function blockSegments(trees: Root[]): BlockSegment[] {
  const segments: BlockSegment[] = []
  const headings: Array<{depth: number; text: string}> = []
  let skip = false
  let note: string | undefined

  let parent: Parent = trees[0] ?? {type: 'root', children: []}
  const push = (kind: SegmentKind, node: Nodes, target: SegmentTarget): void => {
    segments.push({kind, line: node.position?.start.line ?? 0, headings: headings.map((heading) => heading.text), note, target, parent})
  }

  const walk = (container: Parent, kind: SegmentKind): void => {
    for (const child of container.children) {
      if (child.type === 'html') {
        const value = child.value.trim()
        if (skipComment.test(value)) {
          skip = true
          continue
        }
        const match = noteComment.exec(value)
        if (match) {
          note = match[1]
          continue
        }
      }
      if (skip) {
        skip = false
        note = undefined
        continue
      }
      parent = container
      visitBlock(child as Nodes, kind)
      note = undefined
    }
  }

  const visitBlock = (node: Nodes, kind: SegmentKind): void => {
    switch (node.type) {
      case 'heading': {
        while (headings.length > 0 && headings.at(-1)!.depth >= node.depth) headings.pop()
        if (node.children.length > 0) push('heading', node, {type: 'inline', node})
        headings.push({depth: node.depth, text: mdastToString(node)})
        return
      }
      case 'paragraph': {
        const image = isLoneImage(node)
        if (image) {
          if (image.alt?.trim()) push('image alt', node, {type: 'image', node: image, block: node, attribute: 'alt'})
          if (image.title?.trim()) push('image title', node, {type: 'image', node: image, block: node, attribute: 'title'})
          return
        }
        if (mdastToString(node).trim() !== '' || node.children.some((child) => child.type === 'image')) {
          push(kind, node, {type: 'inline', node})
        }
        return
      }
      case 'html': {
        const counts = {alt: 0, title: 0}
        for (const {attribute} of htmlAttributes(node.value)) {
          push(attribute === 'alt' ? 'image alt' : 'image title', node, {type: 'html', node, attribute, occurrence: counts[attribute]++})
        }
        return
      }
      case 'list':
        for (const item of node.children) walk(item, 'list item')
        return
      case 'blockquote':
        walk(node, 'quote')
        return
      case 'footnoteDefinition':
        walk(node, 'footnote')
        return
      case 'table':
        for (const row of (node as Table).children) {
          for (const cell of row.children) {
            if (mdastToString(cell).trim() !== '') push('table cell', cell, {type: 'inline', node: cell})
          }
        }
        return
      default:
        // Code, math, thematic breaks, definitions and front matter are not translated.
        return
    }
  }

  for (const tree of trees) walk(tree, 'paragraph')
  return segments
}

/** The text of a segment in its tree: what the translator translates. */
export function segmentText(segment: BlockSegment, definitions: Definitions): string {
  const {target} = segment
  if (target.type === 'inline') return toInlineMarkdown(target.node.children, definitions)
  if (target.type === 'image') return (target.node[target.attribute] ?? '').replace(/[ \t\r\n]+/g, ' ').trim()
  return (htmlAttributes(target.node.value).filter((item) => item.attribute === target.attribute)[target.occurrence]?.value ?? '')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
}

/** The `#.` comment of a segment: "paragraph · Recommendations › Funding". */
export function describeSegment(kind: SegmentKind, headings: string[]): string {
  return headings.length > 0 ? `${kind} · ${headings.join(' › ')}` : kind
}

/**
 * The text a reader sees of an inline segment (link labels, not their
 * targets; no Markdown syntax), for telling text from numbers and the like;
 * `undefined` for attribute segments, whose text is already plain.
 */
export function visibleText(segment: BlockSegment): string | undefined {
  return segment.target.type === 'inline' ? mdastToString(segment.target.node) : undefined
}
