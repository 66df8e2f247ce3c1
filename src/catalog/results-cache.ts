/**
 * What status and sync found for each catalog, kept in
 * `.policy-press-cache/catalogs.json` so that an unchanged PO file against an
 * unchanged source is neither parsed nor merged again: parsing 24,000 PO
 * files (1,000 documents × 24 languages) is most of a minute, reading and
 * hashing them half a second.
 *
 * An entry holds for one PO file's bytes (their hash) and one document's
 * segments (theirs), under one version of policy-press, its segmentation and
 * the source language: the counts, the segments that are not current (what
 * text and Markdown reports show, and `--segments open`), and whether the
 * bytes are what sync writes for those segments, so that sync can leave the
 * file alone without serialising it again. Anything else about a catalog is
 * a function of these inputs, so a hit is as good as a fresh merge.
 *
 * The file is read through the project boundary, validated with zod and
 * checked against the document it describes (the counts add up to its
 * segments); a broken, foreign or inconsistent file or entry is ignored, and
 * the next run writes a good one.
 */
import {createHash, hash} from 'node:crypto'
import path from 'node:path'
import createDebug from 'debug'
import {z} from 'zod'
import {readProjectFile} from '../boundary.js'
import type {Project} from '../project.js'
import type {SourceSegment} from '../segments/extract.js'
import {segmentationVersion} from '../segments/segment.js'
import {version} from '../version.js'
import {writeAtomic} from '../write-atomic.js'

const debug = createDebug('policy-press:catalog-cache')

const openSegment = z
  .object({
    state: z.enum(['stale', 'missing', 'machine', 'check alignment']),
    location: z.string(),
    source: z.string(),
    previousSource: z.string().optional(),
    translation: z.string().optional()
  })
  .strict()

const counts = z.object({total: z.number().int().nonnegative(), current: z.number().int().nonnegative(), stale: z.number().int().nonnegative(), missing: z.number().int().nonnegative(), machine: z.number().int().nonnegative(), checkAlignment: z.number().int().nonnegative()}).strict()

const entry = z
  .object({
    /** sha256 of the PO file's bytes, or `absent`. */
    po: z.string(),
    /** `segmentsDigest` of the document's segments. */
    segments: z.string(),
    /** Whether these bytes are what sync writes for these segments. */
    synced: z.boolean(),
    counts,
    open: z.array(openSegment)
  })
  .strict()

const cacheFile = z.object({key: z.string(), catalogs: z.record(z.string(), entry)}).strict()

export type CatalogCounts = z.infer<typeof counts>
export type OpenSegment = z.infer<typeof openSegment>
export type CatalogResult = z.infer<typeof entry>

export interface ResultsCache {
  /** The stored result for this catalog when it holds for these bytes and segments. */
  get(lang: string, slug: string, po: string, segments: string, total: number): CatalogResult | undefined
  set(lang: string, slug: string, result: CatalogResult): void
  /** Write the cache if anything was set (atomically: a reader never sees half of it). */
  save(): Promise<void>
}

/** The hash that stands for a PO file's bytes; `absent` for no file. */
export function bytesDigest(bytes: Buffer | string | undefined): string {
  // The one-shot form: 24,000 files a run make the streaming object's setup count.
  return bytes === undefined ? 'absent' : hash('sha256', bytes)
}

/** The hash that stands for a document's segments: every field a merge or a report reads. */
export function segmentsDigest(segments: SourceSegment[]): string {
  return createHash('sha256').update(JSON.stringify(segments)).digest('hex')
}

function cachePath(project: Project): string {
  return path.join(project.root, '.policy-press-cache', 'catalogs.json')
}

/** Whether an entry can describe a document of `total` segments: its counts add up, and it lists every segment that is not current. */
function consistent(result: CatalogResult, total: number): boolean {
  const {counts: count, open} = result
  return count.total === total && count.current + count.stale + count.missing + count.machine + count.checkAlignment === total && open.length === total - count.current
}

export async function readResultsCache(project: Project): Promise<ResultsCache> {
  // Anything a merge or a PO file's header depends on besides the file and the segments.
  const key = `${version}:${segmentationVersion}:${project.config.source}`
  const file = cachePath(project)
  let catalogs: Record<string, CatalogResult> = {}
  try {
    const parsed = cacheFile.safeParse(JSON.parse(await readProjectFile(project.root, file, {}, 'utf8')))
    if (parsed.success && parsed.data.key === key) catalogs = parsed.data.catalogs
    else debug('ignoring %s: %s', file, parsed.success ? 'another version' : parsed.error.message.slice(0, 200))
  } catch (error) {
    // No cache yet, or one that cannot be read: start afresh.
    debug('no cache at %s: %s', file, (error as Error).message)
  }
  let changed = false
  return {
    get(lang, slug, po, segments, total) {
      const found = catalogs[`${lang}:${slug}`]
      return found && found.po === po && found.segments === segments && consistent(found, total) ? found : undefined
    },
    set(lang, slug, result) {
      catalogs[`${lang}:${slug}`] = result
      changed = true
    },
    async save() {
      if (!changed) return
      // Entries of documents or languages the project no longer has go (a run of `--lang de` keeps the others).
      const known = new Set(project.allLanguages.flatMap((lang) => project.allSlugs.map((slug) => `${lang}:${slug}`)))
      const kept = Object.fromEntries(Object.entries(catalogs).filter(([name]) => known.has(name)))
      await writeAtomic(file, JSON.stringify({key, catalogs: kept}))
    }
  }
}
