/**
 * Inline Markdown as XLIFF inline codes, and back. The same XML form DeepL
 * gets (see deepl/inline-xml.ts) is written as paired codes for emphasis,
 * strong, strike-through and links (1.2: `<bpt>`/`<ept>` holding the
 * Markdown they stand for; 2.0: `<pc>`) and placeholders for code, footnote
 * references and images (`<ph>`), so CAT tools protect them. Code ids say what
 * they stand for (`a0` is the first link), which is how they come back.
 */
import {fromXml, toXml} from '../deepl/inline-xml.js'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

const marks: Record<string, {ctype: string; markdown: string}> = {
  i: {ctype: 'italic', markdown: '*'},
  b: {ctype: 'bold', markdown: '**'},
  s: {ctype: 'x-strike', markdown: '~~'}
}

export interface XliffInline {
  /** Inline content as XLIFF markup. */
  content: string
  /** 2.0 only: the original data of the codes. */
  data: Array<{id: string; value: string}>
}

function linkEnd(markdown: string): string {
  // The Markdown of a link after its text: `](url "title")`.
  const match = /\]\([^)]*\)$/.exec(markdown)
  return match ? match[0] : ')'
}

/** Markdown → XLIFF inline content of the given version. */
export function toXliffInline(markdown: string, footnotes: string[], version: '1.2' | '2.0'): XliffInline {
  const {xml, kept} = toXml(markdown, footnotes)
  const data: XliffInline['data'] = []
  const stack: string[] = []
  let counter = 0
  const native = (index: number): string => {
    const node = kept[index]!
    // The Markdown of a kept node, through the same serializer as msgids.
    return fromXml(`<x n="0"/>`, [node])
  }
  const content = xml.replace(/<(\/?)([a-z]+)(?:\s+n="(\d+)")?\s*(\/?)>/g, (_, closing: string, name: string, number: string | undefined) => {
    if (name === 'br') {
      const id = `br${counter++}`
      if (version === '1.2') return `<ph id="${id}" ctype="lb">\\\n</ph>`
      data.push({id: `d-${id}`, value: '\\\n'})
      return `<ph id="${id}" dataRef="d-${id}"/>`
    }
    if (name === 'x') {
      const id = `x${number}`
      const value = native(Number(number))
      if (version === '1.2') return `<ph id="${id}">${escape(value)}</ph>`
      data.push({id: `d-${id}`, value})
      return `<ph id="${id}" dataRef="d-${id}"/>`
    }
    if (closing) {
      const id = stack.pop()!
      if (version === '2.0') return '</pc>'
      const end = id.startsWith('a') ? linkEnd(fromXml(`<a n="0">t</a>`, [kept[Number(id.slice(1))]!])) : marks[id[0]!]!.markdown
      return `<ept id="${id}">${escape(end)}</ept>`
    }
    const id = name === 'a' ? `a${number}` : `${name}${counter++}`
    stack.push(id)
    if (version === '2.0') {
      const start = name === 'a' ? '[' : marks[name]!.markdown
      const end = name === 'a' ? linkEnd(fromXml(`<a n="0">t</a>`, [kept[Number(number)]!])) : marks[name]!.markdown
      data.push({id: `d-${id}-s`, value: start}, {id: `d-${id}-e`, value: end})
      return `<pc id="${id}" dataRefStart="d-${id}-s" dataRefEnd="d-${id}-e">`
    }
    const {ctype, markdown: start} = name === 'a' ? {ctype: 'link', markdown: '['} : marks[name]!
    return `<bpt id="${id}" ctype="${ctype}">${escape(start)}</bpt>`
  })
  return {content, data}
}

type Inline = string | {[kind: string]: {id: string; ctype?: string; contents?: string | Inline[]}}

/** Inline content parsed by the `xliff` package → Markdown, with the source's kept elements. */
export function fromXliffInline(inline: Inline | Inline[] | undefined, markdownSource: string, footnotes: string[]): string {
  const {kept} = toXml(markdownSource, footnotes)
  const parts = inline === undefined ? [] : Array.isArray(inline) ? inline : [inline]
  const xml = (items: Inline[]): string =>
    items
      .map((item) => {
        if (typeof item === 'string') return escape(unescape(item))
        const [kind, value] = Object.entries(item)[0]!
        const id = value.id
        const tag = id.startsWith('a') ? 'a' : id.startsWith('x') ? 'x' : id.startsWith('br') ? 'br' : id[0]!
        const open = tag === 'a' ? `<a n="${id.slice(1)}">` : `<${tag}>`
        if (kind === 'Standalone' || (kind === 'Span' && (tag === 'x' || tag === 'br'))) {
          return tag === 'br' ? '<br/>' : `<x n="${id.slice(1)}"/>`
        }
        if (kind === 'SpanStart') return open
        if (kind === 'SpanEnd') return `</${tag}>`
        // 2.0 `<pc>`: a span with its contents inside.
        const inner = Array.isArray(value.contents) ? value.contents : value.contents === undefined ? [] : [value.contents]
        return `${open}${xml(inner as Inline[])}</${tag}>`
      })
      .join('')
  return fromXml(xml(parts), kept)
}
