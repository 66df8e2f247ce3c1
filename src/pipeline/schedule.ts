/**
 * schedule: a build's jobs (plan.ts) run through the stages, and everything
 * that runs at once around them: the browser pool, the worker that parses
 * ahead, the print queue and the progress. Each document of the jobs is
 * parsed once, then each of its languages is a run of
 *
 *   translate → transform → render-html | render-pdf → write
 *
 * The browser starts only if a PDF must be printed: at once, while the
 * stages load, when the jobs hold a PDF the cache has never seen. The
 * documents are read, and parsed in a worker in the order the jobs reach
 * them (parse-ahead.ts); a document the jobs do not build is parsed only if
 * a link needs its anchors. PDFs print one document behind the build
 * (print-queue.ts). Problems are messages on the files they concern; a
 * document with a fatal message is skipped and the others are still built.
 */
import path from 'node:path'
import type {Project} from '../project.js'
import type {UiStrings} from '../ui-strings.js'
import type {LoadedCatalog} from '../catalog/load.js'
import type {BrowserPool} from '../pdf/browser.js'
import type {ParsedDocument} from './parse.js'
import type {ParseAhead} from './parse-ahead.js'
import type {Format, Job} from './plan.js'
import type {Page, RenderContext} from './render-html.js'
import type {SiteDocument} from './site-record.js'
import type {WriteResult} from './write.js'

export interface BuildProgress {
  pages: {done: number; total: number}
  pdfs: {done: number; total: number}
}

export interface ScheduleSettings {
  project: Project
  out: string
  formats: ReadonlySet<Format>
  strings: Map<string, UiStrings>
  /** The site as the output holds it (site-record.ts): each page built is recorded over it. */
  site: Map<string, SiteDocument>
  /** Pages of the whole site (the index), made once every document's are, and written with them. */
  sitePages: (site: Map<string, SiteDocument>, context: RenderContext) => Promise<Page[]>
  /** A browser pool kept open by the caller (default: one for this run, closed at its end). */
  browser?: BrowserPool | undefined
  pool?: number | undefined
  env?: Record<string, string | undefined> | undefined
  force?: boolean | undefined
  strict?: boolean | undefined
  pdfTimeout?: number | undefined
  onProgress?: ((progress: BuildProgress) => void) | undefined
}

export interface Scheduled {
  /** Every document of the jobs, parsed, in their order. */
  documents: ParsedDocument[]
  /** Documents whose pages were made (the others had fatal messages). */
  built: number
  /** Paths of the pages written, relative to `out`. */
  pages: string[]
  written: WriteResult
  pdfs: {printed: number; unchanged: number}
  catalogs: LoadedCatalog[]
}

/** A document and the languages the jobs build it in, in the jobs' order. */
function byDocument(jobs: Job[]): Map<string, string[]> {
  const documents = new Map<string, string[]>()
  for (const job of jobs) documents.set(job.doc, [...(documents.get(job.doc) ?? []), job.lang])
  return documents
}

export async function schedule(jobs: Job[], settings: ScheduleSettings): Promise<Scheduled> {
  const {project, out, formats} = settings
  const documents = byDocument(jobs)
  const cacheDir = path.join(project.root, '.policy-press-cache')
  const pdf = formats.has('pdf') ? {...(await import('../pdf/browser.js')), ...(await import('../pdf/printed.js'))} : undefined
  // A browser handed in (by preview) stays warm across builds; one made here is closed at the end.
  const pool = pdf && (settings.browser ?? pdf.createBrowserPool({roots: [out, cacheDir], size: settings.pool, env: settings.env}))
  const printed = pdf ? await pdf.readPrinted(cacheDir) : new Map<string, string>()
  // When a job's PDF was never printed (a first build, a new document or language), printing is certain:
  // the browser starts now, not when the first document is ready to print.
  const certain = settings.force === true || jobs.some((job) => !printed.has(`${job.lang}/${job.doc}`))
  if (pool && certain) await pool.warm()
  let ahead: ParseAhead | undefined
  try {
    // The documents are read, and a worker thread starts parsing those the jobs build, while the stages load.
    const [{read}, {parseAhead}] = await Promise.all([import('./read.js'), import('./parse-ahead.js')])
    const sources = await read(project, project.allDocuments)
    const sourceOf = new Map(sources.map((source) => [source.source.slug, source]))
    // In the worker a parse has a time budget (a document that takes longer is an error, the rest is built);
    // in place it has none. The documents not built go to the worker too, but only when a link needs one.
    const later = sources.filter((source) => !documents.has(source.source.slug))
    ahead = parseAhead(
      [...documents.keys()].flatMap((slug) => sourceOf.get(slug)!.files),
      {budget: project.config.limits.parseTime * 1000, later: later.flatMap((source) => source.files)}
    )
    // Then the styles and fonts: the pages' and the print page's. With printing certain the browser's pages load
    // them in a print page with no document in it as they open, while the stages load and the first document is built.
    const [{templateAssets}, {loadTemplates}, {write}, {writePrintShell}] = await Promise.all([
      import('../html/assets.js'),
      import('../html/templates.js'),
      import('./write.js'),
      import('./print-shell.js')
    ])
    const templates = loadTemplates(project.templateDirs, project.root)
    const styleAssets = templateAssets(project.templateDirs, project.allLanguages)
    const written = formats.size > 0 ? await write(out, [], styleAssets) : {written: 0, unchanged: 0, outputs: []}
    if (pool && certain) pool.preload(await writePrintShell({templates, out, cacheDir}, project.config.source), settings.pdfTimeout ?? 60_000)
    const {runJobs} = await import('./run-jobs.js')
    return await runJobs(documents, sources, ahead, {...settings, printer: pool, printed, cacheDir, templates, styleAssets, written})
  } finally {
    await Promise.all([ahead?.close(), pool === settings.browser ? undefined : pool?.close()])
  }
}
