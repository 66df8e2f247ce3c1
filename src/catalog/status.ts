/**
 * status: per document and language, how much of the translation is current,
 * stale or missing, computed from the current source and the PO files (the
 * merge runs in memory, so it is right even when nobody ran sync). The
 * report is data; src/report/ renders it as text, Markdown or JSON.
 */
import {diffWords} from 'diff'
import type {VFile} from 'vfile'
import {hasFatal} from '../fatal.js'
import {loadProject, type ProjectOptions} from '../project.js'
import {strayCatalogs} from './load.js'
import {readResultsCache} from './results-cache.js'
import type {PlainSegmentStatus, StatusState} from './segment-status.js'
import {segmentedSources} from './sources.js'
import {surveyCatalogs} from './survey.js'
import {targetLanguages} from './sync.js'

export type {StatusState} from './segment-status.js'

export interface DiffPart {
  type: 'same' | 'removed' | 'added'
  text: string
}

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

export interface StatusOptions extends ProjectOptions {
  /**
   * Which segments each document lists: every one, or only those that are not current, which is all
   * that text and Markdown show and what CI acts on; their counts are always there (default: `'all'`).
   */
  segments?: 'open' | 'all' | undefined
}

/** Segments as reported: stale ones get their word diff, made once per change however many languages it is stale in. */
function reporter(): (segment: PlainSegmentStatus) => SegmentStatus {
  const diffs = new Map<string, DiffPart[]>()
  return (segment) => {
    if (segment.state !== 'stale' || segment.previousSource === undefined) return segment
    const key = `${segment.previousSource}\0${segment.source}`
    let diff = diffs.get(key)
    if (!diff) diffs.set(key, (diff = wordDiff(segment.previousSource, segment.source)))
    const {translation, ...rest} = segment
    // The diff goes before the translation, where JSON consumers have always found it.
    return {...rest, diff, ...(translation === undefined ? {} : {translation})}
  }
}

export async function status(options: StatusOptions): Promise<StatusResult> {
  const project = await loadProject(options)
  const languages = targetLanguages(project.languages, project.config.source, options.langs)
  const report: StatusReport = {source: project.config.source, documents: []}
  if (project.configFile && hasFatal([project.configFile])) return {report, files: [project.configFile], unreadable: true}
  const sources = await segmentedSources(project)
  const cache = await readResultsCache(project)
  const detail = options.segments ?? 'all'
  // Listing every segment needs every PO file parsed; counts and open segments come from the cache.
  const files: VFile[] = [...sources.files]
  const reported = reporter()
  for await (const catalog of surveyCatalogs(project, sources.documents, languages, cache, {use: detail === 'all' ? 'none' : 'any', all: detail === 'all'})) {
    if (catalog.file.messages.length > 0) files.push(catalog.file)
    if (!catalog.result) continue
    const {total, current, stale, missing, machine, checkAlignment} = catalog.result.counts
    const segments = detail === 'all' ? catalog.segments! : catalog.result.open
    report.documents.push({doc: catalog.slug, lang: catalog.lang, total, current, stale, missing, machine, checkAlignment, percent: percentCurrent(current, total), segments: segments.map(reported)})
  }
  await cache.save()
  files.push(...(await strayCatalogs(project, languages)))
  const unreadable = hasFatal(files)
  return {report, files, unreadable}
}
