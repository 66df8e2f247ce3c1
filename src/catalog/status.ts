/**
 * status: per document and language, how much of the translation is current,
 * stale or missing, computed from the current source and the PO files (the
 * merge runs in memory, so it is right even when nobody ran sync). The
 * report is data; src/report/ renders it as text, Markdown or JSON.
 */
import {diffWords} from 'diff'
import type {VFile} from 'vfile'
import {loadProject, type ProjectOptions} from '../project.js'
import {needsAlignmentCheck} from './alignment-mark.js'
import {loadCatalogs, strayCatalogs} from './load.js'
import {segmentedSources} from './sources.js'
import type {SegmentState} from './merge.js'
import {targetLanguages} from './sync.js'

export interface DiffPart {
  type: 'same' | 'removed' | 'added'
  text: string
}

/**
 * A segment's state as status reports it: the catalog's, plus `check
 * alignment` for a translation that `import` paired with its block in doubt
 * (fuzzy like a stale one, but its source never changed).
 */
export type StatusState = SegmentState | 'check alignment'

export interface SegmentStatus {
  state: StatusState
  location: string
  source: string
  previousSource?: string
  translation?: string
  /** Word diff from `previousSource` to `source` (stale only, when known). */
  diff?: DiffPart[]
}

export interface DocumentStatus {
  doc: string
  lang: string
  total: number
  current: number
  stale: number
  missing: number
  /** Machine drafts not yet reviewed. */
  machine: number
  /** Imported translations whose pairing with the source block is to be checked. */
  checkAlignment: number
  /** Share of segments that are current, 0–100, rounded down (100 only when all are). */
  percent: number
  segments: SegmentStatus[]
}

export interface StatusReport {
  source: string
  documents: DocumentStatus[]
}

export interface StatusResult {
  report: StatusReport
  files: VFile[]
  /** `true` when input could not be read (a broken PO file, config, or document). */
  unreadable: boolean
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    type: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value
  }))
}

export function percentCurrent(current: number, total: number): number {
  return total === 0 ? 100 : Math.floor((current / total) * 100)
}

export async function status(options: ProjectOptions): Promise<StatusResult> {
  const project = await loadProject(options)
  const languages = targetLanguages(project.languages, project.config.source, options.langs)
  const report: StatusReport = {source: project.config.source, documents: []}
  if (project.configFile?.messages.some((message) => message.fatal)) return {report, files: [project.configFile], unreadable: true}
  const sources = await segmentedSources(project)
  const catalogs = await loadCatalogs(project, sources.documents, languages)
  for (const catalog of catalogs) {
    if (!catalog.merge) continue
    const segments: SegmentStatus[] = catalog.merge.merged.map(({entry, state: merged}) => {
      const state: StatusState = merged === 'stale' && needsAlignmentCheck(entry) ? 'check alignment' : merged
      const segment: SegmentStatus = {state, location: entry.references[0] ?? '', source: entry.msgid}
      if (state === 'stale' && entry.previous !== undefined) {
        segment.previousSource = entry.previous
        segment.diff = wordDiff(entry.previous, entry.msgid)
      }
      if (entry.msgstr !== '') segment.translation = entry.msgstr
      return segment
    })
    const count = (state: StatusState) => segments.filter((segment) => segment.state === state).length
    const current = count('current')
    report.documents.push({
      doc: catalog.slug,
      lang: catalog.lang,
      total: segments.length,
      current,
      stale: count('stale'),
      missing: count('missing'),
      machine: count('machine'),
      checkAlignment: count('check alignment'),
      percent: percentCurrent(current, segments.length),
      segments
    })
  }
  const files = [
    ...sources.files,
    ...catalogs.map((catalog) => catalog.file),
    ...(await strayCatalogs(project, languages))
  ].filter((file) => file.messages.length > 0)
  const unreadable = files.some((file) => file.messages.some((message) => message.fatal))
  return {report, files, unreadable}
}
