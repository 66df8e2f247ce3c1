/**
 * plan: a build as a list of jobs, one per document and language (its HTML
 * page and its PDF are one job: they share the parse and the render), each
 * with the formats it makes and an estimated cost. Every build starts from
 * the plan of the whole project: `--doc` and `--lang` select jobs of it, a
 * shard for one machine of several (a CI matrix) is a part of that selection,
 * and the progress, the browser's start and the stages all follow the jobs
 * chosen.
 *
 * The plan is computed from the checkout alone (documents' and PO files'
 * sizes), never from a machine's cache, so every runner of a matrix computes
 * the same plan and the same shards. That is why "pages printed last time"
 * is not a cost input: the PDF cache is each runner's own (restored from an
 * older run, from another branch, or empty), and a cost read from it would
 * give two runners two partitions, so a job built twice or by no one, which
 * `assemble` refuses. The page count follows the text's size closely enough
 * (measured: bench/shards.js) that the sizes stand in for it.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {mapLimit} from '../map-limit.js'
import type {Project} from '../project.js'

export type Format = 'html' | 'pdf'

export interface Job {
  /** `slug/lang`: how a job is named in messages, manifests and the matrix. */
  id: string
  doc: string
  lang: string
  /** What the job makes: the page, the PDF, both, or (a check) neither. */
  formats: Format[]
  /** Estimated cost in arbitrary units (bytes of text to translate, render and print). */
  cost: number
  /** Estimated cost of parsing the document, paid once by each machine that builds one of its languages. */
  parse: number
}

export interface Shard {
  /** 1-based. */
  index: number
  total: number
  jobs: Job[]
  cost: number
}

export interface Plan {
  /** A hash of the jobs and the formats: shards of different plans are never mixed. */
  id: string
  formats: Format[]
  jobs: Job[]
}

/** What printing adds to a job's cost, relative to its text: measured, a PDF costs a few times its HTML page. */
const pdfWeight = 3
/** Parsing a document, shared by its languages when they are built on one machine, against rendering one language. */
const parseShare = 0.5

async function size(file: string): Promise<number> {
  return (await fs.stat(file).catch(() => undefined))?.size ?? 0
}

function planId(formats: Format[], jobs: Job[]): string {
  return createHash('sha256')
    .update(JSON.stringify({formats, jobs: jobs.map((job) => job.id)}))
    .digest('hex')
    .slice(0, 16)
}

/** The jobs of a build of the whole `project` (every document in every language), whatever this run builds. */
export async function plan(project: Project, requested: readonly Format[]): Promise<Plan> {
  const formats = [...new Set(requested)].sort()
  const documents = project.allDocuments
  // A few dozen at a time: a thousand documents in 24 languages are 24,000 PO files (see map-limit.ts).
  const texts = await mapLimit(documents, 64, async (document) =>
    (await Promise.all(document.files.map((file) => size(path.join(project.root, file))))).reduce((sum, bytes) => sum + bytes, 0)
  )
  const pairs = documents.flatMap((document, index) => project.allLanguages.map((lang) => ({document, lang, text: texts[index]!})))
  const translations = await mapLimit(pairs, 64, ({document, lang}) =>
    lang === project.config.source ? Promise.resolve(0) : size(path.join(project.translationsDir, lang, `${document.slug}.po`))
  )
  const jobs = pairs.map(({document, lang, text}, index): Job => {
    // The text a language's page is made of: the source, or the translations that replace it.
    const words = Math.max(text, translations[index]! / 2)
    const cost = Math.round((words + 1000) * (formats.includes('pdf') ? 1 + pdfWeight : 1))
    return {id: `${document.slug}/${lang}`, doc: document.slug, lang, formats, cost, parse: Math.round(text * parseShare)}
  })
  return {id: planId(formats, jobs), formats, jobs}
}

/**
 * The jobs of `documents` in `languages` (`--doc`, `--lang`), in that order: a plan of its own, so that shards of
 * a selection are never mixed with shards of the whole.
 */
