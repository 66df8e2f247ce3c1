/**
 * Soft hyphens for print. Headless Chromium on Linux has no hyphenation
 * dictionaries, so `hyphens: auto` does nothing in a PDF; instead the body
 * text gets U+00AD at the break points of TeX's patterns (the `hyphen`
 * package) for the language of each passage, for every language the
 * package has patterns for. Never in headings, code, links, URLs or e-mail
 * addresses.
 */
import {createRequire} from 'node:module'
import createDebug from 'debug'
import type {Element, Root, RootContent} from 'hast'
import {loadPatterns} from './hyphen-patterns.js'

type Hyphenate = (text: string) => string
type CreateHyphenator = (patterns: unknown, options: {minWordLength: number; html: boolean}) => Hyphenate

const require = createRequire(import.meta.url)
const debug = createDebug('policy-press:hyphenate')

/**
 * Pattern files named otherwise than the language (`hyphen/patterns/<name>`): British English, German in the
 * 1996 spelling and monotonic Greek are what our users write; Serbian in Latin script is `sh-latn`.
 */
const aliases: Record<string, string> = {en: 'en-gb', de: 'de-1996', el: 'el-monoton', 'sr-latn': 'sh-latn'}
const loaded = new Map<string, ((word: string) => string) | undefined>()

function hasPatterns(name: string): boolean {
  try {
    require.resolve(`hyphen/patterns/${name}`)
    return true
  } catch {
    return false
  }
}

/**
 * The `hyphen` package's pattern file for a language tag: the tag itself (`en-us`, `de-ch-1901`), the language in
 * its script (`sr-cyrl`, `mn-cyrl`), then the language (`ru`, `pl`), each through `aliases`; `undefined` if none.
 */
export function patternName(lang: string): string | undefined {
  let locale: Intl.Locale
  try {
    locale = new Intl.Locale(lang)
  } catch {
    return undefined
  }
  const script = locale.maximize().script
  const candidates = [lang, script ? `${locale.language}-${script}` : '', locale.language].map((tag) => tag.toLowerCase())
  for (const tag of candidates) {
    if (!tag) continue
    const name = aliases[tag] ?? tag
    // Only plain names: a tag never reaches outside the patterns folder.
    if (/^[a-z0-9-]+$/.test(name) && hasPatterns(name)) return name
  }
  return undefined
}

/**
 * The hyphenator of one word (a run of text without spaces) for a language, or `undefined` when there are no
 * patterns for it. Words recur: each is hyphenated once per build, which is most of what hyphenation costs.
 */
export function hyphenator(lang: string): ((word: string) => string) | undefined {
  const base = lang.toLowerCase()
  if (!loaded.has(base)) {
    const name = patternName(lang)
    // The text is the page's text, not HTML (the package's default): a "<" in it starts no tag to skip.
    let hyphenate: Hyphenate | undefined
    try {
      hyphenate = name ? (require('hyphen') as CreateHyphenator)(loadPatterns(name), {minWordLength: 6, html: false}) : undefined
    } catch (error) {
      // A pattern file that does not load (hyphen 1.14's Church Slavonic is not valid JavaScript) is none.
      debug('%s: patterns %s cannot be loaded: %s', lang, name, (error as Error).message)
    }
    // Once per language and run: the PDF is printed unhyphenated, which is not wrong, only less even.
    if (hyphenate) debug('%s: patterns %s', lang, name)
    else debug('%s: no hyphenation patterns in the `hyphen` package; printed without hyphenation', lang)
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
