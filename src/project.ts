/**
 * The project: where its documents, translations and templates are, which
 * languages it builds. One `Project` value is made at the start of a run and
 * handed to every stage; nothing downstream looks at the file system to find
 * these again.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {BoundaryError, folderInside, resolveInside} from './boundary.js'
import {type Config, loadConfig} from './config.js'
import {ProjectError} from './project-error.js'

/** The templates shipped with policy-press, used when the project has none of its own. */
export const packageTemplates = fileURLToPath(new URL('../templates/', import.meta.url))
/** Files the package uses as they are (an ICC profile). */
export const packageResources = fileURLToPath(new URL('../resources/', import.meta.url))

export interface DocumentSource {
  /** File name without `.md`, or the folder's name: `dist/<lang>/<slug>.html`. */
  slug: string
  /** Chapter files relative to the root, in reading order (one for a single-file document). */
  files: string[]
  /** `true` for a folder of chapters. */
  folder: boolean
}

export interface Project {
  root: string
  config: Config
  /** The config file with its messages, if there is a config file. */
  configFile: VFile | undefined
  /** Languages this run builds: the source first, then the targets (or those chosen with `--lang`). */
  languages: string[]
  /** Every language of the project, whatever this run builds: for language switchers. */
  allLanguages: string[]
  documents: DocumentSource[]
  /** Every document under `documents/`, whatever this run builds: links resolve against all of them. */
  allDocuments: DocumentSource[]
  /** Slugs of every document under `documents/`. */
  allSlugs: string[]
  /** Folders searched for templates, the project's own first. */
  templateDirs: string[]
  translationsDir: string
}

export interface ProjectOptions {
  root: string
  /** Only these languages (default: all). */
  langs?: string[] | undefined
  /** Only these document slugs (default: all). */
  docs?: string[] | undefined
}

export {ProjectError}

const markdownExtension = /\.md$/i

/** Whether a directory entry is a folder, following a symbolic link (a broken one is no folder). */
async function isFolder(entry: import('node:fs').Dirent, full: string): Promise<boolean> {
  if (entry.isDirectory()) return true
  if (!entry.isSymbolicLink()) return false
  return (await fs.stat(full).catch(() => undefined))?.isDirectory() === true
}

async function listDocuments(documentsDir: string, root: string): Promise<DocumentSource[]> {
  let entries: import('node:fs').Dirent[]
  try {
    entries = await fs.readdir(documentsDir, {withFileTypes: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const documents: DocumentSource[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
    const full = path.join(documentsDir, entry.name)
    if (await isFolder(entry, full)) {
      // A linked folder that leaves the project is not listed: it stands as one file, which read refuses.
      if (!(await folderInside(root, full))) {
        documents.push({slug: entry.name, files: [path.relative(root, full)], folder: true})
        continue
      }
      const chapters = (await fs.readdir(full, {withFileTypes: true}))
        .filter((chapter) => (chapter.isFile() || chapter.isSymbolicLink()) && markdownExtension.test(chapter.name) && !chapter.name.startsWith('.'))
        .map((chapter) => chapter.name)
        .sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))
      if (chapters.length > 0) {
        documents.push({slug: entry.name, files: chapters.map((name) => path.relative(root, path.join(full, name))), folder: true})
      }
    } else if ((entry.isFile() || entry.isSymbolicLink()) && markdownExtension.test(entry.name)) {
      // A symbolic link counts as a file, so a broken one, or one that leaves the project, is reported when read.
      documents.push({slug: entry.name.replace(markdownExtension, ''), files: [path.relative(root, full)], folder: false})
    }
  }
  return documents.sort((a, b) => a.slug.localeCompare(b.slug, 'en'))
}

/** A folder of the project that is a symbolic link out of it is a usage error: nothing in it is read. */
async function checkFolder(root: string, name: string): Promise<void> {
  try {
    await resolveInside(root, path.join(root, name))
  } catch (error) {
    if (error instanceof BoundaryError) throw new ProjectError(`${name}/: ${error.message}`)
  }
}

function select<T>(all: T[], wanted: string[] | undefined, key: (item: T) => string, what: string): T[] {
  if (!wanted || wanted.length === 0) return all
  const known = new Map(all.map((item) => [key(item), item]))
  const unknown = wanted.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    const list = [...known.keys()].map((name) => `\`${name}\``).join(', ') || 'none'
    throw new ProjectError(`Unknown ${what} ${unknown.map((name) => `\`${name}\``).join(', ')}, expected one of ${list}`)
  }
  return wanted.map((name) => known.get(name)!)
}

/**
 * Find the project at `root`. Throws a `ProjectError` for bad usage (an
 * unknown `--lang` or `--doc`, a root that does not exist); config errors are
 * messages on `configFile` instead.
 */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  const root = path.resolve(options.root)
  const stat = await fs.stat(root).catch(() => undefined)
  if (!stat?.isDirectory()) throw new ProjectError(`Cannot find the folder \`${options.root}\` given as root`)
  // Without documents/ this is not a project (a command run in the wrong folder): nothing is read or written.
  const documentsStat = await fs.stat(path.join(root, 'documents')).catch(() => undefined)
  if (!documentsStat?.isDirectory()) {
    throw new ProjectError(`Cannot find the folder \`documents/\` in \`${root}\`, expected the Markdown documents of a project there (\`policy-press init\` starts one)`)
  }
  const {config, file: configFile} = await loadConfig(root)
  const allLanguages = [config.source, ...config.targets]
  // Folders read from, and those written to by default (PO files, output, caches): a link out of the project
  // would let a pull request read, or overwrite, files elsewhere on the machine.
  const folders = ['documents', 'translations', 'templates', 'dist', 'xliff', '.policy-press-cache', ...allLanguages.map((lang) => `translations/${lang}`)]
  for (const folder of folders) await checkFolder(root, folder)
  const languages = select(allLanguages, options.langs, (lang) => lang, 'language')
  const allDocuments = await listDocuments(path.join(root, 'documents'), root)
  const documents = select(
    allDocuments,
    options.docs,
    (document) => document.slug,
    'document'
  )
  const ownTemplates = path.join(root, 'templates')
  const hasOwn = (await fs.stat(ownTemplates).catch(() => undefined))?.isDirectory()
  return {
    root,
    config,
    configFile,
    languages,
    allLanguages,
    documents,
    allDocuments,
    allSlugs: allDocuments.map((document) => document.slug),
    templateDirs: hasOwn && path.resolve(ownTemplates) !== path.resolve(packageTemplates) ? [ownTemplates, packageTemplates] : [packageTemplates],
    translationsDir: path.join(root, 'translations')
  }
}
