/**
 * The page title (from front matter) is the only `h1`, so the highest heading
 * level a document's body uses becomes `h2`: authors may start at `#` or `##`.
 */
import type {Heading, Root} from 'mdast'
import {visit} from 'unist-util-visit'

export function shiftHeadings(trees: Root[]): void {
  let top = 6
  for (const tree of trees) {
    visit(tree, 'heading', (node: Heading) => {
      top = Math.min(top, node.depth)
    })
  }
  const shift = Math.max(0, 2 - top)
  if (shift === 0) return
  for (const tree of trees) {
    visit(tree, 'heading', (node: Heading) => {
      node.depth = Math.min(6, node.depth + shift) as Heading['depth']
    })
  }
}