export function select(whole: Plan, documents: readonly string[], languages: readonly string[]): Plan {
  const byId = new Map(whole.jobs.map((job) => [job.id, job]))
  const jobs = documents.flatMap((doc) => languages.flatMap((lang) => byId.get(`${doc}/${lang}`) ?? []))
  return jobs.length === whole.jobs.length && jobs.every((job, index) => job === whole.jobs[index]) ? whole : {id: planId(whole.formats, jobs), formats: whole.formats, jobs}
}

/** A group of jobs placed on one shard as a whole. */
interface Unit {
  key: string
  jobs: Job[]
  cost: number
}

/** What a shard of `jobs` costs: its jobs, and the parse of each of their documents once. */
function costOf(jobs: Job[]): number {
  const parses = new Map(jobs.map((job) => [job.doc, job.parse]))
  return jobs.reduce((sum, job) => sum + job.cost, 0) + [...parses.values()].reduce((sum, parse) => sum + parse, 0)
}

/** Longest processing time first: each unit, largest first, to the least loaded shard (ties to the lowest). */
function greedy(units: Unit[], count: number): Job[][] {
  const bins = Array.from({length: count}, () => ({jobs: [] as Job[], cost: 0}))
  const order = [...units].sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key))
  for (const unit of order) {
    const bin = bins.reduce((best, candidate) => (candidate.cost < best.cost ? candidate : best))
    bin.jobs.push(...unit.jobs)
    bin.cost += unit.cost
  }
  return bins.map((bin) => bin.jobs)
}

/**
 * The plan's jobs in their order (a document's languages one after another) cut into `count` runs of about
 * equal cost: every shard is balanced to within about one job, and only the documents at the cuts are
 * parsed on two machines.
 */
function runs(jobs: Job[], count: number): Job[][] {
  const bins: Job[][] = []
  let rest = costOf(jobs)
  let at = 0
  for (let left = count; left > 0; left--) {
    const target = rest / left
    const bin: Job[] = []
    let cost = 0
    while (at < jobs.length) {
      const job = jobs[at]!
      const adds = job.cost + (bin.at(-1)?.doc === job.doc ? 0 : job.parse)
      // The last shard takes what is left; the others stop nearest their share.
      if (left > 1 && bin.length > 0 && cost + adds / 2 > target) break
      bin.push(job)
      cost += adds
      at++
    }
    bins.push(bin)
    rest -= cost
  }
  return bins
}

/**
 * Split the plan into `count` shards, deterministically, the partition that finishes soonest by the estimate
 * of three: each document's languages together on one machine (its text parsed once), the jobs in their
 * order cut into runs of equal cost (a document split only at a cut), or every job on its own (for one
 * document much larger than the rest). On a tie, the one that splits fewer documents.
 */
export function shard(planned: Plan, count: number): Shard[] {
  const byDocument = new Map<string, Job[]>()
  for (const job of planned.jobs) byDocument.set(job.doc, [...(byDocument.get(job.doc) ?? []), job])
  const candidates = [
    greedy([...byDocument].map(([doc, jobs]) => ({key: doc, jobs, cost: costOf(jobs)})), count),
    runs(planned.jobs, count),
    greedy(planned.jobs.map((job) => ({key: job.id, jobs: [job], cost: job.cost + job.parse})), count)
  ]
  const makespan = (bins: Job[][]) => Math.max(...bins.map(costOf))
  const chosen = candidates.reduce((best, candidate) => (makespan(candidate) < makespan(best) ? candidate : best))
  // Jobs in the plan's order within each shard, so a shard builds its documents as a whole build would.
  const position = new Map(planned.jobs.map((job, index) => [job.id, index]))
  return chosen.map((jobs, index) => {
    const ordered = [...jobs].sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    return {index: index + 1, total: count, jobs: ordered, cost: costOf(ordered)}
  })
}
