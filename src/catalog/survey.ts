/**
 * survey: every catalog of a run, one at a time, for the commands that look
 * at all of them (status, sync). Each PO file is read and hashed; when the
 * results cache holds for its bytes and its document's segments, that
 * result is all there is, and the file is neither parsed nor merged. Only
 * the others are parsed and merged, and their result goes into the cache.
 *
 * Catalogs come one by one, in the order of documents and then languages,
 * and nothing of one is kept after its turn: a project of 24,000 PO files
 * (300 MB) never holds them all in memory at once.
 */
import path from 'node:path'
import createDebug from 'debug'
import {VFile} from 'vfile'
import {projectFileReader, readErrorRule} from '../boundary.js'
import type {Project} from '../project.js'
import {catalogPath, mergeWithSource, type SegmentedDocument} from './load.js'
import type {MergeResult} from './merge.js'
import {parseCatalog} from './po.js'
import {bytesDigest, type CatalogResult, type ResultsCache, segmentsDigest} from './results-cache.js'
import {countStates, openSegments, type PlainSegmentStatus, segmentStatuses} from './segment-status.js'

const debug = createDebug('policy-press:survey')

export interface SurveyedCatalog {
  slug: string
  lang: string
  /** Absolute path of the PO file. */
  path: string
  /** The PO file with its messages (its text only when it was parsed). */
  file: VFile
  /** Whether the file exists. */
  exists: boolean
  /** The file's text when it was read and parsed; `undefined` when absent or taken from the cache. */
  text: string | undefined
  /** `bytesDigest` of the file, `segmentsDigest` of its document: the cache's key. */
  digests: {po: string; segments: string}
  /** Counts and segments that are not current; `undefined` for a broken file, which must be left alone. */
  result: CatalogResult | undefined
  /** The merge, when the file was parsed (not taken from the cache). */
  merge: MergeResult | undefined
  /** Every segment, when the file was parsed. */
  segments: PlainSegmentStatus[] | undefined
}

export interface SurveyOptions {
  /** Which cached results stand for the file: any, only those of files as sync writes them, or none (every file is parsed). */
  use: 'any' | 'synced' | 'none'
}

export async function* surveyCatalogs(project: Project, documents: SegmentedDocument[], languages: string[], cache: ResultsCache, options: SurveyOptions): AsyncGenerator<SurveyedCatalog> {
  const read = projectFileReader(project.root, {maxBytes: project.config.limits.fileSize * 1024 * 1024})
  let hits = 0
  let parsed = 0
  for (const document of documents) {
    const segmentsKey = segmentsDigest(document.segments)
    for (const lang of languages) {
      const full = catalogPath(project, lang, document.slug)
      const file = new VFile({path: path.relative(project.root, full), cwd: project.root})
      const base = {slug: document.slug, lang, path: full, file, text: undefined, merge: undefined, segments: undefined}
      let bytes: Buffer | undefined
      try {
        bytes = read(full)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          file.message(`Cannot read PO file: ${(error as Error).message}`, {ruleId: readErrorRule(error), source: 'policy-press'}).fatal = true
          yield {...base, exists: true, digests: {po: '', segments: segmentsKey}, result: undefined}
          continue
        }
      }
      const digests = {po: bytesDigest(bytes), segments: segmentsKey}
      const cached = cache.get(lang, document.slug, digests.po, digests.segments, document.segments.length)
      if (cached && (options.use === 'any' || (options.use === 'synced' && cached.synced))) {
        hits++
        yield {...base, exists: bytes !== undefined, digests, result: cached}
        continue
      }
      parsed++
      const text = bytes?.toString('utf8')
      if (text !== undefined) file.value = text
      const old = text === undefined ? undefined : parseCatalog(text, file)
      const merge = old === undefined && text !== undefined ? undefined : mergeWithSource(project, lang, document.slug, old, document.segments, file)
      if (!merge) {
        yield {...base, exists: true, text, digests, result: undefined}
        continue
      }
      const segments = segmentStatuses(merge.merged)
      // Whether the bytes are what sync writes is known only to sync, which sets it when it has written them.
      const result: CatalogResult = {po: digests.po, segments: digests.segments, synced: cached?.synced ?? false, counts: countStates(segments), open: openSegments(segments)}
      cache.set(lang, document.slug, result)
      yield {...base, exists: text !== undefined, text, digests, result, merge, segments}
    }
  }
  debug('%d catalogs from the cache, %d parsed', hits, parsed)
}
