/**
 * The build, top to bottom (a build certain to print has started Chromium
 * before it, see early-browser.ts):
 *
 *   plan      the jobs of the project (plan.ts): documents × languages × formats, with their costs;
 *             `--doc`, `--lang` and `--shard` choose this run's jobs from it
 *   schedule  the jobs through the stages (schedule.ts): parse → translate → transform →
 *             render-html | render-pdf → write, with the browser pool, the parse-ahead worker,
 *             the print queue and the progress
 *   assemble  the site: its index page (written with the pages) and the build manifest, or for a
 *             shard the shard manifest that `policy-press assemble` puts together (assemble.ts)
 *
 * A build whose inputs match the last one's fingerprint does nothing but
 * check its outputs (the stages are loaded only when there is work for
 * them). Problems are collected as messages on the files they concern.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {hasFatal} from '../fatal.js'
import {loadProject, type ProjectOptions} from '../project.js'
import {loadUiStrings} from '../ui-strings.js'
import {filesOf, fingerprint, isCurrent, messagesOf, readManifest, writeManifest} from './fingerprint.js'
import {startBrowserEarly} from './early-browser.js'
import {type Format, plan, select, shard} from './plan.js'
import type {BuildProgress} from './schedule.js'
import {keptSite, type SiteDocument, siteDocuments} from './site-record.js'
import {writeShardManifest} from './shard.js'

export type {BuildProgress} from './schedule.js'

export interface BuildOptions extends ProjectOptions {
  /** Output folder (default: `ROOT/dist`). */
  out?: string | undefined
  /** Output formats (default: `['html', 'pdf']`); none runs every check and writes nothing (`policy-press check`). */
  formats?: Format[] | undefined
  /** Browser pages printing at once (default: the number of cores). */
  pool?: number | undefined
  /** A browser pool to print with, kept open by the caller (default: one for this build). */
  browser?: import('../pdf/browser.js').BrowserPool | undefined
  /** Longest wait for loading or printing one PDF, in milliseconds (default: 60 000). */
  pdfTimeout?: number | undefined
  /** Told of each page and PDF done, for a progress display (default: nothing). */
  onProgress?: ((progress: BuildProgress) => void) | undefined
  /** The environment, for finding the browser (default: `process.env`). */
  env?: Record<string, string | undefined> | undefined
  /** Build even when nothing changed since the last build (default: `false`). */
  force?: boolean | undefined
  /** Fail on stale or missing translations and on translation problems, for releases (default: `false`). */
  strict?: boolean | undefined
  /**
   * Build only the K-th of N shards of the plan (plan.ts), for one machine of several, and write a shard
   * manifest beside the outputs for `assemble` instead of the index (default: the whole build).
   */
  shard?: {index: number; total: number} | undefined
}

export interface BuildResult {
  /** Every file with messages: sources, config, UI strings. */
  files: VFile[]
  /** Paths of the pages built, relative to `out`. */
  pages: string[]
  /** PDFs written or found up to date, relative to `out`. */
  pdfs: {printed: number; unchanged: number}
  documents: {built: number; skipped: number}
  languages: string[]
  out: string
  written: number
  unchanged: number
  /** `true` when nothing changed since the last build, so nothing was done. */
  upToDate: boolean
  /** `true` when the config or UI strings are invalid, so nothing was built (a usage error, not a content one). */
  settingsInvalid: boolean
  /** Errors (fatal messages), and the documents they concern (by their sources or translations). */
  failed: {errors: number; documents: number}
}

export {hasFatal}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const formats = new Set<Format>(options.formats ?? ['html', 'pdf'])
  const out = path.resolve(options.root, options.out ?? 'dist')
  // Chromium first when printing is certain (see early-browser.ts), unless the caller has a browser for the build.
  const early = options.browser ? undefined : await startBrowserEarly({root: options.root, out, formats: [...formats], pool: options.pool, env: options.env})
  try {
    return await buildProject(formats, out, {...options, browser: early ?? options.browser})
  } finally {
    await early?.close()
  }
}

