/**
 * Inline Markdown as XLIFF inline codes, and back. The same XML form DeepL
 * gets (see deepl/inline-xml.ts) is written as paired codes for emphasis,
 * strong, strike-through and links (1.2: `<bpt>`/`<ept>` holding the
 * Markdown they stand for; 2.0: `<pc>`) and placeholders for code, footnote
 * references and images (`<ph>`), so CAT tools protect them. Code ids say what
 * they stand for (`a0` is the first link), which is how they come back.
 */
import {fromXml, toXml} from '../deepl/inline-xml.js'
import {fromInlineMarkdown, toInlineMarkdown} from '../segments/inline-markdown.js'
import type {Inline} from './read.js'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

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

/** The element of `fromXml` an inline code stands for, by its id (`a0`, `x1`, `br2`, `i3`, `b4`, `s5`). */
function tagOf(id: string): {open: string; close: string; empty: boolean} {
  const number = /\d+$/.exec(id)?.[0] ?? ''
  if (id.startsWith('br')) return {open: '<br/>', close: '', empty: true}
  if (id.startsWith('x')) return {open: `<x n="${number}"/>`, close: '', empty: true}
  if (id.startsWith('a')) return {open: `<a n="${number}">`, close: '</a>', empty: false}
  if (/^[ibs]\d/.test(id)) return {open: `<${id[0]}>`, close: `</${id[0]}>`, empty: false}
  throw new Error(`Unexpected inline code \`${id}\` in the translation, expected the codes of the source`)
}

const hasCodes = (items: Inline[]) => items.some((item) => typeof item !== 'string')

/**
 * A unit's target → Markdown, the source's links, code and footnotes put back by code id. A target
 * without any code for a source with codes was typed in a tool that showed the codes as their text
 * (translate-toolkit, so Weblate and Pootle), which is the Markdown they stand for (`*`, `[`,
 * `](url)`): that target is Markdown. Any other text is text.
 */
export function fromXliffInline(target: Inline[], source: Inline[], markdownSource: string, footnotes: string[]): string {
  if (!hasCodes(target) && hasCodes(source)) {
    return toInlineMarkdown(fromInlineMarkdown((target as string[]).join('').trim(), footnotes))
  }
  const {kept} = toXml(markdownSource, footnotes)
  const xml = (items: Inline[]): string =>
    items
      .map((item) => {
        if (typeof item === 'string') return escape(item)
        const tag = tagOf(item.id)
        if (item.code === 'paired') return tag.empty ? tag.open : `${tag.open}${xml(item.contents)}${tag.close}`
        return item.code === 'close' ? tag.close : tag.open
      })
      .join('')
  return fromXml(xml(target), kept)
}
