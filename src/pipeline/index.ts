/**
 * The build, top to bottom. Each document is read and parsed once; then each
 * language is a run of the same stages into `OUT/<lang>/`:
 *
 *   read → parse → (index the site) → translate → transform → render-html → write
 *
 * Problems are collected as messages on the files they concern; a document
 * with a fatal message is skipped and the others are still built.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {mediaAssets, templateAssets} from '../html/assets.js'
import {loadTemplates} from '../html/templates.js'
import {createHtmlRenderer} from '../html/to-html.js'
import {indexSite} from '../markdown/site-index.js'
import {loadProject, type ProjectOptions} from '../project.js'
import {loadUiStrings} from '../ui-strings.js'
import {version} from '../version.js'
import {parse} from './parse.js'
import {read} from './read.js'
import {type Page, renderHtml} from './render-html.js'
import {renderIndex} from './render-index.js'
import {transform} from './transform.js'
import {translate} from './translate.js'
import {write} from './write.js'

export interface BuildOptions extends ProjectOptions {
  /** Output folder (default: `ROOT/dist`). */
  out?: string | undefined
  /** Output formats (default: `['html']`). */
  formats?: Array<'html'> | undefined
}

export interface BuildResult {
  /** Every file with messages: sources, config, UI strings. */
  files: VFile[]
  /** Pages built, per language. */
  pages: Page[]
  documents: {built: number; skipped: number}
  languages: string[]
  out: string
  written: number
  unchanged: number
}

export function hasFatal(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal))
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const project = await loadProject(options)
  const out = path.resolve(project.root, options.out ?? 'dist')
  const empty = {pages: [], documents: {built: 0, skipped: 0}, languages: project.languages, out, written: 0, unchanged: 0}
  if (project.configFile && hasFatal([project.configFile])) return {...empty, files: [project.configFile]}

  const ui = await loadUiStrings(project.translationsDir, project.root, project.languages)
  const settingsFiles = [...(project.configFile ? [project.configFile] : []), ...ui.files]
  if (hasFatal(ui.files)) return {...empty, files: settingsFiles}

  const documents = (await read(project)).map(parse)
  const index = indexSite(documents, project.root)
  const templates = loadTemplates(project.templateDirs)
  const renderers = new Map(project.languages.map((lang) => [lang, createHtmlRenderer(ui.strings.get(lang)!)]))
  const context = {project, templates, strings: ui.strings, renderers, version}
  const assets = new Set<string>()
  const pages: Page[] = []
  const buildable = documents.filter((document) => !document.fatal && document.meta)

  for (const document of buildable) {
    // Links are checked in the first language built, so each problem is reported once.
    for (const [position, lang] of project.languages.entries()) {
      const translated = translate(document, lang, project.config.source)
      transform(translated, {index, assets, report: position === 0})
      pages.push(renderHtml(translated, context))
    }
  }
  pages.push(renderIndex(documents, context))

  const written = await write(out, pages, [...templateAssets(project.templateDirs), ...mediaAssets(project.root, assets)])
  const sourceFiles = documents.flatMap((document) => document.files)
  return {
    files: [...settingsFiles, ...sourceFiles].filter((file) => file.messages.length > 0),
    pages,
    documents: {built: buildable.length, skipped: documents.length - buildable.length},
    languages: project.languages,
    out,
    ...written
  }
}
