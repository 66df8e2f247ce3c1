/**
 * A segment's inline Markdown as the XML DeepL translates with
 * `tag_handling=xml`, and back. Emphasis, strong and strike-through become
 * tags DeepL moves with the words; link targets stay out of the text (the
 * `<a>` carries only a number); inline code, footnote references, images and
 * raw HTML become empty `<x/>` tags listed in `ignore_tags`, so they come
 * back exactly as they were.
 */
import type {PhrasingContent} from 'mdast'
import {fromInlineMarkdown, toInlineMarkdown} from '../segments/inline-markdown.js'

export interface XmlSegment {
  xml: string
  /** What the numbered tags stand for. */
  kept: PhrasingContent[]
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

export function toXml(markdown: string, footnotes: Iterable<string> = []): XmlSegment {
  const kept: PhrasingContent[] = []
  const write = (nodes: PhrasingContent[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return escape(node.value)
          case 'emphasis':
            return `<i>${write(node.children)}</i>`
          case 'strong':
            return `<b>${write(node.children)}</b>`
          case 'delete':
            return `<s>${write(node.children)}</s>`
          case 'link':
            kept.push({...node, children: []})
            return `<a n="${kept.length - 1}">${write(node.children)}</a>`
          case 'break':
            return '<br/>'
          default:
            kept.push(node)
            return `<x n="${kept.length - 1}"/>`
        }
      })
      .join('')
  return {xml: write(fromInlineMarkdown(markdown, footnotes)), kept}
}

/** Parse DeepL's XML back into inline Markdown; tags it invented or lost are an error. */
export function fromXml(xml: string, kept: PhrasingContent[]): string {
  const root: {children: PhrasingContent[]} = {children: []}
  const stack: Array<{node: {children: PhrasingContent[]}; tag: string}> = [{node: root, tag: ''}]
  const used = new Set<number>()
  for (const token of xml.split(/(<[^>]+>)/).filter(Boolean)) {
    const top = stack.at(-1)!
    const tag = /^<(\/?)([a-z]+)(?:\s+n="(\d+)")?\s*(\/?)>$/.exec(token)
    if (!tag) {
      top.node.children.push({type: 'text', value: unescape(token)})
      continue
    }
    const [, closing, name, number, selfClosing] = tag
    if (closing) {
      if (top.tag !== name) throw new Error(`Unexpected closing tag </${name}> in the translation, expected </${top.tag || 'none'}>`)
      stack.pop()
      continue
    }
    if (name === 'x' || name === 'br') {
      if (name === 'br') top.node.children.push({type: 'break'})
      else {
        const index = Number(number)
        if (!kept[index]) throw new Error(`Unexpected tag <x n="${number}"/> in the translation`)
        used.add(index)
        top.node.children.push(structuredClone(kept[index]!))
      }
      if (!selfClosing && name === 'x') stack.push({node: {children: []}, tag: name})
      continue
    }
    const node =
      name === 'i'
        ? {type: 'emphasis' as const, children: []}
        : name === 'b'
          ? {type: 'strong' as const, children: []}
          : name === 's'
            ? {type: 'delete' as const, children: []}
            : name === 'a' && kept[Number(number)]?.type === 'link'
              ? {...(structuredClone(kept[Number(number)]!) as PhrasingContent & {children: PhrasingContent[]}), children: []}
              : undefined
    if (!node) throw new Error(`Unexpected tag <${name}> in the translation`)
    if (name === 'a') used.add(Number(number))
    top.node.children.push(node as PhrasingContent)
    stack.push({node: node as {children: PhrasingContent[]}, tag: name!})
  }
  if (stack.length > 1) throw new Error(`Missing closing tag </${stack.at(-1)!.tag}> in the translation`)
  const lost = kept.map((_, index) => index).filter((index) => !used.has(index))
  if (lost.length > 0) throw new Error(`Missing ${lost.length} kept element(s) in the translation`)
  return toInlineMarkdown(root.children)
}
