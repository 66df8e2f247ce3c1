/**
 * check: everything a build checks, without writing a file or starting a
 * browser, plus terminology against `translations/glossary.yaml`. Every
 * problem it finds is an error, so it can gate a pull request, except
 * figures without a version for every target language when the project asks
 * for them only as warnings (`translations.localizedFigures: warn`): figures
 * are drawn after the text, so a new English figure must not block a merge.
 */
import type {VFile} from 'vfile'
import {loadCatalogs} from './catalog/load.js'
import {segmentedSources} from './catalog/sources.js'
import {checkTerminology} from './catalog/terminology.js'
import {readGlossary} from './deepl/glossary.js'
import {build} from './pipeline/index.js'
import {loadProject} from './project.js'

export interface CheckResult {
  /** Files with problems; every message fatal but the warnings the config asks for. */
  files: VFile[]
  /** The config or UI strings are invalid: a usage error. */
  settingsInvalid: boolean
}

export async function check(options: {root: string; env: Record<string, string | undefined>}): Promise<CheckResult> {
  const result = await build({root: options.root, formats: [], force: true, env: options.env})
  if (result.settingsInvalid) return {files: result.files, settingsInvalid: true}
  const project = await loadProject({root: options.root})
  const glossary = await readGlossary(project.root, project.translationsDir)
  const targets = project.languages.filter((lang) => lang !== project.config.source)
  // The build does not hand out its catalogs, so terminology reads them again (segments come from the cache).
  const catalogs = await loadCatalogs(project, (await segmentedSources(project)).documents, targets)
  checkTerminology(catalogs, glossary)
  // A PO file may then appear twice, the build's copy and this one: merge their messages by path.
  const byPath = new Map<string, VFile>()
  for (const file of [...result.files, ...(glossary.file ? [glossary.file] : []), ...catalogs.map((catalog) => catalog.file)]) {
    const known = byPath.get(file.path)
    if (!known) {
      byPath.set(file.path, file)
      continue
    }
    for (const message of file.messages) {
      if (!known.messages.some((other) => other.reason === message.reason && other.line === message.line)) known.messages.push(message)
    }
  }
  const files = [...byPath.values()].filter((file) => file.messages.length > 0)
  const warnOnly = (ruleId: string | undefined) => ruleId === 'missing-localized-figure' && project.config.translations.localizedFigures === 'warn'
  for (const file of files) for (const message of file.messages) message.fatal = !warnOnly(message.ruleId)
  return {files, settingsInvalid: false}
}
