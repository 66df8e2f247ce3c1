/** Shared test helpers: temporary projects on disk and the CLI run in-process. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {parseCatalog, serializeCatalog} from '../src/catalog/po.js'
import {main} from '../src/cli/main.js'

export const repoRoot = path.resolve(import.meta.dirname, '..')

const made: string[] = []

/** Remove every folder `makeProject` made (run after each test file, see tests/setup.ts). */
export async function removeProjects(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, {recursive: true, force: true})))
}

/** Write `files` (path → contents) into a new temporary folder and return it. */
export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-test-'))
  made.push(root)
  for (const [name, contents] of Object.entries(files)) {
    const full = path.join(root, name)
    await fs.mkdir(path.dirname(full), {recursive: true})
    await fs.writeFile(full, contents)
  }
  return root
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Run the command line in-process with captured, non-TTY streams. */
export async function runCli(argv: string[], cwd: string = repoRoot): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: {write: (chunk: string) => (stdout += chunk)},
    stderr: {write: (chunk: string) => (stderr += chunk)},
    cwd,
    env: {}
  })
  return {code, stdout, stderr}
}

/** The body of a built page: what the Markdown became, without the page template. */
export function pageBody(html: string): string {
  const match = /<div class="document-body" lang="[^"]*">\n([\s\S]*?)\n\s*<\/div>\s*<\/main>/.exec(html)
  if (!match) throw new Error('No document body in page')
  return match[1]!
}

/** Compare with a golden file; `UPDATE=1` rewrites it instead. */
export async function golden(file: string, actual: string): Promise<string> {
  if (process.env.UPDATE) {
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(file, actual)
    return actual
  }
  return fs.readFile(file, 'utf8')
}

const run = promisify(execFile)

/** GNU gettext's own check of a PO file; rejects on any error. */
export async function msgfmtCheck(file: string): Promise<void> {
  await run('msgfmt', ['--check', '-o', '/dev/null', file])
}

/** Translate every entry of a PO file, as a translator would. */
export async function translateAll(file: string, prefix = '[de] '): Promise<void> {
  const text = await fs.readFile(file, 'utf8')
  const catalog = parseCatalog(text, new VFile())!
  for (const entry of catalog.entries) entry.msgstr = `${prefix}${entry.msgid}`
  await fs.writeFile(file, serializeCatalog(catalog))
}