async function buildProject(formats: Set<Format>, out: string, options: BuildOptions): Promise<BuildResult> {
  const project = await loadProject(options)
  const result = {pages: [], pdfs: {printed: 0, unchanged: 0}, documents: {built: 0, skipped: 0}, languages: project.languages, out, written: 0, unchanged: 0, upToDate: false, settingsInvalid: false, failed: {errors: 0, documents: 0}}
  if (project.configFile && hasFatal([project.configFile])) return {...result, files: [project.configFile], settingsInvalid: true}

  // The plan: every job of the project. This run's are those `--doc` and `--lang` select, or the shard's part of them.
  const planned = select(await plan(project, options.formats ?? ['html', 'pdf']), project.documents.map((document) => document.slug), project.languages)
  const part = options.shard && shard(planned, options.shard.total)[options.shard.index - 1]!
  const jobs = part ? part.jobs : planned.jobs

  // A shard is never recorded as a build (its manifest is for `assemble`): it has no last build to compare with.
  const writing = formats.size > 0
  const [previous, print] = await Promise.all([
    writing && !part ? readManifest(project, out) : undefined,
    part ? '' : fingerprint(project, {out, docs: options.docs, formats: options.formats ?? ['html', 'pdf'], strict: options.strict, shard: options.shard})
  ])
  if (!options.force && (await isCurrent(previous, print, out))) {
    const pages = previous!.outputs.map((output) => output.path).filter((file) => file.endsWith('.html'))
    return {...result, files: filesOf(previous!.messages, project.root), pages, documents: previous!.documents, unchanged: previous!.outputs.length, upToDate: true}
  }

  const ui = await loadUiStrings(project.translationsDir, project.root, project.allLanguages)
  const settingsFiles = [...(project.configFile ? [project.configFile] : []), ...ui.files]
  if (hasFatal(ui.files)) return {...result, files: settingsFiles, settingsInvalid: true}

  // The jobs through the stages. The site as the output holds it (`--doc`, `--lang` build part of it) is
  // recorded over with this run's pages, and its index page made from it; a shard's index is `assemble`'s.
  const indexed = formats.has('html') && !part
  const site = writing && indexed ? await keptSite(previous?.site, project, out) : new Map<string, SiteDocument>()
  const {schedule} = await import('./schedule.js')
  const {browser, pool, env, force, strict, pdfTimeout, onProgress} = options
  const run = await schedule(jobs, {
    browser,
    pool,
    env,
    force,
    strict,
    pdfTimeout,
    onProgress,
    project,
    out,
    formats,
    strings: ui.strings,
    site,
    // Loaded once the pages are made: it brings modules that would hold up the browser's start.
    sitePages: async (built, context) => (indexed ? [(await import('./render-index.js')).renderIndex(siteDocuments(built, project), context)] : [])
  })

  // The outcome: every message, and the manifest of the build (or of the shard).
  const catalogFiles = run.catalogs.map((catalog) => catalog.file)
  // In a strict build every translation problem is an error.
  if (options.strict) for (const file of catalogFiles) for (const message of file.messages) message.fatal = true
  const files = [...settingsFiles, ...run.documents.flatMap((document) => document.files), ...catalogFiles].filter((file) => file.messages.length > 0)
  const failedDocuments = new Set([
    ...run.documents.filter((document) => hasFatal(document.files)).map((document) => document.source.slug),
    ...run.catalogs.filter((catalog) => hasFatal([catalog.file])).map((catalog) => catalog.slug)
  ])
  const errors = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0)
  const summary = {documents: {built: run.built, skipped: run.documents.length - run.built}, failed: {errors, documents: failedDocuments.size}}
  // A build with errors is recorded too, for its site, but with no fingerprint: the next build is never skipped.
  if (writing && part) {
    await writeShardManifest(out, {plan: planned.id, formats: [...formats], shard: options.shard!, jobs: jobs.map((job) => job.id), outputs: run.written.outputs, site: siteDocuments(site, project), messages: messagesOf(files)})
  } else if (writing) {
    const sitePages = formats.has('html') ? siteDocuments(site, project) : (previous?.site ?? [])
    await writeManifest(project, out, {fingerprint: hasFatal(files) ? '' : print, outputs: run.written.outputs, messages: messagesOf(files), ...summary, site: sitePages})
  }
  return {...result, ...summary, files, pages: run.pages, pdfs: run.pdfs, written: run.written.written, unchanged: run.written.unchanged}
}
