/**
 * One Chromium per build, started only when a PDF must be printed, with a
 * pool of pages (default: one per core). Every page blocks what a printed
 * document must never reach: any request that is not a file under the
 * allowed folders (the build's output and its print folder) is aborted, so
 * nothing goes to the network or to other local files. Page scripts are off:
 * policy-press reads and fills the page through the DevTools protocol only.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import createDebug from 'debug'
import type {Browser, Page} from 'puppeteer-core'
import {chromiumArgs, findChromium, headlessMode} from '../browser/find-chromium.js'
import {type SpawnedBrowser, spawnBrowser} from '../browser/launch.js'
import {loadShell} from './load-page.js'

const debug = createDebug('policy-press:pdf')

export interface BrowserPool {
  /** Run `job` on a free page of the pool. */
  use<T>(job: (page: Page) => Promise<T>): Promise<T>
  /**
   * Start the browser now, in the background, when a print is certain to come: launching takes as long as
   * printing a document or two. Its pages are opened as soon as it is up. Resolves once Chromium's process
   * is spawned (puppeteer loads meanwhile), so the caller's own work overlaps the browser's start-up.
   */
  warm(): Promise<void>
  /**
   * A print page (as a file) whose stylesheets every print page shares: each page of the pool loads it as soon
   * as it opens, so its styles and fonts are ready before the first document is.
   */
  preload(file: string, timeout: number): void
  /** URLs that were refused, for tests and diagnostics. */
  refused: string[]
  close(): Promise<void>
}

/** Whether `url` is a file inside one of `roots`. */
export function allowed(url: string, roots: string[]): boolean {
  if (!url.startsWith('file:')) return false
  let file: string
  try {
    file = path.resolve(fileURLToPath(url))
  } catch {
    return false
  }
  return roots.some((root) => file === root || file.startsWith(`${root}${path.sep}`))
}

