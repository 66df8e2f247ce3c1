/**
 * The print page shows nothing on screen, so the browser does not lay out
 * and paint every document for a window nobody sees (see
 * src/pipeline/render-pdf.ts): printed, it shows everything, and its
 * images load although they are not displayed.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import puppeteer from 'puppeteer'
import {describe, expect, it} from 'vitest'
import {chromiumArgs, findChromium, headlessMode} from '../../src/browser/find-chromium.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)

const source =
  '---\ntitle: Kopienu pakalpojumi\ndate: 2024-05-01\n---\n\n## Pašvaldības\n\nLauku pašvaldības finansē sociālos pakalpojumus.\n\n![Četri soļi](images/cycle.png "Rīcības mācīšanās cikls")\n'

describe('the print page', () => {
  it('is empty on screen, whole in print, with its image loaded', async () => {
    const root = await makeProject({'documents/services.md': source})
    await fs.mkdir(path.join(root, 'documents/images'), {recursive: true})
    await fs.copyFile(path.join(repoRoot, 'documents/empowerment-handbook/images/action-learning-cycle.png'), path.join(root, 'documents/images/cycle.png'))
    const result = await runCli(['build', '--root', root, '--lang', 'en'])
    expect(result.code, result.stderr).toBe(0)

    const executablePath = findChromium()
    const browser = await puppeteer.launch({executablePath, headless: headlessMode(executablePath), args: chromiumArgs, pipe: true})
    try {
      const page = await browser.newPage()
      await page.goto(pathToFileURL(path.join(root, '.policy-press-cache/print/en/services.html')).href, {waitUntil: 'load'})
      const screen = await page.evaluate(() => ({height: document.body.getBoundingClientRect().height, image: document.images[0]!.complete && document.images[0]!.naturalWidth > 0}))
      expect(screen).toEqual({height: 0, image: true})
      await page.emulateMediaType('print')
      expect(await page.evaluate(() => document.body.getBoundingClientRect().height)).toBeGreaterThan(500)

      const pdf = path.join(root, 'direct.pdf')
      await fs.writeFile(pdf, await page.pdf({preferCSSPageSize: true, printBackground: true}))
      // Printed directly, the soft hyphens are still in the text (the build takes them out).
      const text = (await run('pdftotext', [pdf, '-'])).stdout.replaceAll('\u00ad', '')
      expect(text).toContain('Lauku pašvaldības finansē sociālos pakalpojumus.')
      expect((await run('pdfimages', ['-list', pdf])).stdout.split('\n').filter((line) => /^\s+\d+\s+\d+\s+image/.test(line))).toHaveLength(1)
    } finally {
      await browser.close()
    }
  })
})
