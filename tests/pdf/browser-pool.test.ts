/**
 * The browser pool's pages: as many as asked for, and no more. The browser
 * starts with a blank page (puppeteer's launcher opens `about:blank`); the
 * pool takes it as its first page rather than leaving it beside its own,
 * with a renderer process of its own to start. Taken or new, every page
 * runs no script and loads no file outside the build's folders.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {createBrowserPool} from '../../src/pdf/browser.js'

describe('createBrowserPool', () => {
  it('opens exactly its size in pages, the browser’s blank page first, each locked down', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-pool-'))
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-outside-'))
    await fs.writeFile(path.join(outside, 'secret.txt'), 'not for print')
    // The script would write RAN (its source has only "ran"); the iframe would show a file outside the root.
    await fs.writeFile(
      path.join(root, 'page.html'),
      `<p id="x">plain</p><script>document.getElementById('x').textContent = 'ran'.toUpperCase()</script><iframe src="${pathToFileURL(path.join(outside, 'secret.txt')).href}"></iframe>`
    )
    const pool = createBrowserPool({roots: [root], size: 2})
    try {
      await pool.warm()
      // Two jobs at once hold both pages; each reports what the browser has open and what its page shows.
      let arrived = 0
      let bothHere!: () => void
      const barrier = new Promise<void>((resolve) => (bothHere = resolve))
      const seen = await Promise.all(
        [0, 1].map(() =>
          pool.use(async (page) => {
            if (++arrived === 2) bothHere()
            await barrier
            await page.goto(pathToFileURL(path.join(root, 'page.html')).href, {waitUntil: 'load'})
            const frames = await Promise.all(page.frames().map((frame) => frame.evaluate(() => document.body?.textContent ?? '').catch(() => '')))
            return {open: (await page.browser().pages()).length, text: await page.$eval('#x', (element) => element.textContent), frames: frames.join('\n')}
          })
        )
      )
      expect(seen.map((result) => result.open)).toEqual([2, 2])
      for (const {text, frames} of seen) {
        expect(text).toBe('plain')
        expect(frames).not.toContain('not for print')
      }
      expect(pool.refused.filter((url) => url.endsWith('secret.txt'))).toHaveLength(2)
    } finally {
      await pool.close()
    }
  })
})
