/**
 * Hyphenation for every language the `hyphen` package has patterns for, by
 * tag, script or alias; none for the rest. Punctuation our fonts lack gets
 * a stand-in of the same family in print (the whole print page: see
 * europe.test.ts).
 */
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {hyphenateTree, hyphenator, patternName} from '../../src/pdf/hyphenate.js'
import {printablePunctuation} from '../../src/pdf/punctuation.js'

describe('hyphenation patterns', () => {
  it.each([
    ['bg', 'bg'],
    ['da', 'da'],
    ['de', 'de-1996'],
    ['de-CH-1901', 'de-ch-1901'],
    ['el', 'el-monoton'],
    ['en', 'en-gb'],
    ['en-US', 'en-us'],
    ['fi', 'fi'],
    ['nb', 'nb'],
    ['pl', 'pl'],
    ['ru', 'ru'],
    ['sr', 'sr-cyrl'],
    ['sr-Latn', 'sh-latn'],
    ['sv', 'sv'],
    ['uk', 'uk'],
    ['pt-BR', 'pt']
  ])('%s → %s', (lang, name) => {
    expect(patternName(lang)).toBe(name)
  })

  it('has none for a language the package lacks (Maltese, Luxembourgish)', () => {
    expect(patternName('mt')).toBeUndefined()
    expect(patternName('lb')).toBeUndefined()
    expect(hyphenator('mt')).toBeUndefined()
  })

  it('breaks Cyrillic and Greek words', () => {
    const show = (lang: string, html: string) => {
      const tree = fromHtml(html, {fragment: true})
      hyphenateTree(tree, lang)
      return toHtml(tree).replaceAll('\u00ad', '|')
    }
    expect(show('ru', '<p>преследования</p>')).toMatch(/^<p>пре\|?сле\|до\|ва\|ния<\/p>$/)
    expect(show('el', '<p>αξιοπρέπεια</p>')).toContain('|')
    expect(show('uk', '<p>переслідувань</p>')).toContain('|')
  })
})

describe('printable punctuation', () => {
  it('prints U+2010 and the like with characters our fonts have', () => {
    expect(printablePunctuation('non\u2010political, e\u2011mail, 1\u20122, \u2015 said, 1\u202f000 \u20ac')).toBe('non-political, e-mail, 1\u20132, \u2014 said, 1\u00a0000 \u20ac')
  })
})
