/**
 * mdast → sanitized hast → HTML for the body of a page, with the labels of
 * footnotes in the page's language. One processor per language, reused for
 * every document.
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {type Processor, unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {UiStrings} from '../ui-strings.js'
import {sanitizeSchema} from './sanitize.js'

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

export type HtmlProcessor = Processor<Root, Root, HastRoot, undefined, undefined>

export function createHtmlProcessor(strings: UiStrings): HtmlProcessor {
  return unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: strings.footnotes,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: {className: ['footnotes-title']},
      footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
        strings.backToContent.replace('{index}', String(referenceIndex + 1) + (rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''))
    })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema)
    .use(alignToClass)
    .freeze() as unknown as HtmlProcessor
}
