/**
 * preview, for real: a server on 127.0.0.1, a page open in Chromium, a file
 * changed on disk. The page reloads with the new text; a page of another
 * document does not; broken front matter shows the overlay with its place.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import puppeteer, {type Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {findChromium} from '../../src/browser/find-chromium.js'
import {type Preview, startPreview} from '../../src/preview/server.js'
import {makeProject} from '../helpers.js'

describe('preview', () => {
  let root: string
  let preview: Preview
  let browser: Browser

  beforeAll(async () => {
    root = await makeProject({
      'documents/a.md': '---\ntitle: Preview test\n---\n\n## One\n\nFirst text.\n',
      'documents/b.md': '---\ntitle: Other\n---\n\nOther text.\n'
    })
    preview = await startPreview({root, langs: ['en', 'de'], port: 0, env: {}})
    browser = await puppeteer.launch({executablePath: findChromium(process.env, {headlessShell: false}), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run']})
  })
  afterAll(async () => {
    await browser?.close()
    await preview?.close()
  })

  it('serves on 127.0.0.1 only', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('reloads the page of a changed document, not the others, and shows errors as an overlay', async () => {
    const page = await browser.newPage()
    await page.goto(`${preview.url}en/a.html`)
    const other = await browser.newPage()
    await other.goto(`${preview.url}en/b.html`)
    await other.evaluate(() => {
      ;(window as unknown as {marker: boolean}).marker = true
    })
    expect(await page.$eval('.document-body', (element) => element.textContent)).toContain('First text.')

    await fs.writeFile(path.join(root, 'documents/a.md'), '---\ntitle: Preview test\n---\n\n## One\n\nSecond text.\n')
    await page.waitForFunction(() => document.querySelector('.document-body')?.textContent?.includes('Second text.'), {timeout: 15_000})
    // The other document's page was not reloaded: its marker survives.
    expect(await other.evaluate(() => (window as unknown as {marker?: boolean}).marker)).toBe(true)

    await fs.writeFile(path.join(root, 'documents/a.md'), '---\ntitle: Preview test\nsubtitle: [broken\n---\n\nText.\n')
    await page.waitForSelector('#policy-press-overlay', {timeout: 15_000})
    const overlay = await page.$eval('#policy-press-overlay', (element) => element.textContent)
    expect(overlay).toContain('documents/a.md')
    expect(overlay).toMatch(/3:\d+\s+error\s+Invalid YAML/)

    await fs.writeFile(path.join(root, 'documents/a.md'), '---\ntitle: Preview test\n---\n\nFixed.\n')
    await page.waitForFunction(() => !document.getElementById('policy-press-overlay') && document.body.textContent?.includes('Fixed.'), {timeout: 15_000})
  }, 60_000)

  it('prints the PDF of a page on request', async () => {
    const response = await fetch(`${preview.url}de/b.pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  }, 60_000)
})
