/**
 * Soft hyphens for print. Headless Chromium on Linux has no hyphenation
 * dictionaries, so `hyphens: auto` does nothing in a PDF; instead the body
 * text gets U+00AD at the break points of TeX's patterns (the `hyphen`
 * package) for the language of each passage. Never in headings, code,
 * links, URLs or e-mail addresses.
 */
import {createRequire} from 'node:module'
import type {Element, Root, RootContent} from 'hast'

type Hyphenate = (text: string) => string
type CreateHyphenator = (patterns: unknown, options: {minWordLength: number; html: boolean}) => Hyphenate

const require = createRequire(import.meta.url)
const patterns: Record<string, string> = {en: 'en-gb', de: 'de-1996', et: 'et', lv: 'lv', lt: 'lt'}
const loaded = new Map<string, ((word: string) => string) | undefined>()

/**
 * The hyphenator of one word (a run of text without spaces) for a language, or `undefined` when there are no
 * patterns for it. Words recur: each is hyphenated once per build, which is most of what hyphenation costs.
 */
export function hyphenator(lang: string): ((word: string) => string) | undefined {
  const base = lang.toLowerCase().split('-')[0]!
  if (!loaded.has(base)) {
    const name = patterns[base]
    // The text is the page's text, not HTML (the package's default): a "<" in it starts no tag to skip.
    const hyphenate = name ? (require('hyphen') as CreateHyphenator)(require(`hyphen/patterns/${name}`), {minWordLength: 6, html: false}) : undefined
    const words = new Map<string, string>()
    const word = (token: string): string => {
      let result = words.get(token)
      if (result === undefined) words.set(token, (result = hyphenate!(token)))
      return result
    }
    loaded.set(base, hyphenate && word)
  }
  return loaded.get(base)
}

const skip = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'a', 'script', 'style', 'figcaption'])
const unbreakable = /[/@]|:\/\/|^www\.|\.[a-z]{2,}$/i

function hyphenateText(text: string, hyphenate: (word: string) => string): string {
  return text
    .split(/(\s+)/)
    .map((token) => (token.trim() === '' || unbreakable.test(token) ? token : hyphenate(token)))
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
