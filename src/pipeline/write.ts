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
import {writeAtomic} from '../write-atomic.js'

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

export async function write(out: string, pages: Page[], assets: Asset[]): Promise<WriteResult> {
  const result: WriteResult = {written: 0, unchanged: 0, outputs: []}
  const jobs = [
    ...pages.map((page) => ({target: page.path, load: async () => Buffer.from(page.contents, 'utf8')})),
    ...assets.map((asset) => ({target: asset.path, load: () => fs.readFile(asset.from)}))
  ]
  await Promise.all(
    jobs.map(async (job) => {
      const target = path.join(out, ...job.target.split('/'))
      const contents = await job.load()
      result.outputs.push({path: job.target, size: contents.length})
      if (await same(target, contents)) {
        result.unchanged++
      } else {
        await writeAtomic(target, contents)
        result.written++
      }
    })
  )
  result.outputs.sort((a, b) => a.path.localeCompare(b.path))
  return result
}