export function createBrowserPool(options: {roots: string[]; size?: number | undefined; env?: Record<string, string | undefined>}): BrowserPool {
  const roots = options.roots.map((root) => path.resolve(root))
  const size = Math.max(1, options.size ?? os.availableParallelism())
  let browser: Promise<Browser> | undefined
  const idle: Page[] = []
  const waiting: Array<{resolve: (page: Page) => void; reject: (error: Error) => void}> = []
  let pages = 0
  const refused: string[] = []

  // The browser's profile is a folder of our own, so closing can be a kill (no graceful shutdown to wait for) and a removal.
  let profile: string | undefined
  let spawned: SpawnedBrowser | undefined
  const launch = async (starting?: () => void): Promise<Browser> => {
    const executablePath = findChromium(options.env ?? process.env)
    debug('launching %s', executablePath)
    profile = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-chromium-'))
    try {
      const started = Date.now()
      // Chromium starts while puppeteer loads (see browser/launch.ts).
      spawned = spawnBrowser({executablePath, headless: headlessMode(executablePath), args: chromiumArgs, userDataDir: profile})
      starting?.()
      // Only puppeteer's `connect`: its entry point also loads the launcher and its downloader (proxy agents, a
      // JavaScript engine for PAC files: two thirds of what it loads), none of which a browser spawned here needs.
      const {Puppeteer} = await import('puppeteer-core/internal/common/Puppeteer.js')
      const instance = await Promise.race([new Puppeteer({isPuppeteerCore: true}).connect({transport: spawned.transport, protocolTimeout: 120_000, defaultViewport: {width: 800, height: 600}}), spawned.failed])
      debug('browser up in %d ms', Date.now() - started)
      // The same class as the entry point's `Browser`: puppeteer types its internal modules apart from its public ones.
      return instance as unknown as Browser
    } catch (error) {
      spawned?.kill()
      await fs.rm(profile, {recursive: true, force: true, maxRetries: 10, retryDelay: 20})
      throw error
    }
  }

  let shell: {file: string; timeout: number} | undefined
  /**
   * Load the shell into `page`, if there is one; a page that cannot load it loads the first document instead.
   * A load that timed out may still be under way in the browser, and would replace the document loaded next
   * in the middle of its print ("Execution context was destroyed"): the page is sent to a blank document first.
   */
  const loadShellInto = async (page: Page): Promise<void> => {
    if (!shell) return
    const {file, timeout} = shell
    await loadShell(page, file, timeout).then(
      () => debug('shell loaded'),
      async (error: Error) => {
        debug('shell not loaded: %s', error.message)
        await page.goto('about:blank', {timeout})
      }
    )
  }

  // The browser starts with a blank page (the launcher's `about:blank`): the pool's first page is that one.
  let blankTaken = false
  const open = async (): Promise<Page> => {
    browser ??= launch()
    const instance = await browser
    let page: Page | undefined
    if (!blankTaken) {
      blankTaken = true
      page = (await instance.pages()).find((candidate) => candidate.url() === 'about:blank')
    }
    page ??= await instance.newPage()
    await page.setJavaScriptEnabled(false)
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      const url = request.url()
      if (allowed(url, roots)) {
        void request.continue()
      } else {
        refused.push(url)
        debug('refused %s', url)
        void request.abort('blockedbyclient')
      }
    })
    debug('page opened')
    await loadShellInto(page)
    return page
  }

  const acquire = async (): Promise<Page> => {
    const page = idle.pop()
    if (page) return page
    if (pages < size) {
      pages++
      try {
        return await open()
      } catch (error) {
        // No browser (or no page): nobody waiting for one will get it either.
        pages--
        for (const waiter of waiting.splice(0)) waiter.reject(error as Error)
        throw error
      }
    }
    return new Promise((resolve, reject) => waiting.push({resolve, reject}))
  }

  const release = (page: Page): void => {
    const next = waiting.shift()
    if (next) next.resolve(page)
    else idle.push(page)
  }

  /** A page was lost (it crashed, timed out or never opened): whoever waits for one gets a new one. */
  const lost = (): void => {
    pages--
    const next = waiting.shift()
    if (next) acquire().then(next.resolve, next.reject)
  }

  return {
    refused,
    warm() {
      if (browser) return Promise.resolve()
      let starting!: () => void
      const started = new Promise<void>((resolve) => (starting = resolve))
      browser = launch(starting)
      // A failure here is reported by the first `use`, which launches again.
      browser.catch(() => {
        browser = undefined
        starting()
      })
      // Every page of the pool is opened while the first documents are still being built.
      void browser.then(() => {
        while (pages < size) {
          pages++
          open().then(release, lost)
        }
      }, () => {})
      return started
    },
    preload(file, timeout) {
      shell = {file, timeout}
      // Pages already open and idle load it now; anyone who wants one meanwhile waits.
      for (const page of idle.splice(0)) {
        void loadShellInto(page).then(
          () => release(page),
          () => {
            // Not even a blank document: the page is replaced.
            void page.close().catch(() => {})
            lost()
          }
        )
      }
    },
    async use(job) {
      const page = await acquire()
      let result: Awaited<ReturnType<typeof job>>
      try {
        result = await job(page)
      } catch (error) {
        // A page that crashed or timed out may still be busy: replace it rather than hand it on.
        void page.close().catch(() => {})
        lost()
        throw error
      }
      release(page)
      return result
    },
    async close() {
      await browser?.catch(() => undefined)
      const child = spawned?.process
      if (child && child.exitCode === null && child.signalCode === null) {
        // Every PDF is written: nothing in the browser is worth a graceful shutdown.
        const exited = new Promise((resolve) => child.once('exit', resolve))
        spawned!.kill()
        await exited
      }
      // A helper process may still be writing its last file into the profile: retry, and never fail the build for it.
      if (profile) await fs.rm(profile, {recursive: true, force: true, maxRetries: 10, retryDelay: 20}).catch((error: Error) => debug('cannot remove %s: %s', profile, error.message))
    }
  }
}
