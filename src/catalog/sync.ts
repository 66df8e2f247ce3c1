/**
 * sync: create or update every PO file from the current source. Files are
 * written atomically and only when their bytes change, so a second run
 * changes nothing; a file that cannot be parsed is reported and left alone.
 * A file whose bytes are what sync wrote (or found) for the same segments
 * is not even parsed or serialised again: the results cache knows it.
 */
import type {VFile} from 'vfile'
import {hasFatal} from '../fatal.js'
import {loadProject, ProjectError, type ProjectOptions} from '../project.js'
import {strayCatalogs} from './load.js'
import {bytesDigest, readResultsCache} from './results-cache.js'
import {segmentedSources} from './sources.js'
import {surveyCatalogs} from './survey.js'
import {writeAtomic} from '../write-atomic.js'

export interface SyncResult {
  files: VFile[]
  created: string[]
  updated: string[]
  unchanged: string[]
}

export async function sync(options: ProjectOptions): Promise<SyncResult> {
  const project = await loadProject(options)
  const languages = targetLanguages(project.languages, project.config.source, options.langs)
  const result: SyncResult = {files: [], created: [], updated: [], unchanged: []}
  if (project.configFile && hasFatal([project.configFile])) return {...result, files: [project.configFile]}
  const sources = await segmentedSources(project)
  const cache = await readResultsCache(project)
  const files: VFile[] = [...sources.files]
  try {
    for await (const catalog of surveyCatalogs(project, sources.documents, languages, cache, {use: 'synced', serialize: true})) {
      if (catalog.file.messages.length > 0) files.push(catalog.file)
      if (!catalog.result) continue
      if (catalog.serialized === undefined) {
        // The cache says these bytes are what sync writes for these segments.
        result.unchanged.push(catalog.file.path)
        continue
      }
      // The text sync writes follows the source and dates no translation, as msgmerge (see examine.ts).
      const changed = catalog.serialized !== catalog.text
      if (changed) await writeAtomic(catalog.path, catalog.serialized)
      const list = !catalog.exists ? result.created : changed ? result.updated : result.unchanged
      list.push(catalog.file.path)
      // What was written is what sync writes again for these segments (a second run changes nothing).
      cache.set(catalog.lang, catalog.slug, {...catalog.result, po: changed ? bytesDigest(catalog.serialized) : catalog.digests.po, synced: true})
    }
  } finally {
    // What was written stays known even when a later file cannot be written.
    await cache.save()
  }
  result.files = [...files, ...(await strayCatalogs(project, languages))]
  return result
}

/** The target languages of a run: `--lang` may not name the source language. */
export function targetLanguages(languages: string[], source: string, asked: string[] | undefined): string[] {
  if (asked?.includes(source)) {
    throw new ProjectError(`Unexpected source language \`${source}\` in \`--lang\`, expected target languages: it has no translations`)
  }
  return languages.filter((lang) => lang !== source)
}
