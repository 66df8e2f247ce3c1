/**
 * write: pages and assets into the output folder. A file whose bytes would
 * not change is not touched (so a rebuild leaves timestamps alone and
 * servers' caches warm); every write goes to a temporary file first and is
 * then renamed, so an interrupted build never leaves half a page.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Asset} from '../html/assets.js'
import type {Page} from './render-html.js'
import {copyAtomic, writeAtomic} from '../write-atomic.js'

export interface WriteResult {
  written: number
  unchanged: number
  /** Every output with its size, for the build manifest. */
  outputs: Array<{path: string; size: number}>
}

async function same(file: string, contents: Buffer): Promise<boolean> {
  try {
    const stat = await fs.stat(file)
    if (stat.size !== contents.length) return false
    return (await fs.readFile(file)).equals(contents)
  } catch {
    return false
  }
}

/**
 * Whether `file` holds the bytes of `from` (of `size` bytes), read only when the sizes match. An assembled site
 * copies a thousand files and more into an empty folder: each costs a stat, a copy and a rename, and no read.
 */
async function sameFile(file: string, from: string, size: number): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined)
  if (stat?.size !== size) return false
  const [contents, source] = await Promise.all([fs.readFile(file), fs.readFile(from)])
  return contents.equals(source)
}

export async function write(out: string, pages: Page[], assets: Asset[]): Promise<WriteResult> {
  const result: WriteResult = {written: 0, unchanged: 0, outputs: []}
  const target = (file: string) => path.join(out, ...file.split('/'))
  // Each folder is made once, not once for each of its files.
  const folders = [...new Set([...pages.map((page) => page.path), ...assets.map((asset) => asset.path)].map((file) => path.dirname(target(file))))]
  await Promise.all(folders.map((folder) => fs.mkdir(folder, {recursive: true})))
  const made = {folderMade: true}
  await Promise.all([
    ...pages.map(async (page) => {
      const contents = Buffer.from(page.contents, 'utf8')
      result.outputs.push({path: page.path, size: contents.length})
      if (await same(target(page.path), contents)) {
        result.unchanged++
      } else {
        await writeAtomic(target(page.path), contents, made)
        result.written++
      }
    }),
    ...assets.map(async (asset) => {
      const {size} = await fs.stat(asset.from)
      result.outputs.push({path: asset.path, size})
      if (await sameFile(target(asset.path), asset.from, size)) {
        result.unchanged++
      } else {
        await copyAtomic(asset.from, target(asset.path), made)
        result.written++
      }
    })
  ])
  result.outputs.sort((a, b) => a.path.localeCompare(b.path))
  return result
}
