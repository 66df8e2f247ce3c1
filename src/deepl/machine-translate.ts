/**
 * translate: fill missing segments (and with `stale`, stale ones) of the PO
 * files with DeepL drafts. Reviewed translations are never touched. A draft
 * is a fuzzy entry with the translator comment "machine translation: DeepL,
 * <date>", so status counts it as `machine` and builds mark it.
 *
 * Texts go as XML (see inline-xml.ts) in batches within DeepL's limits (50
 * texts, 128 KiB), each distinct text once; a local translation memory
 * (text, language, glossary, formality → draft) means a second run costs
 * nothing. Every PO file touched by a batch is written (atomically) as soon
 * as the batch is back, so a run stopped at any moment loses at most the
 * batch in flight. The key comes from DEEPL_AUTH_KEY only and is never printed.
 */
import {needsAlignmentCheck} from '../catalog/alignment-mark.js'
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {loadCatalogs} from '../catalog/load.js'
import {stateOf} from '../catalog/merge.js'
import {type CatalogEntry, writeCatalog} from '../catalog/po.js'
import {segmentedSources} from '../catalog/sources.js'
import {targetLanguages} from '../catalog/sync.js'
import {writeAtomic} from '../write-atomic.js'
import {loadProject, ProjectError, type ProjectOptions} from '../project.js'
import {entriesFor, readGlossary} from './glossary.js'
import {fromXml, toXml} from './inline-xml.js'

export interface MachineTranslateOptions extends ProjectOptions {
  /** Also redo stale segments (default: only missing ones). */
  stale?: boolean | undefined
  /** Only list what would be sent (default: `false`). */
  dryRun?: boolean | undefined
  /** DeepL API address (default: the config's, else chosen by deepl-node from the key). */
  serverUrl?: string | undefined
  env: Record<string, string | undefined>
  /** The date in the drafts' comments (default: today). */
  date?: string | undefined
  /** Connection time-out per request in milliseconds, and retries on 429/5xx (default: 20 000 and 5). */
  timeout?: number | undefined
  maxRetries?: number | undefined
  /** Told after each batch. */
  onProgress?: ((done: number, total: number) => void) | undefined
}

export interface LanguagePlan {
  lang: string
  /** Entries to fill. */
  segments: number
  /** Distinct texts not in the translation memory: what is sent. */
  texts: number
  /** Characters DeepL bills for them. */
  characters: number
}

export interface MachineTranslateResult {
  files: VFile[]
  plan: LanguagePlan[]
  /** Drafts written into PO files. */
  drafted: number
  /** Characters billed by DeepL in this run. */
  billed: number
  usage: {count: number; limit: number} | undefined
  /** Why the run stopped early, if it did (quota, key, network). */
  stopped: string | undefined
}

const maxTexts = 50
/** DeepL's request limit is 128 KiB; leave room for the other parameters. */
const maxBytes = 120 * 1024

const targetCodes: Record<string, string> = {en: 'en-GB', pt: 'pt-PT'}

/** Formality as DeepL takes it: `less`/`more` only where the language supports it, else `prefer_*`. */
export function formalityFor(lang: string, wanted: string | undefined): string | undefined {
  if (!wanted || wanted === 'default') return undefined
  const strict = ['de', 'fr', 'it', 'es', 'nl', 'pl', 'pt', 'ru', 'ja']
  if (strict.includes(lang)) return wanted
  return wanted.startsWith('prefer_') ? wanted : `prefer_${wanted}`
}

interface Job {
  key: string
  xml: string
  kept: ReturnType<typeof toXml>['kept']
  targets: Array<{entry: CatalogEntry; catalog: string}>
}

type Memory = Record<string, string>

async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T
  } catch {
    return fallback
  }
}

