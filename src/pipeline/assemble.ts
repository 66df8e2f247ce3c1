/**
 * assemble: put the shards of a build (one folder per machine, each with its
 * shard manifest) back together into one site, exactly: every job of the plan
 * must be in exactly one shard, shards must agree on every file they share,
 * and only then is anything written: their outputs, the index of the whole
 * site and the build manifest. The result is the site a single build of the
 * same inputs writes, byte for byte.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {loadTemplates} from '../html/templates.js'
import {loadProject} from '../project.js'
import {loadUiStrings} from '../ui-strings.js'
import {version} from '../version.js'
import {filesOf, writeManifest} from './fingerprint.js'
import {plan} from './plan.js'
import {renderIndex} from './render-index.js'
import {readShardManifest, type ShardManifest} from './shard.js'
import {type SiteDocument, siteDocuments} from './site-record.js'
import {write} from './write.js'

export interface AssembleOptions {
  root: string
  out?: string | undefined
  /** The shards' output folders. */
  shards: string[]
}

export interface AssembleResult {
  /** Why the shards cannot be assembled; when there is any, nothing was written. */
  errors: string[]
  /** The shards' messages, as files. */
  files: VFile[]
  jobs: number
  written: number
  unchanged: number
  out: string
}

export async function assemble(options: AssembleOptions): Promise<AssembleResult> {
  const project = await loadProject({root: options.root})
  const out = path.resolve(project.root, options.out ?? 'dist')
  const result: AssembleResult = {errors: [], files: [], jobs: 0, written: 0, unchanged: 0, out}
  const shards: Array<{dir: string; manifest: ShardManifest}> = []
  for (const dir of options.shards) {
    const manifest = await readShardManifest(dir)
    if (typeof manifest === 'string') result.errors.push(manifest)
    else shards.push({dir, manifest})
  }
  if (result.errors.length > 0 || shards.length === 0) return {...result, errors: result.errors.length > 0 ? result.errors : ['Missing shard folders, expected `policy-press assemble SHARD_DIR…`']}

  const formats = shards[0]!.manifest.formats
  const planned = await plan(project, formats)
  const name = ({dir, manifest}: (typeof shards)[number]) => `shard ${manifest.shard.index}/${manifest.shard.total} (\`${dir}\`)`
  for (const shard of shards) {
    if (shard.manifest.plan !== planned.id) {
      result.errors.push(`Unexpected plan \`${shard.manifest.plan}\` in ${name(shard)}, expected \`${planned.id}\`: it was built from other documents, languages or formats than this checkout's`)
    }
  }
  const builtBy = new Map<string, string[]>()
  for (const shard of shards) for (const job of shard.manifest.jobs) builtBy.set(job, [...(builtBy.get(job) ?? []), name(shard)])
  for (const job of planned.jobs) {
    const by = builtBy.get(job.id) ?? []
    if (by.length === 0) result.errors.push(`Missing job \`${job.id}\`: no shard given built it`)
    if (by.length > 1) result.errors.push(`Unexpected job \`${job.id}\` in ${by.join(' and ')}, expected it in one shard`)
  }
  const planIds = new Set(planned.jobs.map((job) => job.id))
  for (const [job, by] of builtBy) if (!planIds.has(job)) result.errors.push(`Unexpected job \`${job}\` in ${by.join(' and ')}, expected only jobs of the plan`)
  // Files every shard writes (styles, fonts, shared images) must be the same everywhere.
  const files = new Map<string, {sha256: string; from: string; shard: string}>()
  for (const shard of shards) {
    for (const output of shard.manifest.outputs) {
      const seen = files.get(output.path)
      if (seen && seen.sha256 !== output.sha256) result.errors.push(`Unexpected different \`${output.path}\` in ${seen.shard} and ${name(shard)}, expected the same file`)
      if (!seen) files.set(output.path, {sha256: output.sha256, from: path.join(shard.dir, output.path), shard: name(shard)})
    }
  }
  if (result.errors.length > 0) return result

  // The site: each document's languages from the shards that built them.
  const site = new Map<string, SiteDocument>()
  for (const shard of shards) {
    for (const document of shard.manifest.site) {
      site.set(document.slug, {...document, languages: {...site.get(document.slug)?.languages, ...document.languages}})
    }
  }
  const ui = await loadUiStrings(project.translationsDir, project.root, project.allLanguages)
  const context = {project, templates: loadTemplates(project.templateDirs), strings: ui.strings, version}
  const documents = siteDocuments(site, project)
  const copied = await write(out, [], [...files].map(([file, {from}]) => ({path: file, from})))
  const index = formats.includes('html') ? await write(out, [renderIndex(documents, context)], []) : {written: 0, unchanged: 0, outputs: []}
  // Every shard repeats what concerns the whole project (a config or UI-strings warning): each is reported once.
  const messages = [...new Map(shards.flatMap((shard) => shard.manifest.messages).map((message) => [JSON.stringify(message), message])).values()]
  await writeManifest(project, out, {
    // Assembled, not built here: the next build of this folder checks its inputs again.
    fingerprint: '',
    outputs: [...copied.outputs, ...index.outputs].sort((a, b) => a.path.localeCompare(b.path)),
    messages,
    documents: {built: documents.length, skipped: 0},
    site: documents
  })
  return {...result, files: filesOf(messages, project.root), jobs: planned.jobs.length, written: copied.written + index.written, unchanged: copied.unchanged + index.unchanged}
}
