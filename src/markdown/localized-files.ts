/**
 * Files per language: a page in a language links `images/cycle.lv.png`
 * instead of `images/cycle.png` when that file exists, and `report.lv.pdf`
 * instead of `report.pdf`. The name is the original's with the language tag
 * before the last extension, so the versions sort next to their original.
 * Images that lack a version for some target language can be reported
 * (`translations.localizedFigures`), where the image is in the source.
 */
import path from 'node:path'
import createDebug from 'debug'
import type {Image, ImageReference} from 'mdast'
import type {VFile} from 'vfile'

const debug = createDebug('policy-press:localized-files')

/** `documents/images/cycle.png` in `lv` → `documents/images/cycle.lv.png` (POSIX paths). */
export function localizedFile(file: string, lang: string): string {
  const extension = path.posix.extname(file)
  return `${file.slice(0, file.length - extension.length)}.${lang}${extension}`
}

/** The file a page in `lang` links for `file`: its version for `lang` if there is one (`lang` undefined: the source). */
export function fileFor(file: string, lang: string | undefined, exists: (file: string) => boolean): string {
  if (lang === undefined) return file
  const localized = localizedFile(file, lang)
  if (!exists(localized)) return file
  debug('%s: %s instead of %s', lang, localized, file)
  return localized
}

export interface FigureReport {
  /** The target languages built, each of which should have a version. */
  languages: string[]
  /** Whether a missing version is an error (`localizedFigures: error` in a strict build). */
  fatal: boolean
}

/** Report `figure` (a file under `documents/`) at each of `places` if some of the languages have no version of it. */
export function reportMissingVersions(
  file: VFile,
  figure: string,
  places: Array<Image | ImageReference>,
  report: FigureReport,
  exists: (file: string) => boolean
): void {
  const lacking = report.languages.filter((lang) => !exists(localizedFile(figure, lang)))
  if (lacking.length === 0) return
  const shown = figure.slice('documents/'.length)
  const names = lacking.map((lang) => `\`${lang}\``).join(', ')
  const expected = lacking.map((lang) => `\`${localizedFile(shown, lang)}\``).join(', ')
  for (const place of places) {
    file.message(`Missing version of figure \`${shown}\` in ${names}, expected ${expected}`, {
      place: place.position,
      ruleId: 'missing-localized-figure',
      source: 'policy-press'
    }).fatal = report.fatal
  }
}
