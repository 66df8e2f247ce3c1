/**
 * The project boundary: a file that a project names (a document, a linked
 * image, a PO file, a template, the config) is read only when its real
 * path, after every symbolic link is followed, is inside the project's own
 * real root, is a regular file, and is no larger than the size limit.
 *
 * A pull request can add a symbolic link as easily as a Markdown file, and
 * whatever a build reads may end up published (a linked image is copied to
 * `media/`) or quoted in a message in public CI logs. So a link that leaves
 * the project (`chart.png → /etc/passwd`, `env.txt → /proc/self/environ`)
 * is refused before anything of its target is opened; a link that stays
 * inside the project keeps working. `/proc`, `/dev` and `/sys` are never
 * read, whatever names them: their files are the machine's and the build's
 * own secrets, or never end (`/dev/zero`).
 *
 * Paths outside the project that nobody in it chose (the templates and UI
 * strings shipped with policy-press, a file named on the command line) are
 * not the project's to judge: only the three system folders are refused
 * there.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Largest file read by default, in bytes: far above any real document, PO file or image a policy paper links to. */
export const defaultMaxBytes = 10 * 1024 * 1024

const systemFolders = ['/proc', '/dev', '/sys']

/**
 * The templates and UI strings shipped with policy-press, real paths: they
 * may sit inside a project (`node_modules/policy-press`) behind a link out
 * of it (`npm link`, workspaces), and are read all the same. Nothing else
 * of the package is.
 */
const ownFolders = ['../templates/', '../translations/'].map((folder) => fileURLToPath(new URL(folder, import.meta.url)))
let ownReal: string[] | undefined
function isOwn(real: string): boolean {
  ownReal ??= ownFolders.map((folder) => {
    try {
      return fs.realpathSync(folder)
    } catch {
      return folder
    }
  })
  return ownReal.some((folder) => isWithin(folder, real))
}

/** Why a file is not read; `code` lets callers that expect `ENOENT` and the like tell these apart. */
export class BoundaryError extends Error {
  constructor(
    message: string,
    readonly code: 'EOUTSIDE' | 'ESYSTEM' | 'ENOTFILE' | 'ETOOLARGE'
  ) {
    super(message)
    this.name = 'BoundaryError'
  }
}

/** The rule id of a message about a file that cannot be read. */
export function readErrorRule(error: unknown): string {
  if (!(error instanceof BoundaryError)) return 'unreadable'
  return error.code === 'ETOOLARGE' ? 'file-too-large' : error.code === 'ENOTFILE' ? 'unreadable' : 'outside-project'
}

export interface ReadLimits {
  /** Largest file to read, in bytes (default: 10 MiB). */
  maxBytes?: number | undefined
}

function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} kB`
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
}

function systemFolder(real: string): string | undefined {
  return systemFolders.find((folder) => isWithin(folder, real))
}

/** The error for `file` (named inside `root`) whose real path is `real`, or `undefined` when it may be read. */
function judge(root: string, realRoot: string, file: string, real: string): BoundaryError | undefined {
  const system = systemFolder(real)
  if (system) return new BoundaryError(`Unexpected path into \`${system}\` (\`${real}\`), expected a file of the project: \`${system}\` is never read`, 'ESYSTEM')
  if (isWithin(root, file) && !isWithin(realRoot, real) && !isOwn(real)) {
    return new BoundaryError(`Unexpected symbolic link to \`${real}\`, outside the project, expected a file inside the project`, 'EOUTSIDE')
  }
  return undefined
}

/**
 * The real path of `file` once it is known to stay inside the project at
 * `root` (both absolute). Throws the file system's own error for a missing
 * file or a loop of links, a `BoundaryError` for one that leaves the project.
 */
export async function resolveInside(root: string, file: string): Promise<string> {
  const [realRoot, real] = await Promise.all([fsp.realpath(root), fsp.realpath(file)])
  const error = judge(root, realRoot, file, real)
  if (error) throw error
  return real
}

/** `resolveInside`, synchronous: for the stages that run without awaiting. */
export function resolveInsideSync(root: string, file: string): string {
  const real = fs.realpathSync(file)
  const error = judge(root, fs.realpathSync(root), file, real)
  if (error) throw error
  return real
}

