/**
 * PO files: parsed and written with gettext-parser, kept in document order,
 * with the line of each entry (for messages) and gettext's conventions:
 * `#,  fuzzy` for stale translations, `#| msgid` for the source they were
 * made from, `#~` for obsolete entries. Translators' own comments and flags
 * survive every round trip.
 */
import {po} from 'gettext-parser'
import {VFile} from 'vfile'
import {readErrorRule, type ReadLimits, readProjectFile} from '../boundary.js'
import {writeAtomic} from '../write-atomic.js'
import {serializeCatalog} from './po-format.js'

export {serializeCatalog}

export interface CatalogEntry {
  msgid: string
  msgstr: string
  fuzzy: boolean
  /** The source text the translation was made from (`#| msgid`), for stale entries. */
  previous: string | undefined
  references: string[]
  /** Our comment (`#.`): block kind, heading path, author's note. */
  extracted: string
  /** The translator's own comment (`# `), never touched by policy-press. */
  translator: string
  /** Other flags (`no-wrap`, `machine`, …), kept as they are. */
  flags: string[]
  /** Line of the `msgid` in the file it was read from (0 for new entries). */
  line: number
}

export interface Catalog {
  headers: Record<string, string>
  entries: CatalogEntry[]
  obsolete: CatalogEntry[]
}

type ParsedEntry = {
  msgid: string
  msgstr?: string[]
  msgctxt?: string
  comments?: {translator?: string; extracted?: string; reference?: string; flag?: string; previous?: string}
}

