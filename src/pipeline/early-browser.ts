/**
 * early-browser: Chromium started before anything else of a build, when
 * printing is certain: on a machine that has printed nothing yet for the
 * project (a fresh CI runner, a first build), a build with PDFs prints. Then
 * the browser starts on the core Node leaves idle while it loads the
 * project, makes the plan and loads the stages, and its pages open meanwhile.
 * This module is light on purpose: the command line starts the browser with
 * it before it loads the build.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {BrowserPool} from '../pdf/browser.js'

export interface EarlyOptions {
  /** The project's folder. */
  root: string
  /** The output folder. */
  out: string
  formats: ReadonlyArray<'html' | 'pdf'>
  /** Pages printing at once (default: the number of cores). */
  pool?: number | undefined
  env?: Record<string, string | undefined> | undefined
}

/**
 * Whether `root` is a project folder (it has `documents/`) whose cache has no record of printed PDFs. Only
 * looked at, nothing read: a cache folder that is a link is no cache (and `loadProject` refuses it).
 */
async function printedNothing(root: string): Promise<boolean> {
  const [documents, cache, printed] = await Promise.all(
    ['documents', '.policy-press-cache', '.policy-press-cache/pdf.json'].map((file) => fs.lstat(path.join(root, file)).catch(() => undefined))
  )
  return documents?.isDirectory() === true && (cache === undefined || (cache.isDirectory() && printed === undefined))
}

/** A browser pool for the build, started now, when printing is certain; else `undefined`. The caller closes it. */
export async function startBrowserEarly(options: EarlyOptions): Promise<BrowserPool | undefined> {
  const root = path.resolve(options.root)
  if (!options.formats.includes('pdf') || !(await printedNothing(root))) return undefined
  const {createBrowserPool} = await import('../pdf/browser.js')
  const pool = createBrowserPool({roots: [path.resolve(root, options.out), path.join(root, '.policy-press-cache')], size: options.pool, env: options.env})
  await pool.warm()
  return pool
}
