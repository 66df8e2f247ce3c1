/**
 * plan: a build as a list of jobs, one per document and language (its HTML
 * page and its PDF are one job: they share the parse and the render), each
 * with an estimated cost, and their partition into shards for several
 * machines (a CI matrix). The plan is computed from the checkout alone
 * (documents' and PO files' sizes), never from a machine's cache, so every
 * runner of a matrix computes the same plan and the same shards.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Project} from '../project.js'

export interface Job {
  /** `slug/lang`: how a job is named in messages, manifests and the matrix. */
  id: string
  doc: string
  lang: string
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
  formats: string[]
  jobs: Job[]
}

/** What printing adds to a job's cost, relative to its text: measured, a PDF costs a few times its HTML page. */
const pdfWeight = 3
/** Parsing a document, shared by its languages when they are built on one machine, against rendering one language. */
const parseShare = 0.5

async function size(file: string): Promise<number> {
  return (await fs.stat(file).catch(() => undefined))?.size ?? 0
}

/** The jobs of a build of `project` (its documents and languages, as chosen with --doc and --lang). */
export async function plan(project: Project, requested: string[]): Promise<Plan> {
  const formats = [...new Set(requested)].sort()
  const jobs: Job[] = []
  for (const document of project.documents) {
    const text = (await Promise.all(document.files.map((file) => size(path.join(project.root, file))))).reduce((sum, bytes) => sum + bytes, 0)
    for (const lang of project.languages) {
      const po = lang === project.config.source ? 0 : await size(path.join(project.translationsDir, lang, `${document.slug}.po`))
      // The text a language's page is made of: the source, or the translations that replace it.
      const words = Math.max(text, po / 2)
      const cost = Math.round((words + 1000) * (formats.includes('pdf') ? 1 + pdfWeight : 1))
      jobs.push({id: `${document.slug}/${lang}`, doc: document.slug, lang, cost, parse: Math.round(text * parseShare)})
    }
  }
  const id = createHash('sha256')
    .update(JSON.stringify({formats, jobs: jobs.map((job) => job.id)}))
    .digest('hex')
    .slice(0, 16)
  return {id, formats, jobs}
}

/** Longest processing time first: each unit, largest first, to the least loaded shard (ties to the lowest). */
function greedy<T extends {cost: number}>(units: T[], count: number): Array<{units: T[]; cost: number}> {
  const bins = Array.from({length: count}, () => ({units: [] as T[], cost: 0}))
  for (const unit of units) {
    const bin = bins.reduce((best, candidate) => (candidate.cost < best.cost ? candidate : best))
    bin.units.push(unit)
    bin.cost += unit.cost
  }
  return bins
}

/**
 * Split the plan into `count` shards, deterministically. A document's languages stay together (its text
 * parsed once) unless splitting them finishes sooner: with fewer documents than shards, or one
 * document much larger than the rest, its languages go to several machines.
 */
export function shard(plan: Plan, count: number): Shard[] {
  const byDocument = new Map<string, Job[]>()
  for (const job of plan.jobs) byDocument.set(job.doc, [...(byDocument.get(job.doc) ?? []), job])
  const order = <T extends {cost: number; key: string}>(units: T[]) => [...units].sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key))
  // Kept together, a document's parse is paid once; split, every machine that builds one of its languages pays it.
  const together = greedy(
    order([...byDocument].map(([doc, jobs]) => ({key: doc, jobs, cost: jobs[0]!.parse + jobs.reduce((sum, job) => sum + job.cost, 0)}))),
    count
  )
  const split = greedy(
    order(plan.jobs.map((job) => ({key: job.id, jobs: [job], cost: job.cost + job.parse}))),
    count
  )
  const makespan = (bins: typeof together) => Math.max(...bins.map((bin) => bin.cost))
  const chosen = makespan(together) <= makespan(split) ? together : split
  // Jobs in the plan's order within each shard, so a shard builds its documents as a whole build would.
  const position = new Map(plan.jobs.map((job, index) => [job.id, index]))
  return chosen.map((bin, index) => {
    const jobs = bin.units.flatMap((unit) => unit.jobs).sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    return {index: index + 1, total: count, jobs, cost: bin.cost}
  })
}
