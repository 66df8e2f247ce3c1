/**
 * Soft hyphens for print. Headless Chromium on Linux has no hyphenation
 * dictionaries, so `hyphens: auto` does nothing in a PDF; instead the body
 * text gets U+00AD at the break points of TeX's patterns (the `hyphen`
 * package) for the language of each passage. Never in headings, code,
 * links, URLs or e-mail addresses.
 */
import {createRequire} from 'node:module'
import type {Element, Root, RootContent} from 'hast'

type Hyphenate = (text: string, options?: {minWordLength?: number}) => string

const require = createRequire(import.meta.url)
const patterns: Record<string, string> = {en: 'en-gb', de: 'de-1996', et: 'et', lv: 'lv', lt: 'lt'}
const loaded = new Map<string, Hyphenate | undefined>()

/** The hyphenator for a language, or `undefined` when there are no patterns for it. */
export function hyphenator(lang: string): Hyphenate | undefined {
  const base = lang.toLowerCase().split('-')[0]!
  if (!loaded.has(base)) {
    const name = patterns[base]
    loaded.set(base, name ? (require(`hyphen/${name}`) as {hyphenateSync: Hyphenate}).hyphenateSync : undefined)
  }
  return loaded.get(base)
}

const skip = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'a', 'script', 'style', 'figcaption'])
const unbreakable = /[/@]|:\/\/|^www\.|\.[a-z]{2,}$/i

function hyphenateText(text: string, hyphenate: Hyphenate): string {
  return text
    .split(/(\s+)/)
    .map((token) => (token.trim() === '' || unbreakable.test(token) ? token : hyphenate(token, {minWordLength: 6})))
    .join('')
}

/** Insert soft hyphens into the text of `tree`, whose language is `lang` unless an element says otherwise. */
export function hyphenateTree(tree: Root | Element, lang: string): void {
  const walk = (nodes: RootContent[], current: string): void => {
    const hyphenate = hyphenator(current)
    for (const node of nodes) {
      if (node.type === 'text') {
        if (hyphenate) node.value = hyphenateText(node.value, hyphenate)
      } else if (node.type === 'element') {
        if (skip.has(node.tagName)) continue
        const own = typeof node.properties.lang === 'string' ? node.properties.lang : current
        walk(node.children, own)
      }
    }
  }
  walk(tree.children as RootContent[], lang)
}
