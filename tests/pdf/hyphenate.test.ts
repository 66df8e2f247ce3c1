import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {hyphenateTree} from '../../src/pdf/hyphenate.js'

/** The HTML fragment with its soft hyphens shown as "|". */
function hyphenated(html: string, lang: string): string {
  const tree = fromHtml(html, {fragment: true})
  hyphenateTree(tree, lang)
  return toHtml(tree).replaceAll('\u00ad', '|')
}

describe('hyphenateTree', () => {
  it('breaks body words by the patterns of each passage’s language (British English for en)', () => {
    expect(hyphenated('<p>Municipalities coordinate <span lang="de">Sozialversicherungsträger</span> and <span lang="lv">pašvaldības</span>.</p>', 'en')).toBe(
      '<p>Mu|ni|cip|al|it|ies co|ordin|ate <span lang="de">So|zi|al|ver|si|che|rungs|trä|ger</span> and <span lang="lv">pa|šval|dī|bas</span>.</p>'
    )
  })

  it('leaves headings, code, links, URLs and addresses whole', () => {
    const html =
      '<h2>Municipalities</h2><p><code>municipalities</code> <a href="#x">municipalities</a> https://example.org/municipalities www.municipalities.example office@municipalities.example</p>'
    expect(hyphenated(html, 'en')).toBe(html)
  })

  it('reads a "<" in the text as text, not as the start of a tag', () => {
    expect(hyphenated('<p>x &#x3C;municipalities municipalities</p>', 'en')).toBe('<p>x &#x3C;mu|ni|cip|al|it|ies mu|ni|cip|al|it|ies</p>')
  })

  it('gives a word the same breaks however often it recurs', () => {
    const once = hyphenated('<p>coordination</p>', 'en')
    expect(hyphenated('<p>coordination</p>', 'en')).toBe(once)
    expect(once).toBe('<p>co|ordin|a|tion</p>')
  })

  it('leaves text in a language without patterns as it is (Maltese: the hyphen package has none)', () => {
    expect(hyphenated('<p>Municipalities</p>', 'mt')).toBe('<p>Municipalities</p>')
  })
})
