/**
 * run-jobs: the stages, document by document, each language a run of
 * translate → transform → render-html | render-pdf → write. Loaded by
 * schedule.ts once the browser is starting and the worker parsing: this
 * module brings in every stage, and loading them takes a while.
 */
import fs from 'node:fs/promises'
import {loadCatalogs, type LoadedCatalog, segmented} from '../catalog/load.js'
import {type Asset, mediaAssets} from '../html/assets.js'
import type {Templates} from '../html/templates.js'
import {createHtmlRenderer} from '../html/to-html.js'
import {indexSite, linkedDocuments} from '../markdown/site-index.js'
import type {BrowserPool} from '../pdf/browser.js'
import {version} from '../version.js'
import {collectOpen, type OpenPassages, reportOpen} from './open-passages.js'
import {parse, type ParsedDocument} from './parse.js'
import type {ParseAhead} from './parse-ahead.js'
import {printQueue} from './print-queue.js'
import type {ReadDocument} from './read.js'
import {type Page, renderDocument, renderHtml} from './render-html.js'
import type {PdfContext} from './render-pdf.js'
import {renderReview} from './render-review.js'
import type {BuildProgress, Scheduled, ScheduleSettings} from './schedule.js'
import {recordPage} from './site-record.js'
import {transform} from './transform.js'
import {translate} from './translate.js'
import {write, type WriteResult} from './write.js'

export interface Resources {
  /** The browser pool printing this run's PDFs, when the jobs include PDFs. */
  printer: BrowserPool | undefined
  /** The PDF cache (see `PdfContext.printed`). */
  printed: Map<string, string>
  cacheDir: string
  templates: Templates
  /** The stylesheets and fonts of the pages, and what writing them into the output gave (schedule.ts writes them first). */
  styleAssets: Asset[]
  written: WriteResult
}

function add(into: WriteResult, from: WriteResult): void {
  into.written += from.written
  into.unchanged += from.unchanged
  into.outputs.push(...from.outputs)
}

/** Build each of `documents` (slug → languages, in order) from `sources`, the project's documents as read. */
export async function runJobs(documents: Map<string, string[]>, sources: ReadDocument[], ahead: ParseAhead, settings: ScheduleSettings & Resources): Promise<Scheduled> {
  const {project, out, formats, printer, templates, styleAssets, written} = settings
  // Documents are parsed one by one as the build reaches them (ahead, in the worker), so the first prints
  // while the rest are parsed; a link into a document not reached yet (or not built by this run) parses it then.
  const sourceOf = new Map(sources.map((source) => [source.source.slug, source]))
  const parsedDocuments = new Map<string, ParsedDocument>()
  const parsed = (slug: string): ParsedDocument => {
    let document = parsedDocuments.get(slug)
    if (!document) {
      const source = sourceOf.get(slug)!
      document = parse(source, ahead.take(source.files))
      parsedDocuments.set(slug, document)
    }
    return document
  }
  const index = indexSite(sources, parsed, project.root)
  const source = project.config.source
  const targets = project.languages.filter((lang) => lang !== source)
  const catalogs = new Map<string, LoadedCatalog>()
  const renderers = new Map(project.languages.map((lang) => [lang, createHtmlRenderer(settings.strings.get(lang)!)]))
  const context = {project, templates, strings: settings.strings, renderers, version}
  const pages: Page[] = []

  // Each document's files are written as soon as it is transformed: printing needs them. With no format to
  // write, this is a check: every stage runs, nothing is written.
  const writing = formats.size > 0
  const pdfContext: PdfContext | undefined = printer && {
    pool: printer,
    templates,
    out,
    cacheDir: settings.cacheDir,
    paper: project.config.pdf.paper,
    producer: `policy-press ${version}`,
    styles: (await Promise.all(styleAssets.filter((asset) => asset.path.endsWith('.css')).map((asset) => fs.readFile(asset.from, 'utf8')))).join('\n'),
    force: settings.force === true,
    timeout: settings.pdfTimeout ?? 60_000,
    printed: settings.printed
  }
  // Images without a version for a built target language, if the project wants them listed; errors in a strict build.
  const wanted = project.config.translations.localizedFigures
  const figures = wanted === 'off' || targets.length === 0 ? undefined : {languages: targets, fatal: wanted === 'error' && settings.strict === true}
  // The totals are the jobs; a document that is not built takes its jobs out of them.
  const jobs = [...documents.values()].reduce((sum, langs) => sum + langs.length, 0)
  const progress: BuildProgress = {pages: {done: 0, total: formats.has('html') ? jobs : 0}, pdfs: {done: 0, total: pdfContext ? jobs : 0}}
  const tick = () => settings.onProgress?.(progress)
  const queue =
    pdfContext &&
    printQueue(pdfContext, () => {
      progress.pdfs.done++
      tick()
    })
  let built = 0
  for (const [slug, langs] of documents) {
    await ahead.wait(sourceOf.get(slug)!.files)
    const document = parsed(slug)
    if (document.fatal || !document.meta) {
      progress.pages.total -= formats.has('html') ? langs.length : 0
      progress.pdfs.total -= pdfContext ? langs.length : 0
      continue
    }
    built++
    // The documents it links to are parsed in the worker too, not in place: wait for them.
    await ahead.wait(linkedDocuments(document, index).flatMap((linked) => sourceOf.get(linked)!.files))
    // The catalogs of the languages the jobs build: a shard does not read the others.
    const into = langs.filter((lang) => lang !== source)
    for (const catalog of await loadCatalogs(project, into.length > 0 ? segmented([document], project.config.translations.copy) : [], into)) {
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
    for (const lang of langs) {
      const loaded = catalogs.get(`${slug}\0${lang}`)
      const catalog = loaded?.merge && {entries: new Map(loaded.merge.merged.map((merged) => [merged.entry.msgid, merged])), file: loaded.file}
      const translated =
        lang === source
          ? original
          : translate(document, lang, {source, catalog, stale: project.config.translations.stale, publishMachineDrafts: project.config.translations.publishMachineDrafts, report: true, copy: project.config.translations.copy})
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
        recordPage(settings.site, slug, document.meta, lang, translated.counts)
        progress.pages.done++
        tick()
      }
      if (settings.strict) collectOpen(open, translated)
      if (queue) {
        queue.add(rendered, lang, document.files[0]!)
        // From when the browser is printing every PDF so far, the next language or document may be built.
        await queue.caughtUp()
      }
    }
    reportOpen(document, open)
  }
  pages.push(...(await settings.sitePages(settings.site, context)))
  if (writing) add(written, await write(out, pages, []))
  try {
    await queue?.drained()
  } finally {
    if (pdfContext) await (await import('../pdf/printed.js')).writePrinted(settings.cacheDir, pdfContext.printed)
  }
  if (queue) written.outputs.push(...queue.pdfs.outputs)
  return {
    documents: [...documents.keys()].map(parsed),
    built,
    pages: pages.map((page) => page.path),
    written,
    pdfs: {printed: queue?.pdfs.printed ?? 0, unchanged: queue?.pdfs.unchanged ?? 0},
    catalogs: [...catalogs.values()]
  }
}