function checkSize(size: number, limits: ReadLimits): void {
  const max = limits.maxBytes ?? defaultMaxBytes
  if (size > max) throw new BoundaryError(`Unexpected file of ${megabytes(size)}, expected at most ${megabytes(max)} (\`limits.fileSize\` in the config)`, 'ETOOLARGE')
}

function checkStat(stat: fs.Stats, limits: ReadLimits): void {
  // A folder or a device would block, or read forever.
  if (!stat.isFile()) throw new BoundaryError('Unexpected special file or folder, expected a regular file', 'ENOTFILE')
  checkSize(stat.size, limits)
}

/**
 * Read `file` of the project at `root` (both absolute), after checking that
 * it stays inside the project, is a regular file and is not too large.
 * Throws like `fs.readFile` (`ENOENT`…), or a `BoundaryError`.
 */
export async function readProjectFile(root: string, file: string, limits?: ReadLimits): Promise<Buffer>
export async function readProjectFile(root: string, file: string, limits: ReadLimits, encoding: 'utf8'): Promise<string>
export async function readProjectFile(root: string, file: string, limits: ReadLimits = {}, encoding?: 'utf8'): Promise<Buffer | string> {
  const real = await resolveInside(root, file)
  checkStat(await fsp.stat(real), limits)
  const contents = await fsp.readFile(real)
  // The file may have grown since it was measured.
  checkSize(contents.length, limits)
  return encoding ? contents.toString(encoding) : contents
}

/** `readProjectFile`, synchronous. */
export function readProjectFileSync(root: string, file: string, limits: ReadLimits = {}): string {
  const real = resolveInsideSync(root, file)
  checkStat(fs.statSync(real), limits)
  return fs.readFileSync(real, 'utf8')
}

/**
 * Whether `file` (absolute) is a regular file inside the project at `root`
 * that may be copied: the real path to copy it from, `undefined` for no such
 * file, or the error that refuses it.
 */
export function checkProjectFileSync(root: string, file: string, limits: ReadLimits = {}): {real: string} | {error: BoundaryError} | undefined {
  let real: string
  try {
    real = resolveInsideSync(root, file)
  } catch (error) {
    if (error instanceof BoundaryError) return {error}
    return undefined
  }
  try {
    checkStat(fs.statSync(real), limits)
  } catch (error) {
    if (error instanceof BoundaryError) return error.code === 'ENOTFILE' ? undefined : {error}
    return undefined
  }
  return {real}
}

/** Whether the folder `dir` of the project at `root` may be listed: `false` when it is missing or leaves the project. */
export async function folderInside(root: string, dir: string): Promise<boolean> {
  try {
    const real = await resolveInside(root, dir)
    return (await fsp.stat(real)).isDirectory()
  } catch {
    return false
  }
}

/**
 * `readProjectFileSync` for the many files of one project (the 24,000 PO
 * files of 1,000 documents × 24 languages): the root's and each folder's
 * real path are found once. A file that is not itself a symbolic link is
 * where its folder's real path says, so it is judged by that without asking
 * for its own; a link is resolved and judged as `readProjectFileSync` does.
 * Reading synchronously is about four times faster than through the
 * promise API for small files, and nothing else runs meanwhile.
 */
export function projectFileReader(root: string, limits: ReadLimits = {}): (file: string) => Buffer {
  const realRoot = fs.realpathSync(root)
  // A folder's real path, and whether every file directly in it may be read (judged once, as one of its files).
  const folders = new Map<string, {real: string; inside: boolean}>()
  const folderOf = (folder: string) => {
    let found = folders.get(folder)
    if (found === undefined) {
      const real = fs.realpathSync(folder)
      found = {real, inside: judge(root, realRoot, path.join(folder, 'file'), path.join(real, 'file')) === undefined}
      folders.set(folder, found)
    }
    return found
  }
  return (file) => {
    const stat = fs.lstatSync(file)
    const link = stat.isSymbolicLink()
    const folder = link ? undefined : folderOf(path.dirname(file))
    const real = folder ? path.join(folder.real, path.basename(file)) : fs.realpathSync(file)
    if (!folder?.inside) {
      const error = judge(root, realRoot, file, real)
      if (error) throw error
    }
    checkStat(link ? fs.statSync(real) : stat, limits)
    const contents = fs.readFileSync(real)
    checkSize(contents.length, limits)
    return contents
  }
}
