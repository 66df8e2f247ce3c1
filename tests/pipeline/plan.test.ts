/**
 * The plan: every job of the project with its formats and cost, `--doc` and
 * `--lang` as selections of it, and the partition into shards: every job in
 * exactly one shard whatever the costs, never worse balanced (by the
 * estimate) than keeping each document whole, and few documents parsed on
 * more than one machine.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type Job, type Plan, plan, select, shard} from '../../src/pipeline/plan.js'
import {loadProject} from '../../src/project.js'
import {makeProject} from '../helpers.js'

/** A plan of `docs` documents (text sizes) × `langs` languages, jobs in the plan's order. */
function planOf(docs: number[], langs: number): Plan {
  const jobs: Job[] = docs.flatMap((text, doc) =>
    Array.from({length: langs}, (_, lang) => ({id: `d${doc}/l${lang}`, doc: `d${doc}`, lang: `l${lang}`, formats: ['html', 'pdf'], cost: (text + 1000) * 4, parse: text / 2}))
  )
  return {id: 'test', formats: ['html', 'pdf'], jobs}
}

/** The estimated cost of the slowest shard: its jobs, and each of their documents parsed once. */
function makespan(bins: Job[][]): number {
  return Math.max(...bins.map((jobs) => jobs.reduce((sum, job) => sum + job.cost, 0) + [...new Map(jobs.map((job) => [job.doc, job.parse])).values()].reduce((sum, parse) => sum + parse, 0)))
}

/** Documents kept whole, largest first to the least loaded shard: the partition the plan used to choose. */
function documentsWhole(planned: Plan, count: number): Job[][] {
  const grouped = new Map<string, Job[]>()
  for (const job of planned.jobs) grouped.set(job.doc, [...(grouped.get(job.doc) ?? []), job])
  const byDoc = [...grouped.values()].map((jobs) => ({jobs, cost: makespan([jobs])}))
  byDoc.sort((a, b) => b.cost - a.cost || a.jobs[0]!.doc.localeCompare(b.jobs[0]!.doc))
  const bins = Array.from({length: count}, () => ({jobs: [] as Job[], cost: 0}))
  for (const unit of byDoc) {
    const bin = bins.reduce((best, candidate) => (candidate.cost < best.cost ? candidate : best))
    bin.jobs.push(...unit.jobs)
    bin.cost += unit.cost
  }
  return bins.map((bin) => bin.jobs)
}

describe('plan', () => {
  it('has a job per document and language of the project, whatever this run builds; --doc and --lang select from it', async () => {
    const root = await makeProject({
      'documents/a.md': '---\ntitle: A\n---\n\nText.\n',
      'documents/b.md': '---\ntitle: B\n---\n\nMore text here.\n',
      'policy-press.config.yaml': 'targets: [de, et]\n'
    })
    const project = await loadProject({root, docs: ['b'], langs: ['et', 'en']})
    const whole = await plan(project, ['pdf', 'html'])
    expect(whole.jobs.map((job) => job.id)).toEqual(['a/en', 'a/de', 'a/et', 'b/en', 'b/de', 'b/et'])
    expect(whole.jobs.every((job) => job.formats.join() === 'html,pdf')).toBe(true)
    // The larger document costs more.
    expect(whole.jobs[3]!.cost).toBeGreaterThan(whole.jobs[0]!.cost)
    // The selection keeps the order asked for, and is a plan of its own: its shards never mix with the whole's.
    const chosen = select(whole, project.documents.map((document) => document.slug), project.languages)
    expect(chosen.jobs.map((job) => job.id)).toEqual(['b/et', 'b/en'])
    expect(chosen.id).not.toBe(whole.id)
    expect(select(whole, ['a', 'b'], ['en', 'de', 'et'])).toBe(whole)
  })

  it('puts every job in exactly one shard, in the plan order, never worse balanced than documents kept whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 200_000}), {minLength: 1, maxLength: 30}), fc.integer({min: 1, max: 26}), fc.integer({min: 1, max: 12}), (docs, langs, count) => {
        const planned = planOf(docs, langs)
        const shards = shard(planned, count)
        expect(shards.map((item) => `${item.index}/${item.total}`)).toEqual(Array.from({length: count}, (_, index) => `${index + 1}/${count}`))
        const ids = shards.flatMap((item) => item.jobs.map((job) => job.id))
        expect([...ids].sort()).toEqual(planned.jobs.map((job) => job.id).sort())
        const order = new Map(planned.jobs.map((job, index) => [job.id, index]))
        for (const item of shards) expect(item.jobs.map((job) => order.get(job.id)!)).toEqual(item.jobs.map((job) => order.get(job.id)!).sort((a, b) => a - b))
        expect(makespan(shards.map((item) => item.jobs))).toBeLessThanOrEqual(makespan(documentsWhole(planned, count)))
      })
    )
  })

  it('balances 20 documents × 25 languages over 8 shards within a job, splitting only documents at the cuts', () => {
    const planned = planOf(Array.from({length: 20}, (_, index) => 4000 + (index % 3) * 300), 25)
    const shards = shard(planned, 8)
    const costs = shards.map((item) => item.cost)
    const job = planned.jobs[0]!.cost
    expect(Math.max(...costs) - Math.min(...costs)).toBeLessThanOrEqual(2 * job)
    // Documents kept whole would give 3 documents to some shards and 2 to others: a fifth over the mean.
    expect(makespan(shards.map((item) => item.jobs))).toBeLessThan(makespan(documentsWhole(planned, 8)) * 0.9)
    // Each document parsed once, and the ones at the 7 cuts once more.
    const parses = shards.reduce((sum, item) => sum + new Set(item.jobs.map((job) => job.doc)).size, 0)
    expect(parses).toBeLessThanOrEqual(20 + 7)
  })
})
