/**
 * Tables and code blocks in scroll regions a keyboard can reach.
 *
 * A wide table scrolls sideways on a phone. Its scroll container must take
 * the focus, so keyboard users can scroll it (axe's
 * `scrollable-region-focusable`, WCAG 2.1.1), and a focusable container
 * needs a role and a name: each table is wrapped in
 * `<div class="table-scroll" role="region" tabindex="0">` named by the
 * table's caption when it has one, and otherwise "Table 1", "Table 2", … in
 * the page's language (numbered over the whole page, so no two regions
 * share a name). Whether a table overflows depends on the reader's screen,
 * which a static page cannot know: every table gets the wrapper, as in
 * Adrian Roselli's "Under-Engineered Responsive Tables". A code block
 * scrolls by itself (its lines must not wrap): it takes the focus too, but
 * stays a plain `pre`, not a landmark of its own. Run on a page's whole body, after its
 * chapters are put together.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'

export interface TableRegionOptions {
  /** The name of a table without a caption; `{index}` is its number on the page, e.g. "Table {index}". */
  label: string
}

export function rehypeScrollRegions(options: TableRegionOptions) {
  return (tree: Root): void => {
    let count = 0
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre') {
        node.properties.tabIndex = 0
        return
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return
      count++
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
      const name: Element['properties'] = {}
      if (caption) {
        caption.properties.id ??= `table-caption-${count}`
        name.ariaLabelledBy = [String(caption.properties.id)]
      } else {
        name.ariaLabel = options.label.replace('{index}', String(count))
      }
      const region: Element = {type: 'element', tagName: 'div', properties: {className: ['table-scroll'], role: 'region', tabIndex: 0, ...name}, children: [node]}
      parent.children.splice(index, 1, region)
      // The table is now inside the region: do not visit it again as the next sibling.
      return index + 1
    })
  }
}
