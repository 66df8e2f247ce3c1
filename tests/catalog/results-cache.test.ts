/**
 * The results cache of status and sync (src/catalog/results-cache.ts): a
 * run that takes unchanged catalogs from `.policy-press-cache/catalogs.json`
 * reports exactly what a run without the cache reports, after a PO entry, a
 * source paragraph or a PO file changed, and whatever the cache file holds;
 * and it parses only the catalogs that changed. `DEBUG=policy-press:survey`
 * says how many catalogs came from the cache.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {makeProject, runCli, translateAll} from '../helpers.js'

const front = (title: string) => `---\ntitle: ${title}\n---\n\n`
const paragraphs = (name: string) =>
  [
    `The ${name} council funds social services in rural municipalities every year.`,
    `Applications for the ${name} fund are checked by two officers within six weeks.`,
    `Reports on the ${name} projects are due every quarter and are published online.`
  ].join('\n\n')

/** Every form of the report: text, JSON with every segment or the open ones, Markdown; with the exit code of `--fail-on`. */
const forms = [['--no-color'], ['--format', 'json'], ['--format', 'json', '--segments', 'open'], ['--format', 'markdown'], ['--fail-on', 'stale']]

async function reports(root: string): Promise<string[]> {
  const runs = await Promise.all(forms.map((form) => runCli(['status', '--root', root, ...form])))
  return runs.map((run) => `${run.code}\n${run.stdout}\n${run.stderr}`)
}

/** The reports from the cache as it is, and from no cache: they must be equal. */
async function cachedAndFresh(root: string): Promise<{cached: string[]; fresh: string[]; survey: string}> {
  const survey = (await runCli(['status', '--root', root], root, {DEBUG: 'policy-press:survey'})).stderr
  const cached = await reports(root)
  await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})
  const fresh = await reports(root)
  return {cached, fresh, survey}
}

/** How many catalogs a run took from the cache and how many it parsed. */
function counts(stderr: string): [number, number] {
  const match = /(\d+) catalogs from the cache, (\d+) parsed/.exec(stderr)
  if (!match) throw new Error(`No survey line in:\n${stderr}`)
  return [Number(match[1]), Number(match[2])]
}

async function project(): Promise<string> {
  const root = await makeProject({
    'policy-press.config.yaml': 'source: en\ntargets: [de, et]\n',
    'documents/a.md': `${front('A')}${paragraphs('Alpha')}\n`,
    'documents/b.md': `${front('B')}${paragraphs('Beta')}\n`
  })
  expect((await runCli(['sync', '--root', root])).code).toBe(0)
  await translateAll(path.join(root, 'translations/de/a.po'))
  await translateAll(path.join(root, 'translations/de/b.po'))
  await translateAll(path.join(root, 'translations/et/a.po'), '[et] ')
  return root
}

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await fs.readFile(file, 'utf8')
  const changed = text.replace(from, to)
  expect(changed).not.toBe(text)
  await fs.writeFile(file, changed)
}

