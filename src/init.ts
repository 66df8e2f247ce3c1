/**
 * init: a new publication repository that builds at once: config, one
 * example document, its PO files (made by sync), the publish workflow, a
 * package.json that depends on policy-press. An existing publication is
 * never overwritten.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {configFileName} from './config.js'
import {sync} from './catalog/sync.js'
import {packageTemplates, ProjectError} from './project.js'

/** Files whose names npm would not publish as they are. */
const renamed: Record<string, string> = {gitignore: '.gitignore'}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, {withFileTypes: true})
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
  )
  return files.flat().sort()
}

export async function init(dir: string): Promise<string[]> {
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
  const synced = await sync({root})
  return [...created, ...synced.created].sort()
}
