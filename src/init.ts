/**
 * init: a new publication repository that builds and publishes on its first
 * push: config, one example document translated into every target language
 * (so the workflow's gate passes), its PO files, the publish workflow, and a
 * package.json that depends on policy-press in a way that installs. An
 * existing publication is never overwritten.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {configFileName} from './config.js'
import {importTranslation} from './catalog/import.js'
import {sync} from './catalog/sync.js'
import {packageTemplates, ProjectError} from './project.js'
import {version} from './version.js'

/** Files whose names npm would not publish as they are. */
const renamed: Record<string, string> = {gitignore: '.gitignore'}

/** The folder policy-press runs from: the installed package, or this repository. */
const packageRoot = fileURLToPath(new URL('../', import.meta.url))

export interface InitOptions {
  /**
   * How the new project's package.json names policy-press: any npm dependency spec (a registry range
   * once published, `github:owner/repo#tag`, a tarball's path or URL). Default: a copy of the running
   * package packed into `vendor/`, which installs anywhere without a registry and pins this version.
   */
  dependency?: string | undefined
  /** The environment, to find npm (default: `process.env`). */
  env?: Record<string, string | undefined> | undefined
}

export interface InitResult {
  /** Files created, relative to the folder. */
  created: string[]
  /** The spec written into package.json for policy-press. */
  dependency: string
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, {withFileTypes: true})
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
  )
  return files.flat().sort()
}

/** `npm pack` of the running package into `vendor/`: npm's own file list, so the copy is what the registry would serve. */
async function vendorPackage(root: string, env: Record<string, string | undefined>): Promise<string> {
  const vendor = path.join(root, 'vendor')
  await fs.mkdir(vendor, {recursive: true})
  // Under npx, npm_execpath is the npm that runs us; elsewhere the npm on PATH.
  const npmCli = env.npm_execpath?.endsWith('.js') ? env.npm_execpath : undefined
  const [command, args] = npmCli ? [process.execPath, [npmCli]] : ['npm', []]
  try {
    const {stdout} = await promisify(execFile)(command, [...args, 'pack', packageRoot, '--ignore-scripts', '--silent', '--pack-destination', vendor], {
      env: {...env, npm_config_loglevel: 'error'} as NodeJS.ProcessEnv
    })
    const tarball = stdout.trim().split('\n').at(-1)!
    return `file:vendor/${path.basename(tarball)}`
  } catch (error) {
    await fs.rm(vendor, {recursive: true, force: true})
    throw new ProjectError(
      `Cannot pack policy-press into \`vendor/\` (${(error as Error).message.split('\n')[0]}), expected npm on PATH; or give \`--dependency SPEC\` (e.g. \`github:OWNER/policy-press#v${version}\`)`
    )
  }
}

export async function init(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const root = path.resolve(dir)
  for (const existing of [configFileName, 'documents']) {
    if (await fs.stat(path.join(root, existing)).catch(() => undefined)) {
      throw new ProjectError(`Unexpected \`${existing}\` in \`${dir}\`, expected a folder without a publication: init never overwrites one`)
    }
  }
  const source = path.join(packageTemplates, 'init')
  const created: string[] = []
  for (const file of await listFiles(source)) {
    const name = file.split('/').map((part) => renamed[part] ?? part).join('/')
    const target = path.join(root, name)
    if (await fs.stat(target).catch(() => undefined)) continue
    await fs.mkdir(path.dirname(target), {recursive: true})
    await fs.copyFile(path.join(source, file), target)
    created.push(name)
  }
  const dependency = options.dependency ?? (await vendorPackage(root, options.env ?? process.env))
  if (!options.dependency) created.push(dependency.slice('file:'.length))
  const manifest = path.join(root, 'package.json')
  const pkg = JSON.parse(await fs.readFile(manifest, 'utf8'))
  pkg.devDependencies = {...pkg.devDependencies, 'policy-press': dependency}
  await fs.writeFile(manifest, `${JSON.stringify(pkg, null, 2)}\n`)

  const synced = await sync({root})
  // The example comes translated, so the project's gate (no missing translation) passes on its first push.
  const translations = path.join(packageTemplates, 'init-translations')
  for (const file of await fs.readdir(translations)) {
    const lang = path.basename(file, '.md')
    const imported = await importTranslation({root, lang, doc: 'example', files: [path.join(translations, file)]})
    const problems = imported.files.flatMap((vfile) => vfile.messages.map((message) => `${vfile.path}:${message.line ?? 1}: ${message.reason}`))
    if (!imported.catalog || imported.check > 0 || problems.length > 0) {
      throw new ProjectError(`Cannot import the example's translation into \`${lang}\`: ${problems.join('; ') || `${imported.check} to check alignment`}`)
    }
  }
  return {created: [...created, ...synced.created].sort(), dependency}
}
