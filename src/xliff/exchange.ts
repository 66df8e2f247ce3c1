/**
 * XLIFF for CAT tools (Trados, memoQ, Phrase, OmegaT): `export-xliff` writes
 * one file per document with the chosen segments; `import-xliff` merges what
 * the translator did back into the PO files.
 *
 * Each unit's id is a hash of its English text: a unit whose English no
 * longer exists is refused on import, never applied to the wrong text.
 * States: current → 1.2 `translated` / 2.0 `reviewed`; stale and machine →
 * 1.2 `needs-review-translation` / 2.0 `initial`; missing → no target /
 * `initial`. Back in, a confirmed unit (1.2 `translated`, `signed-off`,
 * `final`; 2.0 `translated`, `reviewed`, `final`) becomes a reviewed entry,
 * anything else a fuzzy draft. A reviewed PO entry is never overwritten
 * unless `force`.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import {VFile} from 'vfile'
import {xliff2js, xliff12ToJs} from 'xliff'
import {BoundaryError, readProjectFile} from '../boundary.js'
import {loadCatalogs} from '../catalog/load.js'
import {stateOf, type SegmentState} from '../catalog/merge.js'
import {writeCatalog} from '../catalog/po.js'
import {segmentedSources} from '../catalog/sources.js'
import {targetLanguages} from '../catalog/sync.js'
import {writeAtomic} from '../pipeline/write.js'
import {loadProject, ProjectError} from '../project.js'
import {fromInlineMarkdown, toInlineMarkdown} from '../segments/inline-markdown.js'
import {fromXliffInline, toXliffInline} from './inline.js'

export function unitId(msgid: string): string {
  return `s${createHash('sha256').update(msgid).digest('hex').slice(0, 16)}`
}

const footnotesOf = (markdown: string) => (markdown.match(/\[\^([^\]]+)\]/g) ?? []).map((item) => item.slice(2, -1))
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

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
    const units: string[] = []
    for (const {entry} of catalog.merge.merged) {
      const state = stateOf(entry)
      if (!options.states.includes(state)) continue
      const footnotes = footnotesOf(entry.msgid)
      const source = toXliffInline(entry.msgid, footnotes, options.version)
      const target = entry.msgstr === '' ? undefined : toXliffInline(entry.msgstr, footnotesOf(entry.msgstr), options.version)
      const location = entry.references.join(' ')
      const id = unitId(entry.msgid)
      if (options.version === '1.2') {
        const targetState = state === 'current' ? 'translated' : 'needs-review-translation'
        const qualifier = state === 'machine' ? ' state-qualifier="mt-suggestion"' : ''
        units.push(
          [
            `      <trans-unit id="${id}" resname="${id}" xml:space="preserve">`,
            `        <source>${source.content}</source>`,
            ...(target ? [`        <target state="${targetState}"${qualifier}>${target.content}</target>`] : []),
            `        <note from="policy-press" annotates="general">state: ${state}; location: ${escape(location)}; PO: ${escape(catalog.file.path)}${entry.line ? `:${entry.line}` : ''}</note>`,
            ...(entry.previous !== undefined ? [`        <note from="previous-source" annotates="source">${escape(entry.previous)}</note>`] : []),
            '      </trans-unit>'
          ].join('\n')
        )
      } else {
        // Stale and machine drafts go out as `initial`, so a CAT tool asks for them to be confirmed.
        const segmentState = state === 'current' ? 'reviewed' : 'initial'
        const data = [...source.data, ...(target?.data ?? [])].filter((item, index, all) => all.findIndex((other) => other.id === item.id) === index)
        units.push(
          [
            `    <unit id="${id}">`,
            '      <notes>',
            `        <note category="location">${escape(location)}</note>`,
            `        <note category="state">${state}</note>`,
            ...(entry.previous !== undefined ? [`        <note category="previous-source">${escape(entry.previous)}</note>`] : []),
            '      </notes>',
            ...(data.length > 0 ? ['      <originalData>', ...data.map((item) => `        <data id="${item.id}">${escape(item.value)}</data>`), '      </originalData>'] : []),
            `      <segment state="${segmentState}">`,
            `        <source xml:space="preserve">${source.content}</source>`,
            ...(target ? [`        <target xml:space="preserve">${target.content}</target>`] : []),
            '      </segment>',
            '    </unit>'
          ].join('\n')
        )
      }
    }
    const original = `documents/${catalog.slug}`
    const xml =
      options.version === '1.2'
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file original="${original}" source-language="${project.config.source}" target-language="${options.lang}" datatype="x-markdown" tool-id="policy-press">\n    <header><tool tool-id="policy-press" tool-name="policy-press"/></header>\n    <body>\n${units.join('\n')}\n    </body>\n  </file>\n</xliff>\n`
        : `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${project.config.source}" trgLang="${options.lang}">\n  <file id="${catalog.slug}" original="${original}">\n${units.join('\n')}\n  </file>\n</xliff>\n`
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
}

/** The state attribute of each unit, which the `xliff` package does not keep. */
function unitStates(text: string): Map<string, string> {
  const states = new Map<string, string>()
  for (const match of text.matchAll(/<trans-unit\b[^>]*\bid="([^"]+)"[\s\S]*?<\/trans-unit>/g)) {
    const state = /<target\b[^>]*\bstate="([^"]+)"/.exec(match[0])?.[1]
    if (state) states.set(match[1]!, state)
  }
  for (const match of text.matchAll(/<unit\b[^>]*\bid="([^"]+)"[\s\S]*?<\/unit>/g)) {
    const state = /<segment\b[^>]*\bstate="([^"]+)"/.exec(match[0])?.[1]
    if (state) states.set(match[1]!, state)
  }
  return states
}

