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
import {replayMessages} from './examine.js'
import {catalogPath, type SegmentedDocument} from './load.js'
import {mergePool} from './merge-pool.js'
import {bytesDigest, type CatalogResult, type ResultsCache, segmentsDigest} from './results-cache.js'
import type {PlainSegmentStatus} from './segment-status.js'

const debug = createDebug('policy-press:survey')

export interface SurveyedCatalog {
  slug: string
  lang: string
  /** Absolute path of the PO file. */
  path: string
  /** The PO file with its messages. */
  file: VFile
  /** Whether the file exists. */
  exists: boolean
  /** The file's text when it was read and examined; `undefined` when absent or taken from the cache. */
  text: string | undefined
  /** `bytesDigest` of the file, `segmentsDigest` of its document: the cache's key. */
  digests: {po: string; segments: string}
  /** Counts and segments that are not current; `undefined` for a broken file, which must be left alone. */
  result: CatalogResult | undefined
  /** Every segment, when they were asked for (`all`). */
  segments: PlainSegmentStatus[] | undefined
  /** The text sync writes, when it was asked for (`serialize`) and the file was examined (not taken from the cache). */
  serialized: string | undefined
}

export interface SurveyOptions {
  /** Which cached results stand for the file: any, only those of files as sync writes them, or none (every file is examined). */
  use: 'any' | 'synced' | 'none'
  /** Whether to give every segment of every catalog. */
  all?: boolean | undefined
  /** Whether to give the text sync writes. */
  serialize?: boolean | undefined
}

/** Catalogs examined or waiting for a worker at once: enough to keep the workers busy, few enough to hold in memory. */
const window = 256

export async function* surveyCatalogs(project: Project, documents: SegmentedDocument[], languages: string[], cache: ResultsCache, options: SurveyOptions): AsyncGenerator<SurveyedCatalog> {
  const read = projectFileReader(project.root, {maxBytes: project.config.limits.fileSize * 1024 * 1024})
  const pool = mergePool(documents.map((document) => document.segments))
  const ahead: Array<Promise<SurveyedCatalog>> = []
  let hits = 0
  try {
    for (const [index, document] of documents.entries()) {
      const segmentsKey = segmentsDigest(document.segments)
      for (const lang of languages) {
        ahead.push(survey(index, document, segmentsKey, lang))
        if (ahead.length >= window) yield await ahead.shift()!
      }
    }
    while (ahead.length > 0) yield await ahead.shift()!
  } finally {
    await pool.close()
  }
  debug('%d catalogs from the cache, %d parsed', hits, documents.length * languages.length - hits)

  async function survey(index: number, document: SegmentedDocument, segmentsKey: string, lang: string): Promise<SurveyedCatalog> {
    const full = catalogPath(project, lang, document.slug)
    const file = new VFile({path: path.relative(project.root, full), cwd: project.root})
    const base = {slug: document.slug, lang, path: full, file, text: undefined, segments: undefined, serialized: undefined}
    let bytes: Buffer | undefined
    try {
      bytes = read(full)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        file.message(`Cannot read PO file: ${(error as Error).message}`, {ruleId: readErrorRule(error), source: 'policy-press'}).fatal = true
        return {...base, exists: true, digests: {po: '', segments: segmentsKey}, result: undefined}
      }
    }
    const digests = {po: bytesDigest(bytes), segments: segmentsKey}
    const cached = cache.get(lang, document.slug, digests.po, digests.segments, document.segments.length)
    if (cached && (options.use === 'any' || (options.use === 'synced' && cached.synced))) {
      hits++
      return {...base, exists: bytes !== undefined, digests, result: cached}
    }
    const text = bytes?.toString('utf8')
    const examined = await pool.examine(index, {lang, slug: document.slug, text, source: project.config.source, all: options.all === true, serialize: options.serialize === true})
    replayMessages(file, examined.messages)
    const {outcome} = examined
    if (!outcome) return {...base, exists: true, text, digests, result: undefined}
    // Whether the bytes are what sync writes is known only to sync, which sets it when it has written them.
    const result: CatalogResult = {po: digests.po, segments: digests.segments, synced: cached?.synced ?? false, counts: outcome.counts, open: outcome.open}
    cache.set(lang, document.slug, result)
    return {...base, exists: text !== undefined, text, digests, result, segments: outcome.segments, serialized: outcome.text}
  }
}
