/**
 * sync: create or update every PO file from the current source. Files are
 * written atomically and only when their bytes change, so a second run
 * changes nothing; a file that cannot be parsed is reported and left alone.
 */
import type {VFile} from 'vfile'
import {loadProject, ProjectError, type ProjectOptions} from '../project.js'
import {loadCatalogs, strayCatalogs} from './load.js'
import {segmentedSources} from './sources.js'
import {writeCatalog} from './po.js'

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
  if (project.configFile?.messages.some((message) => message.fatal)) return {...result, files: [project.configFile]}
  const sources = await segmentedSources(project)
  const catalogs = await loadCatalogs(project, sources.documents, languages)
  for (const catalog of catalogs) {
    if (!catalog.merge) continue
    const before = catalog.exists ? String(catalog.file.value) : undefined
    // Sync follows the source and changes no translation a translator would date, as msgmerge.
    const changed = await writeCatalog(catalog.path, catalog.merge.catalog, before, {translated: false})
    const list = !catalog.exists ? result.created : changed ? result.updated : result.unchanged
    list.push(catalog.file.path)
  }
  result.files = [
    ...sources.files,
    ...catalogs.map((catalog) => catalog.file),
    ...(await strayCatalogs(project, languages))
  ].filter((file) => file.messages.length > 0)
  return result
}

/** The target languages of a run: `--lang` may not name the source language. */
export function targetLanguages(languages: string[], source: string, asked: string[] | undefined): string[] {
  if (asked?.includes(source)) {
    throw new ProjectError(`Unexpected source language \`${source}\` in \`--lang\`, expected target languages: it has no translations`)
  }
  return languages.filter((lang) => lang !== source)
}
