/**
 * A block's inline content as the text a translator sees (the msgid), and
 * back. The text is the block's inline Markdown, normalized so that
 * re-wrapping the source never changes it: line breaks and runs of spaces
 * become one space, reference links become inline links.
 *
 * Both directions put a zero-width space in front of the text, so that text
 * which starts like a block ("1. Involve…", "- item", "# x") stays inline:
 * it is neither escaped on the way out nor parsed as a list on the way in.
 * On the way in it is written as the character reference `&#x200B;`: its
 * `;` is punctuation, so `**"quoted"**` or `**−12 %**` at the start still
 * opens emphasis (a bare zero-width space would not, and the serializer
 * writes the reference for the same reason).
 */
import type {Definition, PhrasingContent, Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown} from 'mdast-util-to-markdown'
import {gfm} from 'micromark-extension-gfm'
import {visit} from 'unist-util-visit'
import {depthGuardExtension, findDeepLine, maxNesting, TooDeepError} from '../markdown/depth.js'

const guard = '\u200B'
const guardReference = '&#x200B;'
const leadingGuard = /^(?:\u200B|&#x200B;)/i
const spaces = /[ \t\r\n]+/g
/**
 * Text with none of the characters that Markdown gives meaning to inline (and
 * nothing an autolink could start with) parses to itself and serializes to
 * itself: most blocks of prose. Such text skips the parser and serializer.
 */
const plain = /^[^\n\r*_`[\]<>!&\\~@:|^]*$/
const extensions = [gfm()]
// The depth guard first: a translation nested too deep must not reach GFM's transforms, which recurse.
const mdastExtensions = [depthGuardExtension, gfmFromMarkdown()]
const toMarkdownExtensions = [gfmToMarkdown()]

export type Definitions = Map<string, Definition>

export function collectDefinitions(tree: Root): Definitions {
  const definitions: Definitions = new Map()
  visit(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  return definitions
}

/** Reference links and images become inline ones; text loses its line breaks. */
function normalize(children: PhrasingContent[], definitions: Definitions): PhrasingContent[] {
  const root = {type: 'paragraph' as const, children: structuredClone(children)}
  visit(root, (node, index, parent) => {
    if (node.type === 'text') {
      node.value = node.value.replace(spaces, ' ')
    } else if ((node.type === 'linkReference' || node.type === 'imageReference') && parent && index !== undefined) {
      const definition = definitions.get(node.identifier)
      if (!definition) return
      const inline =
        node.type === 'linkReference'
          ? {type: 'link' as const, url: definition.url, title: definition.title ?? null, children: node.children}
          : {type: 'image' as const, url: definition.url, title: definition.title ?? null, alt: node.alt ?? ''}
      parent.children[index] = inline as never
    }
  })
  return root.children
}

/** The msgid of a block: its inline Markdown, normalized. */
export function toInlineMarkdown(children: PhrasingContent[], definitions: Definitions = new Map()): string {
  const only = children.length === 1 ? children[0] : undefined
  if (only?.type === 'text') {
    const text = only.value.replace(spaces, ' ').trim()
    if (plain.test(text) && !text.includes('www.')) return text
  }
  const content = normalize(children, definitions)
  const markdown = toMarkdown(
    {type: 'paragraph', children: [{type: 'text', value: guard}, ...content]},
    {extensions: toMarkdownExtensions, emphasis: '*', strong: '*'}
  )
  return markdown.replace(leadingGuard, '').replace(/\n$/, '').replace(/[ \t]*\n[ \t]*/g, (match) => (match.includes('\\') ? match : ' ')).trim()
}

/**
 * Parse a translation back into inline content. Footnote references only
 * parse as such when their definitions exist, so the source block's
 * footnote ids are defined for the parse.
 */
export function fromInlineMarkdown(text: string, footnotes: Iterable<string> = [], onTooDeep?: (reason: string) => void): PhrasingContent[] {
  const trimmed = text.trim()
  if (plain.test(trimmed) && !trimmed.includes('www.')) return trimmed === '' ? [] : [{type: 'text', value: trimmed}]
  // Lines of markers that open too many quotes or lists take the parser long: such text is shown as it is.
  if (findDeepLine(text)) {
    onTooDeep?.(`Unexpected nesting more than ${maxNesting} levels deep in translation, expected at most ${maxNesting}; shown as plain text`)
    return [{type: 'text', value: trimmed}]
  }
  const definitions = [...footnotes].map((id) => `\n\n[^${id}]: x`).join('')
  let tree: Root
  try {
    tree = fromMarkdown(`${guardReference}${text.replace(/\n{2,}/g, '\n')}${definitions}`, {extensions, mdastExtensions})
  } catch (error) {
    // Nested too deep to be shown as Markdown (a hostile translation): shown as the text it is.
    if (error instanceof TooDeepError || error instanceof RangeError) {
      onTooDeep?.(`${error instanceof TooDeepError ? error.message.replace(/, expected/, ' in translation, expected') : `Unexpected nesting in translation, expected at most ${maxNesting} levels`}; shown as plain text`)
      return [{type: 'text', value: trimmed}]
    }
    throw error
  }
  const first = tree.children[0]
  if (first?.type !== 'paragraph') return [{type: 'text', value: text}]
  const children = first.children
  const head = children[0]
  if (head?.type === 'text') {
    head.value = head.value.replace(guard, '')
    if (head.value === '') children.shift()
  }
  // Positions point into the translation, not the source document.
  visit(first, (node) => {
    delete node.position
  })
  return children
}

/** Footnote ids referenced in inline content. */
export function footnoteIds(children: PhrasingContent[]): string[] {
  const ids: string[] = []
  visit({type: 'paragraph', children}, 'footnoteReference', (node) => {
    ids.push(node.identifier)
  })
  return ids
}