const reviewedStates = new Set(['translated', 'signed-off', 'final', 'reviewed'])

export async function importXliff(options: {root: string; files: string[]; force?: boolean | undefined}): Promise<ImportXliffResult> {
  const project = await loadProject({root: options.root})
  const result: ImportXliffResult = {files: [], imported: 0, reviewed: 0, kept: 0, refused: 0}
  for (const name of options.files) {
    const text = await readProjectFile(project.root, path.resolve(name), {maxBytes: project.config.limits.fileSize * 1024 * 1024}, 'utf8').catch((error: unknown) => {
      throw new ProjectError(`Cannot read \`${name}\`${error instanceof BoundaryError ? `: ${error.message}` : ''}`)
    })
    const file = new VFile({path: path.relative(project.root, path.resolve(name)), cwd: project.root, value: text})
    result.files.push(file)
    const version = /version="2\.0"/.test(text.slice(0, 400)) ? '2.0' : '1.2'
    let parsed: Awaited<ReturnType<typeof xliff12ToJs>>
    try {
      parsed = version === '2.0' ? await xliff2js(text) : await xliff12ToJs(text)
    } catch (error) {
      file.message(`Cannot parse XLIFF: ${(error as Error).message}`, {place: {line: 1, column: 1}, ruleId: 'xliff-syntax', source: 'policy-press'}).fatal = true
      continue
    }
    const lang = parsed.targetLanguage
    const original = /\boriginal="documents\/([^"]+)"/.exec(text)?.[1]
    if (!lang || !original || !project.allSlugs.includes(original) || lang === project.config.source || !project.allLanguages.includes(lang)) {
      file.message(`Unexpected XLIFF for \`${original ?? '?'}\` in \`${lang ?? '?'}\`, expected a document of this project and one of its target languages`, {
        place: {line: 1, column: 1},
        ruleId: 'xliff-file',
        source: 'policy-press'
      }).fatal = true
      continue
    }
    const projectForDoc = await loadProject({root: options.root, langs: [lang], docs: [original]})
    const sources = await segmentedSources(projectForDoc)
    const [catalog] = await loadCatalogs(projectForDoc, sources.documents.filter((document) => document.slug === original), [lang])
    if (!catalog?.merge) {
      if (catalog) result.files.push(catalog.file)
      continue
    }
    const byId = new Map(catalog.merge.catalog.entries.map((entry) => [unitId(entry.msgid), entry]))
    const states = unitStates(text)
    const lines = text.split('\n')
    for (const units of Object.values(parsed.resources)) {
      for (const [id, unit] of Object.entries(units as Record<string, {target?: unknown}>)) {
        const line = lines.findIndex((item) => item.includes(`id="${id}"`)) + 1
        const entry = byId.get(id)
        if (!entry) {
          result.refused++
          file.message('Unexpected unit whose English text is no longer in the document, expected a unit of the current source; not imported', {
            place: {line: line || 1, column: 1},
            ruleId: 'xliff-source-changed',
            source: 'policy-press'
          })
          continue
        }
        if (unit.target === undefined || (Array.isArray(unit.target) && unit.target.length === 0) || unit.target === '') continue
        let translation: string
        try {
          translation = fromXliffInline(unit.target as never, entry.msgid, footnotesOf(entry.msgid))
        } catch (error) {
          result.refused++
          file.message(`${(error as Error).message}; not imported`, {place: {line: line || 1, column: 1}, ruleId: 'xliff-inline', source: 'policy-press'})
          continue
        }
        const reviewed = reviewedStates.has(states.get(id) ?? '')
        if (stateOf(entry) === 'current' && !options.force) {
          // Differences of Markdown escaping alone (`\[` and `[`) are not a different translation.
          if (toInlineMarkdown(fromInlineMarkdown(entry.msgstr, footnotesOf(entry.msgid))) !== translation) result.kept++
          continue
        }
        entry.msgstr = translation
        entry.fuzzy = !reviewed
        if (reviewed) entry.previous = undefined
        result.imported++
        if (reviewed) result.reviewed++
      }
    }
    await writeCatalog(catalog.path, catalog.merge.catalog, catalog.exists ? String(catalog.file.value) : undefined)
    result.files.push(catalog.file)
  }
  result.files = result.files.filter((file) => file.messages.length > 0)
  return result
}
