/**
 * The PO text of a catalog, laid out as GNU gettext writes it (msgmerge,
 * msgcat, msgfmt's checks), so that a translator's `msgcat` or Poedit save
 * changes no line: the header fields in gettext's order, comments in the
 * order `# ` `#.` `#:` `#,` `#|`, references filled to 79 columns, and every
 * string (`msgid`, `msgstr`, `#| msgid`, `#~ msgid`) wrapped at 79 columns
 * by gettext-parser's port of gettext's own line breaking.
 */
import {foldLine} from 'gettext-parser/lib/shared.js'
import type {Catalog, CatalogEntry} from './po.js'

const pageWidth = 79

/** gettext's order of the standard header fields; other fields follow in their own order. */
const headerOrder = [
  'Project-Id-Version',
  'Report-Msgid-Bugs-To',
  'POT-Creation-Date',
  'PO-Revision-Date',
  'Last-Translator',
  'Language-Team',
  'Language',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Plural-Forms'
]

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n')
}

/**
 * Lines already made, by keyword and text. gettext's line breaking (the Unicode line breaking
 * algorithm) is most of the time sync spends on a PO file, and every document's msgids are the same
 * in each of its languages: 24 languages fold each of them once instead of 24 times. The lines are a
 * function of the key alone; the memo is emptied when it grows large, so it holds a few files' worth.
 */
const folded = new Map<string, string[]>()
const foldedLimit = 50_000

/** `msgid "…"` over as many lines as gettext gives it; `prefix` is `#| `, `#~ ` or `#~| `. */
function keyword(prefix: string, name: string, value: string, wrap: boolean): string[] {
  const key = `${prefix}${name}${wrap ? '' : ' no-wrap'}\0${value}`
  const known = folded.get(key)
  if (known) return known
  // gettext counts the prefix in the first line's column and indents continuation lines by it.
  const lines: string[] = foldLine(escape(value), wrap ? pageWidth : 0, {name: `${prefix}${name}`, obsolete: prefix.length > 0})
  const [first, ...rest] = lines
  const made = [`${prefix}${name} "${first ?? ''}"`, ...rest.map((line) => `${prefix}"${line}"`)]
  if (folded.size >= foldedLimit) folded.clear()
  folded.set(key, made)
  return made
}

/** `#: a b c`, filled to the page width as gettext does. */
function references(prefix: string, items: string[]): string[] {
  const lines: string[] = []
  let line = ''
  for (const item of items) {
    if (line !== '' && line.length + 1 + item.length > pageWidth) {
      lines.push(line)
      line = ''
    }
    line = `${line === '' ? `${prefix}#:` : line} ${item}`
  }
  if (line !== '') lines.push(line)
  return lines
}

function comments(prefix: string, marker: string, text: string): string[] {
  if (text === '') return []
  return text.split('\n').map((line) => (line === '' ? `${prefix}${marker}` : `${prefix}${marker} ${line}`))
}

function entryLines(entry: CatalogEntry, obsolete: boolean): string[] {
  const prefix = obsolete ? '#~ ' : ''
  const flags = [...(entry.fuzzy ? ['fuzzy'] : []), ...entry.flags]
  const wrap = !flags.includes('no-wrap')
  return [
    ...comments('', '#', entry.translator),
    ...comments('', '#.', entry.extracted),
    ...references('', entry.references),
    ...(flags.length > 0 ? [`#, ${flags.join(', ')}`] : []),
    ...(entry.previous === undefined ? [] : keyword(obsolete ? '#~| ' : '#| ', 'msgid', entry.previous, wrap)),
    ...keyword(prefix, 'msgid', entry.msgid, wrap),
    ...keyword(prefix, 'msgstr', entry.msgstr, wrap)
  ]
}

function headerLines(headers: Record<string, string>): string[] {
  const names = [...headerOrder.filter((name) => name in headers), ...Object.keys(headers).filter((name) => !headerOrder.includes(name))]
  const text = names.map((name) => `${name}: ${headers[name]}\n`).join('')
  return [...keyword('', 'msgid', '', true), ...keyword('', 'msgstr', text, true)]
}

/** The PO text of a catalog, entries in the catalog's order. */
export function serializeCatalog(catalog: Catalog): string {
  const blocks = [headerLines(catalog.headers), ...catalog.entries.map((entry) => entryLines(entry, false)), ...catalog.obsolete.map((entry) => entryLines(entry, true))]
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`
}