describe('status from the results cache', () => {
  it('reports what a run without the cache reports, after each kind of change, parsing only what changed', async () => {
    const root = await project()
    // The first run fills the cache; the next takes every catalog from it.
    await runCli(['status', '--root', root])
    let run = await cachedAndFresh(root)
    expect(run.cached).toEqual(run.fresh)
    expect(counts(run.survey)).toEqual([4, 0])

    // One translation changed, another made fuzzy: only that PO file is parsed again.
    const de = path.join(root, 'translations/de/a.po')
    const catalog = parseCatalog(await fs.readFile(de, 'utf8'), new VFile())!
    catalog.entries.find((entry) => entry.msgid.startsWith('The Alpha council'))!.msgstr = 'Der Alpha-Rat fördert soziale Dienste.'
    catalog.entries.find((entry) => entry.msgid.startsWith('Reports on the Alpha'))!.fuzzy = true
    await fs.writeFile(de, serializeCatalog(catalog))
    run = await cachedAndFresh(root)
    expect(run.cached).toEqual(run.fresh)
    expect(counts(run.survey)).toEqual([3, 1])
    expect(run.fresh[1]).toContain('Der Alpha-Rat')
    expect(run.fresh[0]).toMatch(/^a {2}de {2}75% current \(3 current, 1 stale, 0 missing of 4\)$/m)

    // One source paragraph changed: that document's catalogs in both languages are parsed, and show the change.
    await edit(path.join(root, 'documents/a.md'), 'within six weeks', 'within four weeks')
    run = await cachedAndFresh(root)
    expect(run.cached).toEqual(run.fresh)
    expect(counts(run.survey)).toEqual([2, 2])
    expect(run.fresh[0]).toContain('within [-six-]{+four+} weeks')
    // `--segments open` is the full report without its current segments.
    const body = (output: string) => JSON.parse(output.split('\n').slice(1).join('\n').trim()) as {documents: Array<{segments: Array<{state: string}>}>}
    const all = body(run.fresh[1]!)
    for (const document of all.documents) document.segments = document.segments.filter((segment) => segment.state !== 'current')
    expect(body(run.fresh[2]!)).toEqual(all)
    expect(all.documents.flatMap((document) => document.segments).length).toBeGreaterThan(0)

    // A PO file deleted: its segments are missing.
    await fs.rm(path.join(root, 'translations/de/b.po'))
    run = await cachedAndFresh(root)
    expect(run.cached).toEqual(run.fresh)
    expect(counts(run.survey)).toEqual([3, 1])
    expect(run.fresh[0]).toMatch(/^b {2}de {2}0% current \(0 current, 0 stale, 4 missing of 4\)$/m)
  })

  it('ignores a broken, foreign or inconsistent cache file', async () => {
    const root = await project()
    await runCli(['status', '--root', root])
    const cacheFile = path.join(root, '.policy-press-cache/catalogs.json')
    const good = JSON.parse(await fs.readFile(cacheFile, 'utf8')) as {key: string; catalogs: Record<string, {counts: {current: number; missing: number}; open: unknown[]}>}
    const expected = await reports(root)

    // Half a file, another version's, one of the wrong shape: all ignored, every catalog parsed.
    const brokenForms = [JSON.stringify(good).slice(0, 200), JSON.stringify({...good, key: '0.0.1:1:en'}), JSON.stringify({...good, extra: true}), '[]', '']
    for (const broken of brokenForms) {
      await fs.writeFile(cacheFile, broken)
      expect(counts((await runCli(['status', '--root', root], root, {DEBUG: 'policy-press:survey'})).stderr)).toEqual([0, 4])
      await fs.writeFile(cacheFile, broken)
      expect(await reports(root)).toEqual(expected)
    }

    // An entry whose counts do not add up to its document's segments is not believed, whatever its hashes say.
    const lying = structuredClone(good)
    const entry = lying.catalogs['de:a']!
    entry.counts.current = 0
    entry.counts.missing += 5
    await fs.writeFile(cacheFile, JSON.stringify(lying))
    expect(counts((await runCli(['status', '--root', root], root, {DEBUG: 'policy-press:survey'})).stderr)).toEqual([3, 1])
    await fs.writeFile(cacheFile, JSON.stringify(lying))
    expect(await reports(root)).toEqual(expected)
  })

  it('reads a cache only inside the project, and replaces a link to one outside', async () => {
    const root = await project()
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-outside-'))
    try {
      const secret = path.join(outside, 'catalogs.json')
      await fs.writeFile(secret, '{"key": "TOP-SECRET"}')
      await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})
      await fs.mkdir(path.join(root, '.policy-press-cache'))
      await fs.symlink(secret, path.join(root, '.policy-press-cache/catalogs.json'))
      const run = await runCli(['status', '--root', root], root, {DEBUG: 'policy-press:catalog-cache'})
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).toMatch(/no cache at .*catalogs\.json: Unexpected symbolic link/)
      expect(run.stderr).not.toContain('TOP-SECRET')
      // The new cache replaces the link; nothing is written through it.
      expect(await fs.readFile(secret, 'utf8')).toBe('{"key": "TOP-SECRET"}')
      expect((await fs.lstat(path.join(root, '.policy-press-cache/catalogs.json'))).isFile()).toBe(true)
    } finally {
      await fs.rm(outside, {recursive: true, force: true})
    }
  })

  it('refuses a PO file that links out of the project, and reads one that links inside it', async () => {
    const root = await project()
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-outside-'))
    try {
      await fs.writeFile(path.join(outside, 'secret.po'), 'msgid "TOP-SECRET"\nmsgstr ""\n')
      await fs.rm(path.join(root, 'translations/et/b.po'))
      await fs.symlink(path.join(outside, 'secret.po'), path.join(root, 'translations/et/b.po'))
      const refused = await runCli(['status', '--root', root, '--no-color'])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/translations\/et\/b\.po\n[^\n]*error\s+Cannot read PO file: Unexpected symbolic link/)
      expect(refused.stderr).not.toContain('TOP-SECRET')

      await fs.rm(path.join(root, 'translations/et/b.po'))
      await fs.copyFile(path.join(root, 'translations/de/b.po'), path.join(root, 'de-b.po'))
      await fs.symlink(path.join(root, 'de-b.po'), path.join(root, 'translations/et/b.po'))
      const inside = await runCli(['status', '--root', root, '--lang', 'et', '--no-color'])
      expect(inside.code, inside.stderr).toBe(0)
      expect(inside.stdout).toMatch(/^b {2}et {2}100% current/m)
    } finally {
      await fs.rm(outside, {recursive: true, force: true})
    }
  })
})

