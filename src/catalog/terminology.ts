/**
 * Terminology: where `translations/glossary.yaml` gives a term for a
 * language, a translation of a segment whose English contains the term must
 * use the glossary's term. Each miss is a message at the PO entry.
 */
import type {Glossary} from '../deepl/glossary.js'
import type {LoadedCatalog} from './load.js'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Whether `translation` uses `term`, allowing for inflection: each word of the
 * term must start a word of the translation with its stem (all but the last
 * 40 % of longer words), as Estonian, Latvian, Lithuanian and German
 * change word endings ("võimestamine" → "võimestamise").
 */
export function usesTerm(translation: string, term: string, lang: string): boolean {
  // Compared without diacritics: Lithuanian "mokymąsi" is a form of "mokymasis".
  const plain = (text: string) => text.toLocaleLowerCase(lang).normalize('NFD').replace(/\p{M}/gu, '')
  const words = plain(translation).match(/[\p{L}\p{N}]+/gu) ?? []
  return plain(term)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((part) => {
      const stem = part.length > 5 ? part.slice(0, Math.max(4, Math.ceil(part.length / 2))) : part
      return words.some((word) => word.startsWith(stem))
    })
}

/** Occurrences of a lower-case term written with capitals mid-sentence are names ("Service Co-Creation"), not the term. */
function usedAsTerm(source: string, pattern: RegExp, term: string): boolean {
  const global = new RegExp(pattern.source, 'giu')
  for (const match of source.matchAll(global)) {
    const found = match[0].slice(match[1]!.length, match[0].length - match[2]!.length)
    const start = match.index! + match[1]!.length
    const sentenceStart = start === 0 || /[.!?:]\s*$/.test(source.slice(0, start))
    if (found === term || found.toLowerCase() !== found && sentenceStart && found.slice(1) === term.slice(1)) return true
    if (term.toLowerCase() !== term) return true
  }
  return false
}

export function checkTerminology(catalogs: LoadedCatalog[], glossary: Glossary): number {
  let problems = 0
  const terms = Object.entries(glossary.terms)
    // Longer terms first, so "end-users" is checked and not also "end-user" inside it.
    .sort((a, b) => b[0].length - a[0].length)
    .map(([term, targets]) => ({term, targets, pattern: new RegExp(`(^|[^\\p{L}-])${escapeRegExp(term)}($|[^\\p{L}-])`, 'iu')}))
  for (const catalog of catalogs) {
    for (const {entry} of catalog.merge?.merged ?? []) {
      if (entry.msgstr === '') continue
      let source = entry.msgid
      for (const {term, targets, pattern} of terms) {
        const expected = targets[catalog.lang]
        if (!expected || !usedAsTerm(source, pattern, term)) continue
        source = source.replace(pattern, '$1$2')
        if (usesTerm(entry.msgstr, expected, catalog.lang)) continue
        problems++
        catalog.file.message(`Unexpected translation of \`${term}\`, expected the glossary term \`${expected}\``, {
          place: {line: entry.line || 1, column: 1},
          ruleId: 'terminology',
          source: 'policy-press'
        })
      }
    }
  }
  return problems
}
