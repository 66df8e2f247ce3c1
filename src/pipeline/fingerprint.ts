/**
 * Skip a build whose inputs did not change. The fingerprint is a hash of
 * every input a build reads (documents and their files, config, UI strings,
 * templates, the policy-press version, the options); the manifest records it
 * with the outputs written and the messages reported, so a rebuild with
 * nothing changed checks the outputs are still there, repeats the warnings,
 * and does no other work. Builds with errors are never recorded.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {readProjectFile} from '../boundary.js'
import {configFileName} from '../config.js'
import type {Project} from '../project.js'
import {packageTranslations} from '../ui-strings.js'
import {codeFolder, version} from '../version.js'
import type {SiteDocument} from './site-record.js'
import {writeAtomic} from '../write-atomic.js'

export interface Manifest {
  fingerprint: string
  outputs: Array<{path: string; size: number}>
  messages: Array<{file: string; reason: string; line?: number; column?: number; endLine?: number; endColumn?: number; ruleId?: string; source?: string}>
  documents: {built: number; skipped: number}
  /** Every document with pages in the output, whatever this build built (site-record.ts). */
  site: SiteDocument[]
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {withFileTypes: true, recursive: true}).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

/** The compiled code of policy-press itself, by size and time: a new build of it is a new input. */
async function codeStamp(): Promise<string> {
  const files = (await listFiles(codeFolder)).filter((file) => file.endsWith('.js'))
  const stats = await Promise.all(files.map((file) => fs.stat(file)))
  return stats.map((stat, index) => `${files[index]}:${stat.size}:${stat.mtimeMs}`).join('\n')
}

export async function fingerprint(project: Project, options: object): Promise<string> {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({version, options, languages: project.languages, all: project.allLanguages}))
  hash.update(await codeStamp())
  const uiFiles = [...new Set([project.translationsDir, packageTranslations])].flatMap((dir) =>
    [...new Set(['en', ...project.languages])].map((lang) => path.join(dir, lang, 'ui.yaml'))
  )
  const files = [
    path.join(project.root, configFileName),
    ...uiFiles,
    ...(await listFiles(project.translationsDir)).filter((file) => file.endsWith('.po')),
    ...(await listFiles(path.join(project.root, 'documents'))),
    ...(await Promise.all(project.templateDirs.map(listFiles))).flat()
  ]
  // Through the boundary: a link out of the project (to `/dev/zero`, say) is hashed as missing, never read.
  const contents = await Promise.all(files.map((file) => readProjectFile(project.root, file, {maxBytes: Number.POSITIVE_INFINITY}).catch(() => undefined)))
  for (const [index, file] of files.entries()) {
    hash.update(`\0${file}\0`)
    hash.update(contents[index] ?? '<missing>')
  }
  return hash.digest('hex')
}

function manifestPath(project: Project, out: string): string {
  const key = createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16)
  return path.join(project.root, '.policy-press-cache', `build-${key}.json`)
}

/**
 * The manifest of the last build into `out` (undefined before the first): read once per build, for both the
 * fingerprint and the site it recorded.
 */
export async function readManifest(project: Project, out: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readProjectFile(project.root, manifestPath(project, out), {}, 'utf8'))
  } catch {
    return undefined
  }
}

/** Whether `manifest` was made with this fingerprint and its outputs are intact: nothing to build. */
export async function isCurrent(manifest: Manifest | undefined, print: string, out: string): Promise<boolean> {
  if (!manifest || manifest.fingerprint !== print) return false
  const sizes = await Promise.all(
    manifest.outputs.map((output) => fs.stat(path.join(out, output.path)).then((stat) => stat.size, () => -1))
  )
  return sizes.every((size, index) => size === manifest.outputs[index]!.size)
}

export async function writeManifest(project: Project, out: string, manifest: Manifest): Promise<void> {
  await writeAtomic(manifestPath(project, out), JSON.stringify(manifest))
}

export function messagesOf(files: VFile[]): Manifest['messages'] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      reason: message.reason,
      line: message.place && 'start' in message.place ? message.place.start.line : (message.line ?? undefined),
      column: message.place && 'start' in message.place ? message.place.start.column : (message.column ?? undefined),
      endLine: message.place && 'end' in message.place ? message.place.end.line : undefined,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : undefined,
      ruleId: message.ruleId ?? undefined,
      source: message.source ?? undefined
    }))
  )
}

/** The warnings of a recorded build, as files with messages again. */
export function filesOf(messages: Manifest['messages'], cwd: string): VFile[] {
  const files = new Map<string, VFile>()
  for (const message of messages) {
    let file = files.get(message.file)
    if (!file) {
      file = new VFile({path: message.file, cwd})
      files.set(message.file, file)
    }
    const start = message.line === undefined ? undefined : {line: message.line, column: message.column ?? 1}
    const end = message.endLine === undefined ? undefined : {line: message.endLine, column: message.endColumn ?? 1}
    file.message(message.reason, {
      place: start && end ? {start, end} : start,
      ...(message.ruleId ? {ruleId: message.ruleId} : {}),
      ...(message.source ? {source: message.source} : {})
    })
  }
  return [...files.values()]
}
