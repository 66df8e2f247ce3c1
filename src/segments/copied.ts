/**
 * Blocks that are not text: a table cell or paragraph that holds only a
 * number, a date, a percentage, an amount of money or a web address has
 * nothing for a translator to do, so it is copied into every language as it
 * is instead of becoming a PO entry (which would count as missing and fail a
 * strict build until someone "translated" `2025` into `2025`).
 *
 * Which kinds are copied is the project's choice
 * (`translations.copy` in the config): a project that writes decimals and
 * dates the way each language does (`3.5` → `3,5`) keeps those kinds
 * translatable.
 *
 * The patterns accept the ways the Baltic Sea region writes these: signs
 * including U+2212 minus, thousands separated by comma, full stop, space,
 * no-break space or thin space, decimal comma or point, ISO dates and
 * `d.m.yyyy` (with the Latvian trailing full stop), ranges with a dash.
 * A cell that is only a dash (`–`, "none") counts as a number.
 */

/** What may be copied, in the order the config documents them. */
export const copyKinds = ['numbers', 'dates', 'percentages', 'currency', 'urls'] as const

export type CopyKind = (typeof copyKinds)[number]

const sign = '[+\\-\u2212\u2013±]?'
const groupSeparator = '[,.\u00A0\u202F\u2009 ]'
/** `12`, `1,000`, `1 000 000`, `3.50`, `1.000,5`. */
const unsigned = `(?:\\d{1,3}(?:${groupSeparator}\\d{3})+|\\d+)(?:[.,]\\d+)?`
const number = `${sign}${unsigned}`
/** Ranges use a hyphen, an en dash or an em dash, with or without spaces. */
const dash = '\\s?[-\u2013\u2014]\\s?'
const range = (item: string): string => `${item}(?:${dash}${item})?`

const time = '\\d{1,2}:\\d{2}(?::\\d{2})?'
const date = [
  // ISO: 2025-12-04, 2025-12, with a time: 2025-12-04T10:00
  `\\d{4}-\\d{2}(?:-\\d{2}(?:[T ]${time}(?:Z|[+-]\\d{2}:?\\d{2})?)?)?`,
  // d.m.yyyy, dd.mm.yy, 4. 12. 2025, 04.12.2025. (Latvian)
  '\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})\\.?',
  // yyyy.mm.dd
  '\\d{4}\\.\\d{1,2}\\.\\d{1,2}\\.?',
  // d/m/yyyy or m/d/yyyy
  '\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})',
  // A year on its own
  '[12]\\d{3}'
].join('|')
const dateOrTime = `(?:(?:${date})(?:,?\\s${time})?|${time})`

const currencySymbol = '[€$£¥]'
/** ISO codes of the region's currencies and the common ones, and the Nordic crown and Polish złoty. */
const currencyCode = '(?:EUR|USD|GBP|SEK|NOK|DKK|ISK|PLN|CHF|JPY|kr|zł)'
const amount = range(number)

const patterns: Record<CopyKind, RegExp> = {
  // A dash alone is the "none" of a table of figures.
  numbers: new RegExp(`^(?:${range(number)}|[-–—])$`, 'u'),
  dates: new RegExp(`^${range(dateOrTime)}$`, 'u'),
  percentages: new RegExp(`^${range(`${number}\\s?[%‰]`)}$|^${amount}\\s?[%‰]$`, 'u'),
  currency: new RegExp(
    `^${sign}(?:${currencySymbol}\\s?${amount}|${amount}\\s?${currencySymbol}|${currencyCode}\\s?${amount}|${amount}\\s?${currencyCode})$`,
    'u'
  ),
  // A web address, or an e-mail address: the same in every language.
  urls: /^(?:(?:https?|ftp):\/\/|mailto:|www\.)\S+$|^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/iu
}

/**
 * The kind of `text` among `kinds`, if it is one of them and so copied as it
 * is; `undefined` for text to translate.
 */
export function copiedKind(text: string, kinds: readonly CopyKind[]): CopyKind | undefined {
  const trimmed = text.replace(/\s+/g, (space) => (/[\u00A0\u202F\u2009]/.test(space) ? space : ' ')).trim()
  if (trimmed === '') return undefined
  return kinds.find((kind) => patterns[kind].test(trimmed))
}
