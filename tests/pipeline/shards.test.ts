/**
 * A build split over several machines: `plan` gives the shards as a GitHub
 * Actions matrix, `build --shard K/N` builds one, and `assemble` puts them
 * together into the very site a single build writes, byte for byte, or
 * refuses (naming the job) when a shard is missing or given twice. A shard
 * is a part of the plan: its progress counts its jobs, and it reads only
 * the translations its jobs need.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeProject, runCli} from '../helpers.js'

const paragraph = (words: number, seed: string) => `${Array.from({length: words}, (_, index) => `${seed}${index % 7}`).join(' ')}.`
/** Documents of different sizes, one a folder of chapters, with a German translation of one. */
const files = {
  'documents/small.md': `---\ntitle: Small\n---\n\n## One\n\n${paragraph(30, 'a')}\n`,
  'documents/large.md': `---\ntitle: Large\n---\n\n${Array.from({length: 12}, (_, index) => `## Part ${index}\n\n${paragraph(120, 'b')}\n`).join('\n')}`,
  'documents/book/01-one.md': `---\ntitle: Book\n---\n\n# First\n\n${paragraph(80, 'c')}\n\nSee [the large one](../large.md).\n`,
  'documents/book/02-two.md': `# Second\n\n${paragraph(80, 'd')}\n`
}
const env = {SOURCE_DATE_EPOCH: '1700000000'}
/** A language without shipped interface strings: every shard warns about it, assemble once. */
const config = {'policy-press.config.yaml': 'targets: [de, et, lv, lt, mt]\n'}

/** Every file under `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await fs.readdir(dir, {recursive: true, withFileTypes: true})
  const found = new Map<string, Buffer>()
  for (const entry of entries.filter((item) => item.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(entry.parentPath, entry.name)
    found.set(path.relative(dir, full), await fs.readFile(full))
  }
  return found
}

let root: string
let single: Map<string, Buffer>

beforeAll(async () => {
  root = await makeProject({...files, ...config})
  const built = await runCli(['build', '--out', 'single', '--quiet'], root, env)
  expect(built.code, built.stderr).toBe(0)
  single = await tree(path.join(root, 'single'))
}, 120_000)

describe('sharded builds', () => {
  it('plan gives the shards as a GitHub Actions matrix, every job once', async () => {
    const run = await runCli(['plan', '--shards', '3', '--format', 'json'], root)
    expect(run.code, run.stderr).toBe(0)
    const matrix = JSON.parse(run.stdout)
    expect(Object.keys(matrix)).toEqual(['include'])
    expect(matrix.include.map((entry: {shard: string}) => entry.shard)).toEqual(['1/3', '2/3', '3/3'])
    const jobs = matrix.include.flatMap((entry: {jobs: string[]}) => entry.jobs).sort()
    expect(jobs).toEqual(['book', 'large', 'small'].flatMap((doc) => ['de', 'en', 'et', 'lt', 'lv', 'mt'].map((lang) => `${doc}/${lang}`)).sort())
  })

  it.each([2, 3, 4])('assembled from %i shards, is byte-identical to the single build', async (count) => {
    const dirs = []
    for (let index = 1; index <= count; index++) {
      const shard = await runCli(['build', '--shard', `${index}/${count}`, '--out', `shard-${count}-${index}`, '--quiet'], root, env)
      expect(shard.code, shard.stderr).toBe(0)
      dirs.push(`shard-${count}-${index}`)
    }
    // A shard writes no index: only assemble knows the whole site.
    await expect(fs.access(path.join(root, dirs[0]!, 'index.html'))).rejects.toThrow()
    const assembled = await runCli(['assemble', '--out', `assembled-${count}`, ...dirs.reverse()], root)
    expect(assembled.code, assembled.stderr).toBe(0)
    expect(assembled.stderr.match(/Missing interface strings for `mt`/g)).toHaveLength(1)
    const result = await tree(path.join(root, `assembled-${count}`))
    expect([...result.keys()].sort()).toEqual([...single.keys()].sort())
    for (const [file, bytes] of single) expect(result.get(file)!.equals(bytes), file).toBe(true)
    expect([...single.keys()].filter((file) => file.endsWith('.pdf'))).toHaveLength(18)
  }, 180_000)

  it('refuses a missing or doubled shard, naming the jobs, and writes nothing', async () => {
    const missing = await runCli(['assemble', '--out', 'broken', 'shard-3-1', 'shard-3-2'], root)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/policy-press: Missing job `[a-z]+\/[a-z]+`: no shard given built it/)
    expect(missing.stderr).toContain('nothing was written')
    const doubled = await runCli(['assemble', '--out', 'broken', 'shard-3-1', 'shard-3-1', 'shard-3-2', 'shard-3-3'], root)
    expect(doubled.code).toBe(1)
    expect(doubled.stderr).toMatch(/Unexpected job `[a-z]+\/[a-z]+` in shard 1\/3 \(`[^`]+`\) and shard 1\/3/)
    const mixed = await runCli(['assemble', '--out', 'broken', 'shard-2-1', 'shard-3-2', 'shard-3-3'], root)
    expect(mixed.code).toBe(1)
    await expect(fs.access(path.join(root, 'broken'))).rejects.toThrow()
  })
})

describe('a shard is a part of the plan', () => {
  it('counts its own jobs in the progress, and reads only its own jobs’ translations', async () => {
    const documents = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((slug) => [`documents/${slug}.md`, `---\ntitle: ${slug}\n---\n\n${paragraph(40, slug)}\n`]))
    const project = await makeProject({...documents, 'policy-press.config.yaml': 'targets: [de, et, lv, lt, fi, sv, da, pl, nb]\n'})
    type Matrix = {include: Array<{shard: string; jobs: string[]}>}
    const plan = async () => JSON.parse((await runCli(['plan', '--shards', '2', '--format', 'json'], project)).stdout) as Matrix
    const matrix = await plan()
    // A document whose languages are on both machines: each reads the translations of its own languages only.
    const [first, second] = matrix.include as [Matrix['include'][0], Matrix['include'][0]]
    const split = first.jobs.map((job) => job.split('/')[0]!).find((doc) => second.jobs.some((job) => job.startsWith(`${doc}/`)))!
    const broken = second.jobs.find((job) => job.startsWith(`${split}/`) && !job.endsWith('/en'))!
    const [doc, lang] = broken.split('/')
    // A PO file that cannot be read (small: the plan stays the same): an error for the shard with its job only.
    await fs.mkdir(path.join(project, 'translations', lang!), {recursive: true})
    await fs.writeFile(path.join(project, 'translations', lang!, `${doc}.po`), 'msgid "Unclosed\nmsgstr ""\n')
    expect(await plan()).toEqual(matrix)
    const run = (entry: typeof first) => runCli(['build', '--format', 'html', '--shard', entry.shard, '--out', `shard-${entry.shard[0]}`], project, {...env, CI: 'true'})

    const clean = await run(first)
    expect(clean.code, clean.stderr).toBe(0)
    expect(clean.stderr).not.toContain(`${doc}.po`)
    // The progress counts this shard's pages: its jobs, not the plan's 50.
    expect(clean.stderr).toContain(`Building: pages ${first.jobs.length}/${first.jobs.length}\n`)
    expect(first.jobs.length).toBeLessThan(50)

    const failed = await run(second)
    expect(failed.code).toBe(1)
    expect(failed.stderr.match(new RegExp(`translations/${lang}/${doc}\\.po`, 'g'))).toHaveLength(1)
    expect(failed.stderr).toContain('po-syntax')
  }, 120_000)
})
