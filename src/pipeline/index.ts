/**
 * The build, top to bottom. Each document is read and parsed once; then each
 * language is a run of the same stages into `OUT/<lang>/`:
 *
 *   read → parse → (index the site) → translate → transform → render-html → write
 *
 * Problems are collected as messages on the files they concern; a document
 * with a fatal message is skipped and the others are still built. A build
 * whose inputs match the last one's fingerprint does nothing but check its
 * outputs (the stages are loaded only when there is work for them).
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {loadProject, type ProjectOptions} from '../project.js'
import {loadUiStrings} from '../ui-strings.js'
import {version} from '../version.js'
import {filesOf, fingerprint, messagesOf, readManifest, writeManifest} from './fingerprint.js'
import type {TranslatedDocument} from './translate.js'

export interface BuildOptions extends ProjectOptions {
  /** Output folder (default: `ROOT/dist`). */
  out?: string | undefined
  /** Output formats (default: `['html']`). */
  formats?: Array<'html'> | undefined
  /** Build even when nothing changed since the last build (default: `false`). */
  force?: boolean | undefined
  /** Fail on stale or missing translations and on translation problems, for releases (default: `false`). */
  strict?: boolean | undefined
}

export interface BuildResult {
  /** Every file with messages: sources, config, UI strings. */
  files: VFile[]
  /** Paths of the pages built, relative to `out`. */
  pages: string[]
  documents: {built: number; skipped: number}
  languages: string[]
  out: string
  written: number
  unchanged: number
  /** `true` when nothing changed since the last build, so nothing was done. */
  upToDate: boolean
  /** `true` when the config or UI strings are invalid, so nothing was built (a usage error, not a content one). */
  settingsInvalid: boolean
}

/** `--strict`: every passage not shown as a current translation is an error at its place in the source. */
function reportOpen(translated: TranslatedDocument): void {
  for (const {state, location} of translated.open) {
    const at = location.lastIndexOf(':')
    const path = location.slice(0, at)
    const file = translated.document.files.find((item) => item.path === path)
    if (!file) continue
    file.message(`${state === 'stale' ? 'Stale' : 'Missing'} translation into \`${translated.lang}\`, expected a current one in a strict build`, {
      place: {line: Number(location.slice(at + 1)), column: 1},
      ruleId: `translation-${state}`,
      source: 'policy-press'
    }).fatal = true
  }
}

export function hasFatal(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal))
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const project = await loadProject(options)
  const out = path.resolve(project.root, options.out ?? 'dist')
  const result = {pages: [], documents: {built: 0, skipped: 0}, languages: project.languages, out, written: 0, unchanged: 0, upToDate: false, settingsInvalid: false}
  if (project.configFile && hasFatal([project.configFile])) return {...result, files: [project.configFile], settingsInvalid: true}

  const print = await fingerprint(project, {out, docs: options.docs, formats: options.formats, strict: options.strict})
  const last = options.force ? undefined : await readManifest(project, out, print)
  if (last) {
    const pages = last.outputs.map((output) => output.path).filter((file) => file.endsWith('.html'))
    return {...result, files: filesOf(last.messages, project.root), pages, documents: last.documents, unchanged: last.outputs.length, upToDate: true}
  }

  const [{read}, {parse}, {indexSite}, {loadCatalogs, segmented}, {translate}, {transform}, {renderHtml}, {renderIndex}, {write}, {createHtmlRenderer}, {loadTemplates}, {mediaAssets, templateAssets}] =
    await Promise.all([
      import('./read.js'),
      import('./parse.js'),
      import('../markdown/site-index.js'),
      import('../catalog/load.js'),
      import('./translate.js'),
      import('./transform.js'),
      import('./render-html.js'),
      import('./render-index.js'),
      import('./write.js'),
      import('../html/to-html.js'),
      import('../html/templates.js'),
      import('../html/assets.js')
    ])

  const ui = await loadUiStrings(project.translationsDir, project.root, project.allLanguages)
  const settingsFiles = [...(project.configFile ? [project.configFile] : []), ...ui.files]
  if (hasFatal(ui.files)) return {...result, files: settingsFiles, settingsInvalid: true}

  // Every document is parsed, so links into those this run does not build still resolve.
  const all = (await read(project, project.allDocuments)).map(parse)
  const selected = new Set(project.documents.map((document) => document.slug))
  const documents = all.filter((document) => selected.has(document.source.slug))
  const index = indexSite(all, project.root)
  const targets = project.languages.filter((lang) => lang !== project.config.source)
  const catalogs = new Map(
    (await loadCatalogs(project, segmented(documents), targets)).map((catalog) => [`${catalog.slug}\0${catalog.lang}`, catalog])
  )
  const renderers = new Map(project.languages.map((lang) => [lang, createHtmlRenderer(ui.strings.get(lang)!)]))
  const context = {project, templates: loadTemplates(project.templateDirs), strings: ui.strings, renderers, version}
  const assets = new Set<string>()
  const pages = []
  const buildable = documents.filter((document) => !document.fatal && document.meta)

  const statuses = new Map<string, TranslatedDocument['counts']>()
  const source = project.config.source
  for (const document of buildable) {
    // Links are checked once, on the source text, whether or not the source language is built.
    const original = translate(document, source, {source, catalog: undefined, stale: 'translation', report: false})
    transform(original, {index, assets, report: true})
    for (const lang of project.languages) {
      const loaded = catalogs.get(`${document.source.slug}\0${lang}`)
      const catalog = loaded?.merge && {entries: new Map(loaded.merge.merged.map((merged) => [merged.entry.msgid, merged])), file: loaded.file}
      const translated = lang === source ? original : translate(document, lang, {source, catalog, stale: project.config.translations.stale, report: true})
      if (translated !== original) transform(translated, {index, assets, report: false})
      pages.push(renderHtml(translated, context))
      statuses.set(`${document.source.slug}\0${lang}`, translated.counts)
      if (options.strict) reportOpen(translated)
    }
  }
  pages.push(renderIndex(documents, context, statuses))

  const outputs = [...templateAssets(project.templateDirs), ...mediaAssets(project.root, assets)]
  const written = await write(out, pages, outputs)
  const catalogFiles = [...catalogs.values()].map((catalog) => catalog.file)
  // In a strict build every translation problem is an error.
  if (options.strict) for (const file of catalogFiles) for (const message of file.messages) message.fatal = true
  const files = [...settingsFiles, ...documents.flatMap((document) => document.files), ...catalogFiles].filter((file) => file.messages.length > 0)
  const summary = {documents: {built: buildable.length, skipped: documents.length - buildable.length}}
  if (!hasFatal(files)) {
    await writeManifest(project, out, {fingerprint: print, outputs: written.outputs, messages: messagesOf(files), ...summary})
  }
  return {...result, ...summary, files, pages: pages.map((page) => page.path), written: written.written, unchanged: written.unchanged}
}