export async function machineTranslate(options: MachineTranslateOptions): Promise<MachineTranslateResult> {
  const project = await loadProject(options)
  const languages = targetLanguages(project.languages, project.config.source, options.langs)
  const result: MachineTranslateResult = {files: [], plan: [], drafted: 0, billed: 0, usage: undefined, stopped: undefined}
  const key = options.env.DEEPL_AUTH_KEY
  if (!key && !options.dryRun) throw new ProjectError('Missing DEEPL_AUTH_KEY, expected the DeepL API key in that environment variable (it is never read from the config)')

  const glossary = await readGlossary(project.root, project.translationsDir)
  if (glossary.file?.messages.some((message) => message.fatal)) return {...result, files: [glossary.file]}
  const sources = await segmentedSources(project)
  const catalogs = (await loadCatalogs(project, sources.documents, languages)).filter((catalog) => catalog.merge)
  result.files.push(...sources.files, ...catalogs.map((catalog) => catalog.file))
  const cacheDir = path.join(project.root, '.policy-press-cache')
  const memoryFile = path.join(cacheDir, 'deepl-memory.json')
  const memory = await readJson<Memory>(memoryFile, {})
  const date = options.date ?? new Date().toISOString().slice(0, 10)

  // What to send, per language: each distinct text once.
  const work = new Map<string, Map<string, Job>>()
  for (const catalog of catalogs) {
    const formality = formalityFor(catalog.lang, project.config.deepl.formality[catalog.lang])
    for (const entry of catalog.merge!.catalog.entries) {
      const state = stateOf(entry)
      // A translation imported with its pairing in doubt is a person's work waiting for a check, not a stale one.
      const wanted = state === 'missing' || (options.stale && state === 'stale' && !needsAlignmentCheck(entry))
      if (!wanted) continue
      const segment = toXml(entry.msgid, (entry.msgid.match(/\[\^([^\]]+)\]/g) ?? []).map((item) => item.slice(2, -1)))
      if (segment.xml.trim() === '') continue
      const memoryKey = createHash('sha256').update([segment.xml, catalog.lang, glossary.hash, formality ?? ''].join('\0')).digest('hex')
      const jobs = work.get(catalog.lang) ?? new Map<string, Job>()
      work.set(catalog.lang, jobs)
      const job = jobs.get(memoryKey) ?? {key: memoryKey, xml: segment.xml, kept: segment.kept, targets: []}
      job.targets.push({entry, catalog: catalog.path})
      jobs.set(memoryKey, job)
    }
  }
  for (const lang of languages) {
    const jobs = [...(work.get(lang)?.values() ?? [])]
    const toSend = jobs.filter((job) => memory[job.key] === undefined)
    result.plan.push({
      lang,
      segments: jobs.reduce((sum, job) => sum + job.targets.length, 0),
      texts: toSend.length,
      characters: toSend.reduce((sum, job) => sum + job.xml.length, 0)
    })
  }
  if (options.dryRun) return result

  const byPath = new Map(catalogs.map((catalog) => [catalog.path, catalog]))
  const apply = (job: Job, xml: string): void => {
    let text: string
    try {
      text = fromXml(xml, job.kept)
    } catch (error) {
      // A draft that lost a link, code span or footnote is not written: the entry stays as it was.
      for (const {entry, catalog} of job.targets) {
        byPath.get(catalog)!.file.message(`${(error as Error).message}; draft not used`, {
          place: {line: entry.line || 1, column: 1},
          ruleId: 'machine-translation',
          source: 'policy-press'
        })
      }
      return
    }
    for (const {entry} of job.targets) {
      // A stale human translation is kept in the comment, so nothing a translator wrote is lost.
      const old = entry.msgstr !== '' ? `\nprevious translation: ${entry.msgstr.replace(/\n/g, ' ')}` : ''
      entry.msgstr = text
      entry.fuzzy = true
      entry.previous = undefined
      entry.translator = `machine translation: DeepL, ${date}${old}`
      result.drafted++
    }
  }
  const save = async (jobs: Job[]): Promise<void> => {
    for (const file of new Set(jobs.flatMap((job) => job.targets.map((target) => target.catalog)))) {
      const catalog = byPath.get(file)!
      await writeCatalog(catalog.path, catalog.merge!.catalog, catalog.exists ? String(catalog.file.value) : undefined)
      catalog.file.value = (await fs.readFile(catalog.path, 'utf8'))
      catalog.exists = true
    }
    await writeAtomic(memoryFile, JSON.stringify(memory))
  }

  // What the memory already knows costs nothing.
  const remembered = [...work.values()].flatMap((jobs) => [...jobs.values()]).filter((job) => memory[job.key] !== undefined)
  for (const job of remembered) apply(job, memory[job.key]!)
  if (remembered.length > 0) await save(remembered)

  const total = result.plan.reduce((sum, plan) => sum + plan.texts, 0)
  if (total === 0) return result
  const deepl = await import('deepl-node')
  const client = new deepl.DeepLClient(key!, {
    serverUrl: options.serverUrl ?? project.config.deepl.serverUrl,
    maxRetries: options.maxRetries ?? 5,
    minTimeout: options.timeout ?? 20_000,
    appInfo: {appName: 'policy-press', appVersion: '1'}
  })
  let done = 0
  try {
    const glossaryId = await ensureGlossary(client, glossary, project.config.source, languages, cacheDir)
    for (const lang of languages) {
      const jobs = [...(work.get(lang)?.values() ?? [])].filter((job) => memory[job.key] === undefined)
      const formality = formalityFor(lang, project.config.deepl.formality[lang])
      for (const batch of batches(jobs)) {
        const results = await client.translateText(
          batch.map((job) => job.xml),
          project.config.source as never,
          (targetCodes[lang] ?? lang) as never,
          {
            tagHandling: 'xml',
            ignoreTags: ['x'],
            ...(formality ? {formality: formality as never} : {}),
            ...(glossaryId && Object.keys(entriesFor(glossary, lang)).length > 0 ? {glossary: glossaryId} : {})
          }
        )
        results.forEach((translated, index) => {
          const job = batch[index]!
          memory[job.key] = translated.text
          result.billed += translated.billedCharacters ?? job.xml.length
          apply(job, translated.text)
        })
        await save(batch)
        done += batch.length
        options.onProgress?.(done, total)
      }
    }
  } catch (error) {
    result.stopped = explain(error as Error)
  }
  try {
    const usage = await client.getUsage()
    if (usage.character) result.usage = {count: usage.character.count, limit: usage.character.limit}
  } catch {
    // Usage is a courtesy; the run's result stands without it.
  }
  return result
}

