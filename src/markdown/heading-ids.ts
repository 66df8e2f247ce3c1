/**
 * Heading ids, made once from the source text so that `#funding` means the
 * same heading in every language. `## Funding {#money}` sets an id by hand
 * (the suffix is removed from the text).
 */
import GithubSlugger from 'github-slugger'
import type {Heading, Html, Root, Text} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'

const explicitId = /[ \t]*\{#([A-Za-z][\w.:-]*)\}[ \t]*$/
const htmlId = /\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/gi

export function headingId(node: Heading): string | undefined {
  return (node.data?.hProperties as {id?: string} | undefined)?.id
}

/** Remove a trailing `{#id}` from the heading's text and return the id. */
function takeExplicitId(node: Heading): string | undefined {
  const last = node.children.at(-1)
  if (last?.type !== 'text') return undefined
  const match = explicitId.exec((last as Text).value)
  if (!match) return undefined
  ;(last as Text).value = (last as Text).value.slice(0, match.index)
  if ((last as Text).value === '') node.children.pop()
  return match[1]
}

/**
 * Give every heading of a document (all its chapters) a unique id; return
 * every id in the document that a link can point at.
 */
export function assignHeadingIds(chapters: Array<{tree: Root; file: VFile; anchor: string | undefined}>): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  // Explicit ids first, so generated ones never take them.
  const explicit = new Map<Heading, string>()
  for (const chapter of chapters) {
    visit(chapter.tree, 'heading', (node: Heading) => {
      const id = takeExplicitId(node)
      if (!id) return
      if (anchors.has(id)) {
        chapter.file.message(`Unexpected duplicate heading id \`${id}\`, expected ids to be unique in a document`, {
          place: node.position,
          ruleId: 'duplicate-id',
          source: 'policy-press'
        })
      }
      anchors.add(id)
      explicit.set(node, id)
    })
  }
  for (const id of anchors) slugger.slug(id)
  for (const chapter of chapters) {
    visit(chapter.tree, (node) => {
      if (node.type === 'heading') {
        const heading = node as Heading
        const id = explicit.get(heading) ?? slugger.slug(mdastToString(heading) || 'section')
        heading.data = {...heading.data, hProperties: {...heading.data?.hProperties, id}}
        anchors.add(id)
        chapter.anchor ??= id
      } else if (node.type === 'html') {
        for (const match of (node as Html).value.matchAll(htmlId)) anchors.add(match[1]!)
      } else if (node.type === 'footnoteDefinition') {
        anchors.add(`fn-${(node as {identifier: string}).identifier}`)
      }
    })
  }
  return anchors
}
