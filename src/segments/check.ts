/**
 * Translation checks: what a translation must keep of its source block.
 * Link targets, footnote references, inline code and images are not for the
 * translator to change; each difference is a problem with a rule id.
 * A reference link or image of the source counts as its definition's URL,
 * as its msgid writes it inline (inline-markdown.ts).
 */
import type {Paragraph, PhrasingContent} from 'mdast'
import {visit} from 'unist-util-visit'
import type {Definitions} from './inline-markdown.js'

export interface TranslationProblem {
  ruleId: 'translation-link' | 'translation-footnote' | 'translation-code' | 'translation-image'
  reason: string
}

interface Kept {
  links: string[]
  footnotes: string[]
  code: string[]
  images: string[]
}

function kept(children: PhrasingContent[], definitions: Definitions): Kept {
  const found: Kept = {links: [], footnotes: [], code: [], images: []}
  const root: Paragraph = {type: 'paragraph', children}
  visit(root, (node) => {
    const url = node.type === 'linkReference' || node.type === 'imageReference' ? definitions.get(node.identifier)?.url : undefined
    if (url !== undefined) found[node.type === 'linkReference' ? 'links' : 'images'].push(url)
    else if (node.type === 'link') found.links.push(node.url)
    else if (node.type === 'footnoteReference') found.footnotes.push(node.identifier)
    else if (node.type === 'inlineCode') found.code.push(node.value)
    else if (node.type === 'image') found.images.push(node.url)
  })
  return found
}

/** Items of `expected` missing from `actual`, and extra ones, as multisets. */
function difference(expected: string[], actual: string[]): {missing: string[]; extra: string[]} {
  const rest = [...actual]
  const missing: string[] = []
  for (const item of expected) {
    const at = rest.indexOf(item)
    if (at === -1) missing.push(item)
    else rest.splice(at, 1)
  }
  return {missing, extra: rest}
}

const what = {
  links: ['translation-link', 'link to'],
  footnotes: ['translation-footnote', 'footnote reference'],
  code: ['translation-code', 'inline code'],
  images: ['translation-image', 'image']
} as const

export function checkTranslation(source: PhrasingContent[], translation: PhrasingContent[], definitions: Definitions = new Map()): TranslationProblem[] {
  const expected = kept(source, definitions)
  const actual = kept(translation, new Map())
  const problems: TranslationProblem[] = []
  for (const key of Object.keys(what) as Array<keyof Kept>) {
    const [ruleId, label] = what[key]
    const {missing, extra} = difference(expected[key], actual[key])
    for (const item of missing) {
      problems.push({ruleId, reason: `Missing ${label} \`${item}\` in translation, expected it as in the source`})
    }
    for (const item of extra) {
      problems.push({ruleId, reason: `Unexpected ${label} \`${item}\` in translation, expected only those of the source`})
    }
  }
  return problems
}