/** Split into requests of at most 50 texts and 120 KiB, in order. */
export function batches<T extends {xml: string}>(jobs: T[]): T[][] {
  const result: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const job of jobs) {
    const size = Buffer.byteLength(encodeURIComponent(job.xml)) + 6
    if (current.length > 0 && (current.length >= maxTexts || bytes + size > maxBytes)) {
      result.push(current)
      current = []
      bytes = 0
    }
    current.push(job)
    bytes += size
  }
  if (current.length > 0) result.push(current)
  return result
}

function explain(error: Error): string {
  // deepl-node's error classes say what went wrong; their names are the class names.
  switch (error.constructor.name) {
    case 'QuotaExceededError':
      return 'DeepL quota exceeded (456): the account has no characters left this period. Every batch before this one is saved; run again when the quota allows.'
    case 'AuthorizationError':
      return 'DeepL refused the key (403): check DEEPL_AUTH_KEY, and that a Free key (ending in ":fx") goes to the Free API and a Pro key to the Pro API.'
    case 'TooManyRequestsError':
      return 'DeepL kept answering "too many requests" (429) after every retry: try again later.'
    case 'ConnectionError':
      return `Cannot reach DeepL (${error.message}): check the network and --server-url; the request timed out or the connection failed.`
    default:
      return `DeepL failed: ${error.message}`
  }
}

interface GlossaryState {
  hash: string
  id: string
}

/** The DeepL glossary for the current terms: reused while they are unchanged, replaced when they change. */
async function ensureGlossary(
  client: import('deepl-node').DeepLClient,
  glossary: Awaited<ReturnType<typeof readGlossary>>,
  source: string,
  languages: string[],
  cacheDir: string
): Promise<string | undefined> {
  const dictionaries = languages
    .map((lang) => ({lang, entries: entriesFor(glossary, lang)}))
    .filter((item) => Object.keys(item.entries).length > 0)
  if (dictionaries.length === 0) return undefined
  const stateFile = path.join(cacheDir, 'deepl-glossary.json')
  const state = await readJson<GlossaryState | undefined>(stateFile, undefined)
  const deepl = await import('deepl-node')
  if (state?.hash === glossary.hash) {
    try {
      await client.getMultilingualGlossary(state.id)
      return state.id
    } catch {
      // Gone on the server: make it again.
    }
  } else if (state) {
    await client.deleteMultilingualGlossary(state.id).catch(() => {})
  }
  const created = await client.createMultilingualGlossary(
    `policy-press ${glossary.hash}`,
    dictionaries.map(({lang, entries}) => ({sourceLangCode: source, targetLangCode: lang, entries: new deepl.GlossaryEntries({entries})}))
  )
  await writeAtomic(stateFile, JSON.stringify({hash: glossary.hash, id: created.glossaryId}))
  return created.glossaryId
}