/** Undo PO string escapes. */
function unescape(value: string): string {
  return value.replace(/\\(["\\ntr])/g, (_, character: string) => ({n: '\n', t: '\t', r: '\r'})[character] ?? character)
}

/** `msgid "a" "b"` (possibly over several `#|` lines) → `ab`. */
function parsePrevious(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  const match = /^msgid\s+([\s\S]*)$/m.exec(raw.replace(/^msgctxt[^\n]*\n/, ''))
  if (!match) return undefined
  const strings = [...match[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((part) => unescape(part[1]!))
  return strings.join('')
}

/** Line of each active and obsolete `msgid` in the text, by value, in file order. */
function msgidLines(text: string): {active: Array<[string, number]>; obsolete: Array<[string, number]>} {
  const lines = text.split('\n')
  const active: Array<[string, number]> = []
  const obsolete: Array<[string, number]> = []
  for (let index = 0; index < lines.length; index++) {
    const match = /^(#~\s*)?msgid\s+"((?:[^"\\]|\\.)*)"\s*$/.exec(lines[index]!)
    if (!match) continue
    const prefix = match[1] ? /^#~\s*"((?:[^"\\]|\\.)*)"\s*$/ : /^"((?:[^"\\]|\\.)*)"\s*$/
    let value = unescape(match[2]!)
    while (index + 1 < lines.length) {
      const next = prefix.exec(lines[index + 1]!)
      if (!next) break
      value += unescape(next[1]!)
      index++
    }
    ;(match[1] ? obsolete : active).push([value, index + 1])
  }
  return {active, obsolete}
}

function toEntries(section: Record<string, Record<string, ParsedEntry>> | undefined, lines: Array<[string, number]>): CatalogEntry[] {
  const entries: CatalogEntry[] = []
  const where = new Map<string, number>()
  for (const [msgid, line] of lines) if (!where.has(msgid)) where.set(msgid, line)
  for (const context of Object.values(section ?? {})) {
    for (const entry of Object.values(context)) {
      if (entry.msgid === '' && entry.msgctxt === undefined) continue
      const flags = (entry.comments?.flag ?? '')
        .split(/[,\n]/)
        .map((flag) => flag.trim())
        .filter(Boolean)
      entries.push({
        msgid: entry.msgid,
        msgstr: entry.msgstr?.[0] ?? '',
        fuzzy: flags.includes('fuzzy'),
        previous: parsePrevious(entry.comments?.previous),
        references: (entry.comments?.reference ?? '').split(/\s+/).filter(Boolean),
        extracted: entry.comments?.extracted ?? '',
        translator: entry.comments?.translator ?? '',
        flags: flags.filter((flag) => flag !== 'fuzzy'),
        line: where.get(entry.msgid) ?? 0
      })
    }
  }
  // gettext-parser keeps entries in objects, where keys such as "2025" jump to the front: restore file order.
  return entries.sort((a, b) => a.line - b.line)
}

/** Parse a PO file; a syntax error becomes a fatal message at its line and gives `undefined`. */
export function parseCatalog(text: string, file: VFile): Catalog | undefined {
  let parsed: ReturnType<typeof po.parse>
  try {
    // Validation: a string left open at the end of a line or of the file, an entry without msgstr, a msgid twice.
    parsed = po.parse(text, {validation: true})
  } catch (error) {
    const reason = (error as Error).message.replace(/^Error parsing PO data: /, '')
    // gettext-parser counts a line break before it sees that it ends an open string: that string is on the line before.
    let line = Number(/at line (\d+)/.exec(reason)?.[1] ?? 1) - (reason.startsWith('End-of-line within string') ? 1 : 0)
    // An entry without msgstr, or a msgid given twice: gettext-parser names the msgid; the last one is the culprit.
    const named = /(?:entry|associated with) "((?:[^"\\]|\\.)*)" in /.exec(reason)?.[1]
    if (named !== undefined) line = msgidLines(text).active.findLast(([msgid]) => msgid === named)?.[1] ?? line
    file.message(`Cannot parse PO file: ${reason.replace(/ at line \d+/, '').replace(/\.$/, '')}`, {
      place: {line, column: 1},
      ruleId: 'po-syntax',
      source: 'policy-press'
    }).fatal = true
    return undefined
  }
  const lines = msgidLines(text)
  return {
    headers: {...(parsed.headers as Record<string, string>)},
    entries: toEntries(parsed.translations as never, lines.active),
    obsolete: toEntries(parsed.obsolete as never, lines.obsolete)
  }
}

/** Read a PO file: `undefined` when it does not exist; `null` (with a message on `file`) when it is broken. */
export async function readCatalog(path: string, file: VFile, limits: ReadLimits = {}): Promise<Catalog | undefined | null> {
  let text: string
  try {
    // The file's `cwd` is the project's root: the PO file must stay inside it.
    text = await readProjectFile(file.cwd, path, limits, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    file.message(`Cannot read PO file: ${(error as Error).message}`, {ruleId: readErrorRule(error), source: 'policy-press'}).fatal = true
    return null
  }
  file.value = text
  return parseCatalog(text, file) ?? null
}

/**
 * The time a change is dated with: now, or `SOURCE_DATE_EPOCH` (seconds) when set, the convention of
 * reproducible builds, so that tests and repeatable runs write the same bytes.
 */
export function changeTime(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH)
  return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()
}

/** A date as gettext writes `PO-Revision-Date`: `2026-12-04 18:40+0000` (in UTC). */
export function revisionDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}+0000`
}

/** Whether a translation differs from the file as it was: a new or changed `msgstr`, or a draft confirmed or un-confirmed. */
function translationsChanged(catalog: Catalog, before: string | undefined, file: VFile): boolean {
  const old = before === undefined ? undefined : parseCatalog(before, file)
  if (!old) return catalog.entries.some((entry) => entry.msgstr !== '')
  const was = new Map(old.entries.map((entry) => [entry.msgid, entry]))
  return catalog.entries.some((entry) => {
    const previous = was.get(entry.msgid)
    return previous ? previous.msgstr !== entry.msgstr || previous.fuzzy !== entry.fuzzy : entry.msgstr !== ''
  })
}

export interface WriteCatalogOptions {
  /**
   * Whether a translation changed, which dates the file (`PO-Revision-Date`) as a translator's editor
   * would; `false` for sync, which only follows the source, as msgmerge leaves the date alone
   * (default: compared with `before`, entry by entry).
   */
  translated?: boolean | undefined
  /** The time of the change (default: `changeTime()`). */
  now?: Date | undefined
}

/** Write a catalog atomically (temporary file, then rename); returns whether the bytes changed. */
export async function writeCatalog(path: string, catalog: Catalog, before: string | undefined, options: WriteCatalogOptions = {}): Promise<boolean> {
  const translated = options.translated ?? translationsChanged(catalog, before, new VFile())
  const dated = translated ? {...catalog, headers: {...catalog.headers, 'PO-Revision-Date': revisionDate(options.now ?? changeTime())}} : catalog
  const text = serializeCatalog(dated)
  if (text === before) return false
  await writeAtomic(path, text)
  return true
}
