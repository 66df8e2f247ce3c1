/**
 * Notes on paper. The web page's notes end with back-links, "↑" (and "↑2"
 * for a note referenced again), that lead back to each reference; an arrow
 * means nothing on paper. In the print page each back-link loses its text
 * and keeps its address and its name ("Back to reference 1", its
 * `aria-label`): print.css lays it over the note's number, so in the PDF the
 * number is the link back, as in LaTeX's notes, and the link annotation is
 * still described by its name (see links.ts). Only the print page changes:
 * the web page keeps its arrows.
 *
 * The notes stay an `ol` of `li` in `section.footnotes`; the references stay
 * `sup > a[data-footnote-ref]`.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'

function isBackLink(node: Element): boolean {
  const classes = node.properties.className
  return node.tagName === 'a' && Array.isArray(classes) && classes.includes('data-footnote-backref')
}

/** Empty every note back-link of `tree` (a print page's body), in place. */
export function printNotes(tree: Root | Element): void {
  visit(tree, 'element', (node: Element) => {
    if (isBackLink(node)) node.children = []
  })
}
