/**
 * The segments of every document, for commands that need nothing else
 * (sync, status). Parsing Markdown is most of their work, so the segments of
 * a document are kept in `.policy-press-cache/segments.json`, keyed by a hash
 * of its files, the segmentation rules and the kinds of block the config
 * copies instead of translating; an unchanged document is not
 * parsed again. Documents with any message are never cached, so their
 * problems are reported every time.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import type {VFile} from 'vfile'
import {readProjectFile} from '../boundary.js'
import {writeAtomic} from '../write-atomic.js'
import type {Project} from '../project.js'
import {segmentationVersion} from '../segments/segment.js'
import {version} from '../version.js'
import type {SegmentedDocument} from './load.js'

interface Cache {
  key: string
  documents: Record<string, {hash: string; segments: SegmentedDocument['segments']}>
}


function cachePath(project: Project): string {
  return path.join(project.root, '.policy-press-cache', 'segments.json')
}

async function readCache(project: Project): Promise<Cache> {
  const cacheKey = `${version}:${segmentationVersion}:${project.config.translations.copy.join(',')}`
  try {
    const cache = JSON.parse(await readProjectFile(project.root, cachePath(project), {}, 'utf8')) as Cache
    if (cache.key === cacheKey) return cache
  } catch {
    // No cache, or an unreadable one: start afresh.
  }
  return {key: cacheKey, documents: {}}
}

export async function segmentedSources(project: Project): Promise<{documents: SegmentedDocument[]; files: VFile[]}> {
  const [{read}] = await Promise.all([import('../pipeline/read.js')])
  const read_ = await read(project)
  const cache = await readCache(project)
  const documents: SegmentedDocument[] = []
  const files: VFile[] = []
  let changed = false
  const digests = read_.map((document) => {
    const hash = createHash('sha256')
    for (const file of document.files) hash.update(`${file.path}\0${String(file.value ?? '')}\0`)
    return hash.digest('hex')
  })
  const fresh = (index: number) => {
    const document = read_[index]!
    return cache.documents[document.source.slug]?.hash === digests[index] && !document.files.some((file) => file.messages.length > 0)
  }
  const stale = read_.filter((_, index) => !fresh(index))
  if (stale.length === 0) return {documents: read_.map((document) => ({slug: document.source.slug, segments: cache.documents[document.source.slug]!.segments})), files}
  const [{parse}, {segmented}, {parseAhead}] = await Promise.all([import('../pipeline/parse.js'), import('./load.js'), import('../pipeline/parse-ahead.js')])
  // Parsed in the worker, where a document has a time budget (see parse-ahead.ts).
  const ahead = parseAhead(stale.flatMap((document) => document.files), {budget: project.config.limits.parseTime * 1000})
  try {
    for (const [index, document] of read_.entries()) {
      const slug = document.source.slug
      const digest = digests[index]!
      if (fresh(index)) {
        documents.push({slug, segments: cache.documents[slug]!.segments})
        continue
      }
      await ahead.wait(document.files)
      const parsed = parse(document, ahead.take(document.files))
      const [result] = segmented([parsed], project.config.translations.copy)
      files.push(...parsed.files.filter((file) => file.messages.length > 0))
      if (!result) continue
      documents.push(result)
      if (!parsed.files.some((file) => file.messages.length > 0)) {
        cache.documents[slug] = {hash: digest, segments: result.segments}
        changed = true
      }
    }
  } finally {
    await ahead.close()
  }
  if (changed) await writeAtomic(cachePath(project), JSON.stringify(cache))
  return {documents, files}
}
