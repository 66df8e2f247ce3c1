/**
 * Which @fontsource subsets of our fonts (Source Serif 4, Source Sans 3) a
 * site's languages need, from each language's script: every page loads each
 * font face its stylesheet declares, so a Latin-only site must not declare
 * Cyrillic or Greek faces, and a Russian one must declare Cyrillic faces or
 * its PDF falls back to whatever font the machine has.
 */
import createDebug from 'debug'

const debug = createDebug('policy-press:fonts')

/**
 * The subsets every site ships: digits, punctuation, URLs and the names of people and places are Latin in every
 * language, and the letters of en, de, et, lv, lt, pl, … lie in these two.
 */
const always = ['latin', 'latin-ext']

/** The subsets of each script our fonts cover, beyond the Latin ones. */
const scripts: Record<string, {subsets: string[]; extended: string; basic: Set<string>}> = {
  // Belarusian, Bulgarian, Macedonian, Russian, Serbian and Ukrainian letters all lie in U+0400–045F and Ґ ґ
  // (the `cyrillic` subset); other Cyrillic alphabets (Kazakh, Tatar, …) need `cyrillic-ext` too.
  Cyrl: {subsets: ['cyrillic'], extended: 'cyrillic-ext', basic: new Set(['be', 'bg', 'mk', 'ru', 'sr', 'uk'])},
  // Modern (monotonic) Greek lies in `greek`; polytonic Ancient Greek needs `greek-ext`, which only Source Sans 3 has.
  Grek: {subsets: ['greek'], extended: 'greek-ext', basic: new Set(['el'])},
  Latn: {subsets: [], extended: '', basic: new Set()}
}

/** The script a language is written in (`Latn`, `Cyrl`, `Grek`, …), from its tag or CLDR's likely subtags. */
export function scriptOf(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().script
  } catch {
    return undefined
  }
}

/** The @fontsource subset names (`latin`, `cyrillic`, …) whose faces the pages of `languages` need. */
export function fontSubsets(languages: readonly string[]): Set<string> {
  const needed = new Set(always)
  for (const lang of languages) {
    const script = scriptOf(lang)
    const fonts = script === undefined ? undefined : scripts[script]
    if (!fonts) {
      debug('%s: no font of ours covers the script %s; its letters come from the reader’s fonts', lang, script ?? '(unknown)')
      continue
    }
    for (const subset of fonts.subsets) needed.add(subset)
    if (fonts.extended && !fonts.basic.has(new Intl.Locale(lang).language)) needed.add(fonts.extended)
  }
  debug('subsets for %o: %o', languages, [...needed])
  return needed
}
