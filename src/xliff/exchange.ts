/**
 * XLIFF for CAT tools (Trados, memoQ, Phrase, OmegaT, Weblate): `export-xliff`
 * writes one file per document with the chosen segments; `import-xliff`
 * merges what the translator did back into the PO files. States both ways
 * are in states.ts.
 *
 * Each unit's id is a hash of its English text: a unit whose English no
 * longer exists is refused on import, never applied to the wrong text. Every
 * file is read and checked before any PO file is written, so a file that is
 * not well-formed XLIFF of this project changes nothing. A reviewed PO entry
 * is never overwritten unless `force`.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import createDebug from 'debug'
import {VFile} from 'vfile'
import {BoundaryError, readProjectFile} from '../boundary.js'
import {hasFatal} from '../fatal.js'
import {loadCatalogs} from '../catalog/load.js'
import {stateOf, type SegmentState} from '../catalog/merge.js'
import {type CatalogEntry, writeCatalog} from '../catalog/po.js'
import {segmentedSources} from '../catalog/sources.js'
import {targetLanguages} from '../catalog/sync.js'
import {writeAtomic} from '../write-atomic.js'
import {loadProject, ProjectError, type Project} from '../project.js'
import {fromInlineMarkdown, toInlineMarkdown} from '../segments/inline-markdown.js'
import {fromXliffInline, toXliffInline} from './inline.js'
import {readXliff, type XliffFile, type XliffUnit} from './read.js'
import {writeXliff} from './write.js'

const debug = createDebug('policy-press:xliff')

export function unitId(msgid: string): string {
  return `s${createHash('sha256').update(msgid).digest('hex').slice(0, 16)}`
}

const footnotesOf = (markdown: string) => (markdown.match(/\[\^([^\]]+)\]/g) ?? []).map((item) => item.slice(2, -1))

export interface ExportOptions {
  root: string
  lang: string
  docs?: string[] | undefined
  states: SegmentState[]
  version: '1.2' | '2.0'
  out: string
}

export async function exportXliff(options: ExportOptions): Promise<string[]> {
  const project = await loadProject({root: options.root, langs: [options.lang], docs: options.docs})
  targetLanguages(project.languages, project.config.source, [options.lang])
  const sources = await segmentedSources(project)
  const catalogs = await loadCatalogs(project, sources.documents.filter((document) => project.documents.some((item) => item.slug === document.slug)), [options.lang])
  const written: string[] = []
  for (const catalog of catalogs) {
    if (!catalog.merge) continue
    const units = catalog.merge.merged
      .map(({entry}) => ({entry, state: stateOf(entry)}))
      .filter(({state}) => options.states.includes(state))
      .map(({entry, state}) => ({
        id: unitId(entry.msgid),
        state,
        source: toXliffInline(entry.msgid, footnotesOf(entry.msgid), options.version),
        target: entry.msgstr === '' ? undefined : toXliffInline(entry.msgstr, footnotesOf(entry.msgstr), options.version),
        location: entry.references.join(' '),
        po: `${catalog.file.path}${entry.line ? `:${entry.line}` : ''}`,
        previous: entry.previous
      }))
    const xml = writeXliff({slug: catalog.slug, sourceLanguage: project.config.source, targetLanguage: options.lang, units}, options.version)
    const file = path.join(options.out, `${catalog.slug}.${options.lang}.xlf`)
    await writeAtomic(file, xml)
    written.push(file)
  }
  return written
}

export interface ImportXliffResult {
  files: VFile[]
  imported: number
  reviewed: number
  kept: number
  refused: number
  /** Whether a file that is not XLIFF of this project stopped the import before any PO file was written. */
  stopped: boolean
}

/** One `<file>` of an XLIFF file, checked: its document and language are the project's. */
interface Checked {
  file: VFile
  content: XliffFile
  slug: string
  lang: string
}

/** The `<file>`s of an XLIFF file, or a fatal message at the first that is not for this project. */
function check(project: Project, file: VFile, text: string): Checked[] {
  const read = readXliff(text)
  if ('error' in read) {
    const {reason, line, column, ruleId} = read.error
    file.message(reason, {place: {line, column}, ruleId, source: 'policy-press'}).fatal = true
    return []
  }
  const checked: Checked[] = []
  for (const content of read.content.files) {
    const slug = /^documents\/(.+)$/.exec(content.original ?? '')?.[1]
    const lang = content.targetLanguage
    if (!slug || !lang || !project.allSlugs.includes(slug) || lang === project.config.source || !project.allLanguages.includes(lang)) {
      file.message(`Unexpected XLIFF for \`${content.original ?? '?'}\` in \`${lang ?? '?'}\`, expected a document of this project (\`documents/<name>\`) and one of its target languages`, {
        place: {line: content.line, column: content.column},
        ruleId: 'xliff-file',
        source: 'policy-press'
      }).fatal = true
      return []
    }
    checked.push({file, content, slug, lang})
  }
  if (read.content.files.length === 0) {
    file.message('Missing `<file>` in XLIFF, expected one per document', {place: {line: 1, column: 1}, ruleId: 'xliff-file', source: 'policy-press'}).fatal = true
  }
  return checked
}

