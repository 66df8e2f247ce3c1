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
import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
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
    const cache = JSON.parse(await fs.readFile(cachePath(project), 'utf8')) as Cache
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
  let parse: typeof import('../pipeline/parse.js').parse | undefined
  let segmented: typeof import('./load.js').segmented | undefined
  for (const document of read_) {
    const hash = createHash('sha256')
    for (const file of document.files) hash.update(`${file.path}\0${String(file.value ?? '')}\0`)
    const digest = hash.digest('hex')
    const slug = document.source.slug
    const cached = cache.documents[slug]
    if (cached?.hash === digest && !document.files.some((file) => file.messages.length > 0)) {
      documents.push({slug, segments: cached.segments})
      continue
    }
    parse ??= (await import('../pipeline/parse.js')).parse
    segmented ??= (await import('./load.js')).segmented
    const parsed = parse(document)
    const [result] = segmented([parsed], project.config.translations.copy)
    files.push(...parsed.files.filter((file) => file.messages.length > 0))
    if (!result) continue
    documents.push(result)
    if (!parsed.files.some((file) => file.messages.length > 0)) {
      cache.documents[slug] = {hash: digest, segments: result.segments}
      changed = true
    }
  }
  if (changed) await writeAtomic(cachePath(project), JSON.stringify(cache))
  return {documents, files}
}
