/**
 * mdast → sanitized hast → HTML for the body of a page, with the labels of
 * footnotes in the page's language. One renderer per language, reused for
 * every document. Raw HTML is re-parsed (rehype-raw, a whole HTML parser
 * pass) only for trees that have some: most documents have none.
 */
import type {Element, Root as HastRoot} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {type Processor, unified} from 'unified'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import type {UiStrings} from '../ui-strings.js'
import {sanitizeSchema} from './sanitize.js'
import {rehypeTaskStates} from './task-states.js'

/** `align` on table cells is obsolete HTML: make it a class the stylesheet knows. */
function alignToClass() {
  return (tree: HastRoot): void => {
    visit(tree, 'element', (node: Element) => {
      const align = node.properties.align
      if (typeof align !== 'string') return
      delete node.properties.align
      const classes = Array.isArray(node.properties.className) ? node.properties.className : []
      node.properties.className = [...classes, `align-${align}`]
    })
  }
}

type HtmlProcessor = Processor<Root, Root, HastRoot, undefined, undefined>

function createProcessor(strings: UiStrings, raw: boolean): HtmlProcessor {
  const processor = unified().use(remarkRehype, {
    allowDangerousHtml: raw,
    clobberPrefix: '',
    footnoteLabel: strings.footnotes,
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: {className: ['footnotes-title']},
    // "↑" is in every font's Latin range; the usual "↩" would fall back to a system font in print.
    footnoteBackContent: (_, rereferenceIndex) => [{type: 'text', value: rereferenceIndex > 1 ? `↑${rereferenceIndex}` : '↑'}],
    footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
      strings.backToContent.replace('{index}', String(referenceIndex + 1) + (rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''))
  })
  if (raw) processor.use(rehypeRaw)
  // Sanitize even without raw HTML: Markdown links can carry `javascript:` URLs too.
  return processor.use(rehypeSanitize, sanitizeSchema).use(alignToClass).use(rehypeTaskStates, {done: strings.taskDone, open: strings.taskOpen}).freeze() as unknown as HtmlProcessor
}

function hasRawHtml(tree: Root): boolean {
  let found = false
  visit(tree, 'html', () => {
    found = true
    return false
  })
  return found
}

export interface HtmlRenderer {
  /** The sanitized body of a page, as hast, from its (translated, transformed) tree. */
  tree(tree: Root, file: VFile | undefined): HastRoot
  /** The body HTML of a page. */
  render(tree: Root, file: VFile | undefined): string
}

export function createHtmlRenderer(strings: UiStrings): HtmlRenderer {
  let plain: HtmlProcessor | undefined
  let withRaw: HtmlProcessor | undefined
  const toHast = (tree: Root, file: VFile | undefined): HastRoot => {
    const processor = hasRawHtml(tree) ? (withRaw ??= createProcessor(strings, true)) : (plain ??= createProcessor(strings, false))
    return processor.runSync(tree, file)
  }
  return {
    tree: toHast,
    render: (tree, file) => toHtml(toHast(tree, file))
  }
}