/** The text of an XLIFF file: UTF-8, or UTF-16 with its byte order mark, as some CAT tools save it. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return bytes.toString('utf8')
}

/** The PO entry a unit is for: by id (a hash of the English), by `resname`, or by its English when it has no codes. */
function entryOf(unit: XliffUnit, byId: Map<string, CatalogEntry>): CatalogEntry | undefined {
  const text = unit.source.every((item) => typeof item === 'string') ? unit.source.join('') : undefined
  return byId.get(unit.id) ?? (unit.name === undefined ? undefined : byId.get(unit.name)) ?? (text === undefined ? undefined : byId.get(unitId(text)))
}

export async function importXliff(options: {root: string; files: string[]; force?: boolean | undefined}): Promise<ImportXliffResult> {
  const project = await loadProject({root: options.root})
  const result: ImportXliffResult = {files: [], imported: 0, reviewed: 0, kept: 0, refused: 0, stopped: false}
  const checked: Checked[] = []
  for (const name of options.files) {
    const text = decode(
      await readProjectFile(project.root, path.resolve(name), {maxBytes: project.config.limits.fileSize * 1024 * 1024}).catch((error: unknown) => {
        throw new ProjectError(`Cannot read \`${name}\`${error instanceof BoundaryError ? `: ${error.message}` : ''}`)
      })
    )
    const file = new VFile({path: path.relative(project.root, path.resolve(name)), cwd: project.root, value: text})
    result.files.push(file)
    checked.push(...check(project, file, text))
  }
  if (hasFatal(result.files)) {
    debug('not importing: a file is not XLIFF of this project')
    result.files = result.files.filter((file) => file.messages.length > 0)
    return {...result, stopped: true}
  }
  for (const {file, content, slug, lang} of checked) {
    const projectForDoc = await loadProject({root: options.root, langs: [lang], docs: [slug]})
    const sources = await segmentedSources(projectForDoc)
    const [catalog] = await loadCatalogs(projectForDoc, sources.documents.filter((document) => document.slug === slug), [lang])
    if (!catalog?.merge) {
      if (catalog) result.files.push(catalog.file)
      continue
    }
    const byId = new Map(catalog.merge.catalog.entries.map((entry) => [unitId(entry.msgid), entry]))
    let changed = 0
    for (const unit of content.units) {
      const place = {line: unit.line, column: unit.column}
      const entry = entryOf(unit, byId)
      if (!entry) {
        result.refused++
        file.message('Unexpected unit whose English text is no longer in the document, expected a unit of the current source; not imported', {place, ruleId: 'xliff-source-changed', source: 'policy-press'})
        continue
      }
      if (unit.target === undefined || unit.target.length === 0) continue
      let translation: string
      try {
        translation = fromXliffInline(unit.target, unit.source, entry.msgid, footnotesOf(entry.msgid))
      } catch (error) {
        result.refused++
        file.message(`${(error as Error).message}; not imported`, {place, ruleId: 'xliff-inline', source: 'policy-press'})
        continue
      }
      if (stateOf(entry) === 'current' && !options.force) {
        // Differences of Markdown escaping alone (`\[` and `[`) are not a different translation.
        if (toInlineMarkdown(fromInlineMarkdown(entry.msgstr, footnotesOf(entry.msgid))) !== translation) result.kept++
        continue
      }
      // A draft sent back as it went out is not an import.
      if (entry.msgstr === translation && entry.fuzzy === !unit.confirmed) continue
      entry.msgstr = translation
      entry.fuzzy = !unit.confirmed
      if (unit.confirmed) entry.previous = undefined
      changed++
      result.imported++
      if (unit.confirmed) result.reviewed++
    }
    await writeCatalog(catalog.path, catalog.merge.catalog, catalog.exists ? String(catalog.file.value) : undefined, {translated: changed > 0})
    result.files.push(catalog.file)
  }
  result.files = result.files.filter((file) => file.messages.length > 0)
  return result
}
