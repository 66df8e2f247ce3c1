/**
 * The inline skeleton of a block: what a translation keeps from its source
 * whatever the language. Emphasis and strong runs, link and image targets,
 * inline code, footnote references and numbers survive translation, and so
 * does the markup a block opens with ("**Scope.** …"). The aligner compares
 * skeletons to tell which of two neighbouring blocks a translation belongs
 * to when their lengths cannot.
 */
import type {Nodes, PhrasingContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {fromInlineMarkdown} from '../segments/inline-markdown.js'

export interface Skeleton {
  /** Markup that says nothing of the words: `strong`, `emphasis`, `delete`, `break`, `html`. */
  marks: string[]
  /** What a translation copies verbatim: `link:URL`, `image:URL`, `code:TEXT`, `footnote:ID`. */
  anchors: string[]
  /** Digit runs, separators dropped ("10,000" and "10 000" are the same number). */
  numbers: string[]
  /** The node a block opens with when it is markup (a bold lead word), else `undefined`. */
  lead: string | undefined
  /** Characters of plain text: the length the Gale–Church model compares. */
  length: number
}

const footnoteReference = /\[\^([^\]\s]+)\]/g
const digits = /\d+(?:[.,\u00A0\u202F ]\d{3})*/g

function numbersOf(text: string): string[] {
  return (text.match(digits) ?? []).map((number) => number.replace(/\D/g, ''))
}

/** The skeleton of a block's text (its msgid, or a translation of it). */
export function skeletonOf(text: string): Skeleton {
  const footnotes = [...text.matchAll(footnoteReference)].map((match) => match[1]!)
  const children: PhrasingContent[] = fromInlineMarkdown(text, footnotes)
  const skeleton: Skeleton = {marks: [], anchors: [], numbers: [], lead: undefined, length: 0}
  const root = {type: 'paragraph' as const, children}
  visit(root, (node: Nodes) => {
    switch (node.type) {
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'break':
      case 'html':
        skeleton.marks.push(node.type)
        return
      case 'link':
      case 'image':
        skeleton.anchors.push(`${node.type}:${node.url}`)
        return
      case 'inlineCode':
        skeleton.anchors.push(`code:${node.value}`)
        return
      case 'footnoteReference':
        skeleton.anchors.push(`footnote:${node.identifier.toLowerCase()}`)
        return
      case 'text':
        skeleton.numbers.push(...numbersOf(node.value))
        return
      default:
        return
    }
  })
  const first = children.find((child) => !(child.type === 'text' && child.value.trim() === ''))
  if (first && first.type !== 'text') skeleton.lead = first.type
  skeleton.length = mdastToString(root).replace(/\s+/g, ' ').trim().length
  return skeleton
}

/** Several blocks read as one (two paragraphs that a translation joined). */
export function joinSkeletons(skeletons: Skeleton[]): Skeleton {
  return {
    marks: skeletons.flatMap((skeleton) => skeleton.marks),
    anchors: skeletons.flatMap((skeleton) => skeleton.anchors),
    numbers: skeletons.flatMap((skeleton) => skeleton.numbers),
    lead: skeletons[0]?.lead,
    length: skeletons.reduce((sum, skeleton) => sum + skeleton.length, 0)
  }
}
