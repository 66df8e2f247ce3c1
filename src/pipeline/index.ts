/**
 * The build, top to bottom. Every document is read and indexed; each is
 * parsed once, when the build reaches it (or earlier, when a link needs its
 * anchors); then each language is a run of the same stages into
 * `OUT/<lang>/`:
 *
 *   read → (index the site) → parse → translate → transform → render-html → render-pdf → write
 *
 * PDFs are printed by a pool of Chromium pages while the next documents are
 * parsed and built, one step ahead of the browser: the next document is
 * built once the browser is printing the last PDF. The documents' Markdown
 * is parsed ahead in a worker thread, each with a time budget (parse-ahead.ts).
 * The browser starts only if a PDF must be printed (at once when that is
 * certain, while the stages load).
 * Problems are collected as messages on the files they concern; a document
 * with a fatal message is skipped and the others are still built. A build
 * whose inputs match the last one's fingerprint does nothing but check its
 * outputs (the stages are loaded only when there is work for them).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {BrowserNotFoundError} from '../browser/find-chromium.js'
import {linkedDocuments} from '../markdown/site-index.js'
import {loadProject, type ProjectOptions} from '../project.js'
import {loadUiStrings} from '../ui-strings.js'
import {version} from '../version.js'
import {filesOf, fingerprint, messagesOf, readManifest, readSite, writeManifest} from './fingerprint.js'
import {keptSite, recordPage, type SiteDocument, siteDocuments} from './site-record.js'
import {shardOf, writeShardManifest} from './shard.js'
import type {LoadedCatalog} from '../catalog/load.js'
import type {ParsedDocument} from './parse.js'
import type {ParseAhead} from './parse-ahead.js'
import type {ReadDocument} from './read.js'
import type {TranslatedDocument} from './translate.js'

export interface BuildOptions extends ProjectOptions {
  /** Output folder (default: `ROOT/dist`). */
  out?: string | undefined
  /** Output formats (default: `['html', 'pdf']`); none runs every check and writes nothing (`policy-press check`). */
  formats?: Array<'html' | 'pdf'> | undefined
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