describe('sync with the results cache', () => {
  it('leaves unchanged files unread and unwritten, and writes what a run without the cache writes', async () => {
    const root = await project()
    const po = ['de/a.po', 'de/b.po', 'et/a.po', 'et/b.po'].map((name) => path.join(root, 'translations', name))
    // The first sync after translators' edits parses every file and records what it wrote.
    expect((await runCli(['sync', '--root', root])).code).toBe(0)
    const times = await Promise.all(po.map(async (file) => (await fs.stat(file)).mtimeMs))
    const again = await runCli(['sync', '--root', root], root, {DEBUG: 'policy-press:survey'})
    expect(again.stdout).toBe('Synced 4 PO files: 0 created, 0 updated, 4 unchanged\n')
    expect(counts(again.stderr)).toEqual([4, 0])
    expect(await Promise.all(po.map(async (file) => (await fs.stat(file)).mtimeMs))).toEqual(times)

    // A source paragraph changed: its document's files are merged and written, byte for byte as without the cache.
    await edit(path.join(root, 'documents/b.md'), 'every quarter', 'every month')
    const copy = await makeProject({})
    await fs.cp(root, copy, {recursive: true})
    await fs.rm(path.join(copy, '.policy-press-cache'), {recursive: true})
    const changed = await runCli(['sync', '--root', root], root, {DEBUG: 'policy-press:survey'})
    expect(changed.stdout).toBe('Synced 4 PO files: 0 created, 2 updated, 2 unchanged\n')
    expect(counts(changed.stderr)).toEqual([2, 2])
    expect((await runCli(['sync', '--root', copy])).stdout).toBe(changed.stdout)
    for (const file of po) expect(await fs.readFile(file, 'utf8')).toBe(await fs.readFile(path.join(copy, path.relative(root, file)), 'utf8'))

    // Status after sync, from what sync recorded, is what it is without the cache.
    const run = await cachedAndFresh(root)
    expect(run.cached).toEqual(run.fresh)
    expect(counts(run.survey)).toEqual([4, 0])
  })
})
