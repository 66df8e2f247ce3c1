/** Shared test helpers: temporary projects on disk and the shipped command line run as users run it. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {execFile, spawn} from 'node:child_process'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {parseCatalog, serializeCatalog} from '../src/catalog/po.js'

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

/** The command as users run it: the shipped bin/policy-press.js, which loads the bundle in lib/. */
export const bin = path.join(repoRoot, 'bin/policy-press.js')

/** A stack trace's frame line ("    at fn (file:1:2)"): no output of ours may ever show one. */
const stackFrame = /^\s+at .*(?:\(|\s)(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+\)?$/m

/** Fails when `text` holds a stack trace: a crash, or an error printed with its stack. */
export function assertNoStackTrace(text: string, what = 'output'): void {
  const frame = stackFrame.exec(text)
  if (frame) throw new Error(`Unexpected stack trace in the ${what}:\n${text}`)
}

/** The environment a command runs in: this machine's essentials, no CI and no key unless a test gives them. */
export function cliEnv(env: Record<string, string> = {}): Record<string, string> {
  // SOURCE_DATE_EPOCH (vitest.config.ts) dates PO files, so that runs a minute apart write the same bytes.
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'PUPPETEER_EXECUTABLE_PATH', 'SOURCE_DATE_EPOCH']
  return {...Object.fromEntries(keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]]))), ...env}
}

/**
 * Run the shipped command (`node bin/policy-press.js`, the bundle; or `command`, e.g. an installed package's bin)
 * in a child process with non-TTY streams.
 * A stack trace in its output fails the test, whatever the test asserts.
 */
export async function runCli(argv: string[], cwd: string = repoRoot, env: Record<string, string> = {}, command: string = bin): Promise<CliRun> {
  const child = spawn(process.execPath, [command, ...argv], {cwd, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exit, signal) => resolve(exit ?? (signal ? 128 : 1)))
  })
  assertNoStackTrace(stdout, `output of \`policy-press ${argv.join(' ')}\``)
  assertNoStackTrace(stderr, `errors of \`policy-press ${argv.join(' ')}\``)
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

/** GNU gettext's own check of a PO file; rejects on any error, and on any warning (such as a missing header field). */
export async function msgfmtCheck(file: string): Promise<void> {
  const {stderr} = await run('msgfmt', ['--check', '-o', '/dev/null', file])
  if (stderr !== '') throw new Error(`msgfmt --check warns about ${file}:\n${stderr}`)
}

/** Translate every entry of a PO file, as a translator would. */
export async function translateAll(file: string, prefix = '[de] '): Promise<void> {
  const text = await fs.readFile(file, 'utf8')
  const catalog = parseCatalog(text, new VFile())!
  for (const entry of catalog.entries) entry.msgstr = `${prefix}${entry.msgid}`
  await fs.writeFile(file, serializeCatalog(catalog))
}