export interface BuildProgress {
  pages: {done: number; total: number}
  pdfs: {done: number; total: number}
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

/** Passages of one document not shown as a current translation, by place and state, with the languages concerned. */
type OpenPassages = Map<string, {path: string; line: number; state: 'stale' | 'missing'; langs: string[]}>

function collectOpen(open: OpenPassages, translated: TranslatedDocument): void {
  for (const {state, location} of translated.open) {
    const at = location.lastIndexOf(':')
    const passage = open.get(`${location}\0${state}`) ?? {path: location.slice(0, at), line: Number(location.slice(at + 1)), state, langs: []}
    passage.langs.push(translated.lang)
    open.set(`${location}\0${state}`, passage)
  }
}

/** `--strict`: every passage not shown as a current translation is an error at its place in the source, once for all its languages. */
function reportOpen(document: ParsedDocument, open: OpenPassages): void {
  for (const {path, line, state, langs} of open.values()) {
    const file = document.files.find((item) => item.path === path)
    if (!file) continue
    file.message(`${state === 'stale' ? 'Stale' : 'Missing'} translation into ${langs.map((lang) => `\`${lang}\``).join(', ')}, expected a current one in a strict build`, {
      place: {line, column: 1},
      ruleId: `translation-${state}`,
      source: 'policy-press'
    }).fatal = true
  }
}

export function hasFatal(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal))
}

/** The stages of the build, loaded only when there is work for them. */
async function loadStages() {
  const [{parse}, {indexSite}, {loadCatalogs, segmented}, {translate}, {transform}, {renderDocument, renderHtml}, {renderPdf, writePrintShell}, {renderReview}, {renderIndex}, {write}, {createHtmlRenderer}, {loadTemplates}, {mediaAssets, templateAssets}] =
    await Promise.all([
      import('./parse.js'),
      import('../markdown/site-index.js'),
      import('../catalog/load.js'),
      import('./translate.js'),
      import('./transform.js'),
      import('./render-html.js'),
      import('./render-pdf.js'),
      import('./render-review.js'),
      import('./render-index.js'),
      import('./write.js'),
      import('../html/to-html.js'),
      import('../html/templates.js'),
      import('../html/assets.js')
    ])
  return {parse, indexSite, loadCatalogs, segmented, translate, transform, renderDocument, renderHtml, renderPdf, writePrintShell, renderReview, renderIndex, write, createHtmlRenderer, loadTemplates, mediaAssets, templateAssets}
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const loaded = await loadProject(options)
  // A shard builds some languages of some documents: the documents are narrowed here, the languages per document below.
  const sharded = options.shard && (await shardOf(loaded, options.formats ?? ['html', 'pdf'], options.shard))
  const project = sharded ? {...loaded, documents: loaded.documents.filter((document) => sharded.languages.has(document.slug))} : loaded
  const languagesOf = (slug: string) => (sharded ? project.languages.filter((lang) => sharded.languages.get(slug)!.has(lang)) : project.languages)
  const out = path.resolve(project.root, options.out ?? 'dist')
  const result = {pages: [], pdfs: {printed: 0, unchanged: 0}, documents: {built: 0, skipped: 0}, languages: project.languages, out, written: 0, unchanged: 0, upToDate: false, settingsInvalid: false, failed: {errors: 0, documents: 0}}
  if (project.configFile && hasFatal([project.configFile])) return {...result, files: [project.configFile], settingsInvalid: true}

  const print = await fingerprint(project, {out, docs: options.docs, formats: options.formats ?? ['html', 'pdf'], strict: options.strict, shard: options.shard})
  const last = options.force || options.formats?.length === 0 ? undefined : await readManifest(project, out, print)
  if (last) {
    const pages = last.outputs.map((output) => output.path).filter((file) => file.endsWith('.html'))
    return {...result, files: filesOf(last.messages, project.root), pages, documents: last.documents, unchanged: last.outputs.length, upToDate: true}
  }

  const formats = new Set(options.formats ?? ['html', 'pdf'])
  const ui = await loadUiStrings(project.translationsDir, project.root, project.allLanguages)
  const settingsFiles = [...(project.configFile ? [project.configFile] : []), ...ui.files]
  if (hasFatal(ui.files)) return {...result, files: settingsFiles, settingsInvalid: true}

  // The browser first: it starts up while the stages below are loaded and the documents parsed.
  const cacheDir = path.join(project.root, '.policy-press-cache')
  const pdf = formats.has('pdf') ? {...(await import('../pdf/browser.js')), ...(await import('../pdf/printed.js'))} : undefined
  // A browser handed in (by preview) stays warm across builds; one made here is closed at the end.
  const pool = pdf && (options.browser ?? pdf.createBrowserPool({roots: [out, cacheDir], size: options.pool, env: options.env}))
  const printed = pdf ? await pdf.readPrinted(cacheDir) : new Map<string, string>()
  // When some PDF was never printed (a first build, a new document or language), printing is certain:
  // the browser starts now, not when the first document is ready to print.
  const certain = options.force || project.documents.some((document) => languagesOf(document.slug).some((lang) => !printed.has(`${lang}/${document.slug}`)))
  if (pool && certain) await pool.warm()
  let ahead: ParseAhead | undefined
  try {
    // The documents are read, and a worker thread starts parsing those this run builds, while the stages load.
    const [{read}, {parseAhead}] = await Promise.all([import('./read.js'), import('./parse-ahead.js')])
    const sources = await read(project, project.allDocuments)
    const building = new Set(project.documents.map((document) => document.slug))
    // Every document goes to the worker, those this run builds first: a parse there has a time budget (a
    // document that takes longer is an error, the rest is built), one in place has none.
    const order = [...sources.filter((source) => building.has(source.source.slug)), ...sources.filter((source) => !building.has(source.source.slug))]
    ahead = parseAhead(order.flatMap((source) => source.files), {budget: project.config.limits.parseTime * 1000})
    return await buildDocuments(await loadStages(), sources, ahead)
  } finally {
    await ahead?.close()
    if (pool !== options.browser) await pool?.close()
  }

  async function buildDocuments(stages: Awaited<ReturnType<typeof loadStages>>, sources: ReadDocument[], ahead: ParseAhead): Promise<BuildResult> {
    const {parse, indexSite, loadCatalogs, segmented, translate, transform, renderDocument, renderHtml, renderPdf, writePrintShell, renderReview, renderIndex, write, createHtmlRenderer, loadTemplates, mediaAssets, templateAssets} = stages
    // Documents are parsed one by one as the build reaches them (ahead, in the worker), so the first prints
    // while the rest are parsed; a link into a document not reached yet (or not built by this run) parses it then.
    const sourceOf = (slug: string) => sources.find((source) => source.source.slug === slug)!
    const parsedDocuments = new Map<string, ParsedDocument>()
    const parsed = (slug: string): ParsedDocument => {
      let document = parsedDocuments.get(slug)
      if (!document) {
        document = parse(sourceOf(slug), ahead.take(sourceOf(slug).files))
        parsedDocuments.set(slug, document)
      }
      return document
    }
    const selected = project.documents.map((document) => document.slug)
    const index = indexSite(sources, parsed, project.root)
    const targets = project.languages.filter((lang) => lang !== project.config.source)
    const catalogs = new Map<string, LoadedCatalog>()
    const renderers = new Map(project.languages.map((lang) => [lang, createHtmlRenderer(ui.strings.get(lang)!)]))
    const templates = loadTemplates(project.templateDirs, project.root)
    const context = {project, templates, strings: ui.strings, renderers, version}
    const pages = []

    // Styles and fonts first, and each document's files as soon as it is transformed: printing needs them.
    const styleAssets = templateAssets(project.templateDirs, project.allLanguages)
    // With no format to write, this is a check: every stage runs, nothing is written.
    const writing = formats.size > 0
    const written = writing ? await write(out, [], styleAssets) : {written: 0, unchanged: 0, outputs: []}
    const pdfContext = pool && {
      pool,
      templates,
      out,
      cacheDir,
      paper: project.config.pdf.paper,
      producer: `policy-press ${version}`,
      styles: (await Promise.all(styleAssets.filter((asset) => asset.path.endsWith('.css')).map((asset) => fs.readFile(asset.from, 'utf8')))).join('\n'),
      force: options.force === true,
      timeout: options.pdfTimeout ?? 60_000,
      printed
    }
    // The browser's pages load the print page's styles and fonts while the first document is built.
    if (pdfContext && certain) pool.preload(await writePrintShell(pdfContext, project.config.source), pdfContext.timeout)
    const printing: Array<Promise<unknown>> = []
    // PDFs ready to print that the browser has not started printing yet.
    const queued = new Set<Promise<unknown>>()
    let missingBrowser: BrowserNotFoundError | undefined
    const pdfs = {printed: 0, unchanged: 0}
    const add = (into: typeof written, from: typeof written) => {
      into.written += from.written
      into.unchanged += from.unchanged
      into.outputs.push(...from.outputs)
    }

    // The site as the output holds it: this run's pages are recorded over what earlier builds left there.
    const site = writing && formats.has('html') && !sharded ? await keptSite(await readSite(project, out), project, out) : new Map<string, SiteDocument>()
    // Images without a version for a built target language, if the project wants them listed; errors in a strict build.
    const wanted = project.config.translations.localizedFigures
    const figures = wanted === 'off' || targets.length === 0 ? undefined : {languages: targets, fatal: wanted === 'error' && options.strict === true}
    const source = project.config.source
    const jobs = selected.reduce((sum, slug) => sum + languagesOf(slug).length, 0)
    const progress: BuildProgress = {pages: {done: 0, total: formats.has('html') ? jobs : 0}, pdfs: {done: 0, total: pdfContext ? jobs : 0}}
    const tick = () => options.onProgress?.(progress)
    let built = 0
    for (const slug of selected) {
      await ahead.wait(sourceOf(slug).files)
      const document = parsed(slug)
      if (document.fatal || !document.meta) {
        // Not built: its pages and PDFs leave the progress's totals.
        progress.pages.total -= formats.has('html') ? languagesOf(slug).length : 0
        progress.pdfs.total -= pdfContext ? languagesOf(slug).length : 0
        continue
      }
      built++
      // The documents it links to are parsed in the worker too, not in place: wait for them.
      await ahead.wait(linkedDocuments(document, index).flatMap((linked) => sourceOf(linked).files))
      for (const catalog of await loadCatalogs(project, targets.length > 0 ? segmented([document], project.config.translations.copy) : [], targets)) {
        catalogs.set(`${catalog.slug}\0${catalog.lang}`, catalog)
      }
      // Links are checked once, on the source text, whether or not the source language is built.
      const assets = new Set<string>()
      const open: OpenPassages = new Map()
      const original = translate(document, source, {source, catalog: undefined, stale: 'translation', report: false, copy: project.config.translations.copy})
      transform(original, {index, assets, report: true, figures})
      // Each language may link its own versions of files (`cycle.lv.png`): those are copied once its tree is made.
      const copied = new Set(assets)
      if (writing) add(written, await write(out, [], mediaAssets(project.root, assets)))
      for (const lang of languagesOf(slug)) {
        const loaded = catalogs.get(`${document.source.slug}\0${lang}`)
        const catalog = loaded?.merge && {entries: new Map(loaded.merge.merged.map((merged) => [merged.entry.msgid, merged])), file: loaded.file}
        const translated = lang === source ? original : translate(document, lang, {source, catalog, stale: project.config.translations.stale, publishMachineDrafts: project.config.translations.publishMachineDrafts, report: true, copy: project.config.translations.copy})
        if (translated !== original) {
          transform(translated, {index, assets, report: false})
          const added = [...assets].filter((file) => !copied.has(file))
          for (const file of added) copied.add(file)
          if (writing && added.length > 0) add(written, await write(out, [], mediaAssets(project.root, added)))
        }
        const rendered = renderDocument(translated, context)
        if (formats.has('html')) {
          pages.push(renderHtml(rendered, context, formats.has('pdf')))
          if (loaded?.merge) pages.push(renderReview(loaded, translated.meta.title, context))
          recordPage(site, document.source.slug, document.meta, lang, translated.counts)
          progress.pages.done++
          tick()
        }
        if (options.strict) collectOpen(open, translated)
        if (pdfContext) {
          let onPrinting!: () => void
          const printingStarted = new Promise<void>((resolve) => (onPrinting = resolve))
          // From when the browser starts printing this PDF, the next document may be built.
          const job = renderPdf(rendered, pdfContext, onPrinting).then(
            (pdf) => {
              pdfs[pdf.printed ? 'printed' : 'unchanged']++
              written.outputs.push({path: pdf.path, size: pdf.size})
              progress.pdfs.done++
              tick()
            },
            (error: Error) => {
              if (error instanceof BrowserNotFoundError) {
                missingBrowser = error
                return
              }
              progress.pdfs.done++
              tick()
              const file = document.files[0]!
              file.message(`Cannot print the PDF in \`${lang}\`: ${error.message.split('\n')[0]}`, {place: {line: 1, column: 1}, ruleId: 'pdf', source: 'policy-press'}).fatal = true
            }
          )
          const waiting = Promise.race([printingStarted, job])
          queued.add(waiting)
          void waiting.then(() => queued.delete(waiting))
          printing.push(job)
        }
        // The next document is built only when the browser is printing every PDF so far: building it while a
        // page loads would keep the browser's answers waiting (parsing does not yield), and the page would sit idle.
        await new Promise((resolve) => setImmediate(resolve))
        while (queued.size > 0) await Promise.race(queued)
      }
      reportOpen(document, open)
    }
    const documents = selected.map(parsed)
    // A shard's index is written by `assemble`, from every shard's site.
    if (formats.has('html') && !sharded) pages.push(renderIndex(siteDocuments(site, project), context))
    if (writing) add(written, await write(out, pages, []))
    await Promise.all(printing)
    if (pdfContext) await pdf?.writePrinted(cacheDir, pdfContext.printed)
    // Without a browser no PDF can be printed: one clear message (the HTML is written).
    if (missingBrowser) throw missingBrowser
    const catalogFiles = [...catalogs.values()].map((catalog) => catalog.file)
    // In a strict build every translation problem is an error.
    if (options.strict) for (const file of catalogFiles) for (const message of file.messages) message.fatal = true
    const files = [...settingsFiles, ...documents.flatMap((document) => document.files), ...catalogFiles].filter((file) => file.messages.length > 0)
    const failedDocuments = new Set([
      ...documents.filter((document) => hasFatal(document.files)).map((document) => document.source.slug),
      ...[...catalogs.values()].filter((catalog) => hasFatal([catalog.file])).map((catalog) => catalog.slug)
    ])
    const errors = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0)
    const summary = {documents: {built, skipped: documents.length - built}, failed: {errors, documents: failedDocuments.size}}
    // A build with errors is recorded too, for its site, but with no fingerprint: the next build is never skipped.
    if (writing && sharded) {
      await writeShardManifest(out, {plan: sharded.plan, formats: [...formats], shard: options.shard!, jobs: sharded.jobs, outputs: written.outputs, site: siteDocuments(site, project), messages: messagesOf(files)})
    } else if (writing) {
      const sitePages = formats.has('html') ? siteDocuments(site, project) : ((await readSite(project, out)) ?? [])
      await writeManifest(project, out, {fingerprint: hasFatal(files) ? '' : print, outputs: written.outputs, messages: messagesOf(files), ...summary, site: sitePages})
    }
    return {...result, ...summary, files, pages: pages.map((page) => page.path), pdfs, written: written.written, unchanged: written.unchanged}
  }
}
