/**
 * Translation checks on blocks whose source uses reference links and
 * images: the msgid writes them inline, so a translation that keeps them
 * keeps their definitions' URLs and is no problem.
 */
import type {Paragraph} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {checkTranslation} from '../../src/segments/check.js'
import {collectDefinitions, fromInlineMarkdown, toInlineMarkdown} from '../../src/segments/inline-markdown.js'

const tree = fromMarkdown('See [the plan][plan] and ![the logo][logo].\n\n[plan]: plan.md\n[logo]: images/logo.png\n')
const source = (tree.children[0] as Paragraph).children
const definitions = collectDefinitions(tree)

describe('checkTranslation with references', () => {
  it('accepts a translation of the msgid, which writes references inline', () => {
    const msgid = toInlineMarkdown(source, definitions)
    expect(msgid).toBe('See [the plan](plan.md) and ![the logo](images/logo.png).')
    const translation = fromInlineMarkdown('Skatiet [plānu](plan.md) un ![logotipu](images/logo.png).')
    expect(checkTranslation(source, translation, definitions)).toEqual([])
  })

  it('still reports a reference target the translation dropped', () => {
    const translation = fromInlineMarkdown('Skatiet plānu un ![logotipu](images/logo.png).')
    expect(checkTranslation(source, translation, definitions)).toEqual([
      {ruleId: 'translation-link', reason: 'Missing link to `plan.md` in translation, expected it as in the source'}
    ])
  })
})
