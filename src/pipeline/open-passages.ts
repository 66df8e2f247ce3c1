/**
 * open-passages: in a strict build (`--strict`, for releases), every passage
 * not shown as a current translation is an error at its place in the
 * source, once for all the languages it is open in, not once per language.
 */
import type {ParsedDocument} from './parse.js'
import type {TranslatedDocument} from './translate.js'

/** Passages of one document not shown as a current translation, by place and state, with the languages concerned. */
export type OpenPassages = Map<string, {path: string; line: number; state: 'stale' | 'missing'; langs: string[]}>

/** Add the passages `translated` leaves open to `open`. */
export function collectOpen(open: OpenPassages, translated: TranslatedDocument): void {
  for (const {state, location} of translated.open) {
    const at = location.lastIndexOf(':')
    const passage = open.get(`${location}\0${state}`) ?? {path: location.slice(0, at), line: Number(location.slice(at + 1)), state, langs: []}
    passage.langs.push(translated.lang)
    open.set(`${location}\0${state}`, passage)
  }
}

/** Report each open passage of `document` as a fatal message at its place, naming its languages. */
export function reportOpen(document: ParsedDocument, open: OpenPassages): void {
  for (const {path, line, state, langs} of open.values()) {
    const file = document.files.find((item) => item.path === path)
    if (!file) continue
    file.message(`${state === 'stale' ? 'Stale' : 'Missing'} translation into ${langs.map((lang) => `\`${lang}\``).join(', ')}, expected a current one in a strict build`, {
      place: {line, column: 1},
      ruleId: `translation-${state}`,
      source: 'policy-press'
    }).fatal = true
  }
}
