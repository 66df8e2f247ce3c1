/**
 * How deep a tree nests, checked right after parsing, before any stage
 * walks it. The parser (micromark) keeps its own stack and reads thousands
 * of nested quotes, but most tools after it (mdast-util-to-hast,
 * hast-util-to-html, mdast-util-to-markdown, unist-util-visit and our own
 * walks) recurse: 2,000 `>` in a row overflow the call stack and take the
 * whole build down. A document nested deeper than any real one is an error
 * at its first too-deep node instead, and no later stage sees it.
 *
 * Nesting counts the nodes that can hold themselves: block quotes, lists,
 * footnote definitions, emphasis, strong, strikethrough and links; and the
 * elements raw HTML opens and has not closed yet (`<div>` × 5,000 becomes
 * as deep a tree once rehype-raw parses it). The walk is iterative.
 */
import type {Extension} from 'mdast-util-from-markdown'
import type {Node, Parent, Point} from 'unist'

/** Deepest nesting allowed: real documents stay under ten; 64 leaves room for any of them. */
export const maxNesting = 64

const nesting = new Set(['blockquote', 'list', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** Elements that need no end tag, or whose end tag is implied by the next one: they are not counted as open. */
const unclosed = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body'
])
const tag = /<(\/?)([a-zA-Z][a-zA-Z\d-]*)\b[^>]*?(\/?)>/g
const comment = /<!--[\s\S]*?-->/g

export interface TooDeep {
  /** The first node (in document order) that is nested too deep. */
  node: Node
  depth: number
  /** `'html'` when raw HTML makes it too deep. */
  kind: 'markdown' | 'html'
}

/** Count the elements `html` leaves open, starting from `open`; the highest count on the way is `peak`. */
function htmlOpen(html: string, open: number): {open: number; peak: number} {
  let peak = open
  for (const match of html.replace(comment, '').matchAll(tag)) {
    const name = match[2]!.toLowerCase()
    if (unclosed.has(name) || match[3] === '/') continue
    open = match[1] === '/' ? Math.max(0, open - 1) : open + 1
    peak = Math.max(peak, open)
  }
  return {open, peak}
}

/** The first node of `tree` nested deeper than `limit`, if any. */
export function findTooDeep(tree: Node, limit = maxNesting): TooDeep | undefined {
  const stack: Array<{node: Node; depth: number}> = [{node: tree, depth: 0}]
  // Raw HTML is parsed as one document, so its open elements carry over from one HTML node to the next.
  let open = 0
  while (stack.length > 0) {
    const {node, depth: above} = stack.pop()!
    const depth = above + (nesting.has(node.type) ? 1 : 0)
    if (depth > limit) return {node, depth, kind: 'markdown'}
    if (node.type === 'html') {
      const counted = htmlOpen((node as Node & {value: string}).value, open)
      open = counted.open
      if (counted.peak > limit) return {node, depth: counted.peak, kind: 'html'}
    }
    const children = (node as Parent).children
    if (Array.isArray(children)) {
      for (let index = children.length - 1; index >= 0; index--) stack.push({node: children[index]!, depth})
    }
  }
  return undefined
}

const fence = /^ {0,3}(`{3,}|~{3,})/
const listMarker = /^(?:[-*+]|\d{1,9}[.)])( {1,4})(?=\S)/

/**
 * The first line of `text` whose own markers (`> > - 1. x`) open more than
 * `limit` quotes and lists: 1-based line, and the column of the first
 * marker too many. The parser takes time that grows faster than the
 * number of containers open at once (3,000 list markers on one line take
 * seconds, thousands of quoted lines minutes), so such a line is refused
 * before it is parsed. Lines in fenced code are skipped; nesting built up
 * by indentation is left to the tree check and the time budget.
 */
export function findDeepLine(text: string, limit = maxNesting): {line: number; column: number; depth: number} | undefined {
  let fenced: string | undefined
  let line = 0
  for (const content of text.split('\n')) {
    line++
    const opening = fence.exec(content)
    if (opening) {
      const marker = opening[1]!
      if (fenced === undefined) fenced = marker
      else if (marker[0] === fenced[0] && marker.length >= fenced.length) fenced = undefined
      continue
    }
    if (fenced !== undefined || content.length <= limit) continue
    let at = /^ {0,3}/.exec(content)![0].length
    let depth = 0
    while (at < content.length) {
      const start = at
      if (content[at] === '>') {
        at += 1 + /^ {0,4}/.exec(content.slice(at + 1, at + 6))![0].length
      } else {
        const marker = listMarker.exec(content.slice(at, at + 16))
        if (!marker) break
        at += marker[0].length
      }
      if (++depth > limit) return {line, column: start + 1, depth}
    }
  }
  return undefined
}

/** The message for a tree that is too deep. */
export function tooDeepReason(found: Pick<TooDeep, 'depth' | 'kind'>, limit = maxNesting): string {
  return found.kind === 'html'
    ? `Unexpected HTML nested ${found.depth} elements deep, expected at most ${limit}`
    : `Unexpected nesting ${found.depth} levels deep (block quotes, lists, emphasis or links inside each other), expected at most ${limit}`
}

/** A document nested too deep to be used: the reason and the place of its first too-deep node. */
export class TooDeepError extends Error {
  readonly ruleId = 'too-deep'
  constructor(
    message: string,
    readonly place: Point | undefined
  ) {
    super(message)
    this.name = 'TooDeepError'
  }
}

/** A tree transform for `mdast-util-from-markdown` that throws a `TooDeepError` for a tree too deep. */
export const depthGuardExtension: Extension = {
  transforms: [
    (tree) => {
      const found = findTooDeep(tree)
      if (found) throw new TooDeepError(tooDeepReason(found), found.node.position?.start)
    }
  ]
}

