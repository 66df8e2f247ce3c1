/** The table of contents of a page: its `h2` and `h3` headings, nested. */
import type {Heading, Root} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {headingId} from '../markdown/heading-ids.js'

export interface TocEntry {
  id: string
  text: string
  children: TocEntry[]
}

export function tableOfContents(tree: Root, maxDepth = 3): TocEntry[] {
  const entries: TocEntry[] = []
  let parent: TocEntry | undefined
  visit(tree, 'heading', (node: Heading) => {
    const id = headingId(node)
    if (!id || node.depth > maxDepth) return
    const entry = {id, text: mdastToString(node), children: []}
    if (node.depth <= 2 || !parent) {
      entries.push(entry)
      parent = entry
    } else {
      parent.children.push(entry)
    }
  })
  return entries
}
