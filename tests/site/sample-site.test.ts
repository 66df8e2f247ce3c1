/**
 * The repository's own sample site, built as a user would: every page in
 * every language, valid HTML by the Nu Html Checker, and opened in real
 * Chromium without a single request leaving the output folder, with the
 * self-hosted fonts covering every letter of the five languages.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {promisify} from 'node:util'
import puppeteer, {type Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {chromiumArgs, findChromium} from '../../src/browser/find-chromium.js'
import {makeProject, msgfmtCheck, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)
const languages = ['en', 'de', 'et', 'lv', 'lt']
const letters = 'āčēģīķļņšūžąęėįųõäöüßĀČĒĢĪĶĻŅŠŪŽĄĘĖĮŲÕÄÖÜ'

describe('the sample site', () => {
  let out: string
  let pages: string[]

  beforeAll(async () => {
    out = path.join(await makeProject({}), 'dist')
    const result = await runCli(['build', '--format', 'html', '--root', repoRoot, '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    pages = languages.flatMap((lang) => ['policy-recommendations', 'empowerment-handbook'].map((slug) => `${lang}/${slug}.html`))
  })

  it('has two documents in five languages and an index', async () => {
    for (const page of [...pages, 'index.html']) await fs.access(path.join(out, page))
    const index = await fs.readFile(path.join(out, 'index.html'), 'utf8')
    for (const page of pages) expect(index).toContain(`href="${page}"`)
  })

  it('ships PO files that GNU gettext accepts, fully translated', async () => {
    for (const lang of languages.slice(1)) {
      for (const slug of ['policy-recommendations', 'empowerment-handbook']) {
        const file = path.join(repoRoot, 'translations', lang, `${slug}.po`)
        await msgfmtCheck(file)
        const page = await fs.readFile(path.join(out, lang, `${slug}.html`), 'utf8')
        expect(page).not.toContain('data-translation=')
        expect(page).toContain('<div class="translation-status translation-complete" role="note">')
      }
    }
    const status = await runCli(['status', '--root', repoRoot, '--format', 'json', '--fail-on', 'stale,missing'])
    expect(status.code, status.stdout.slice(0, 500)).toBe(0)
  })

  it('passes the Nu Html Checker with no errors', async () => {
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')
    const files = [...pages, 'index.html'].map((page) => path.join(out, page))
    const result = await run('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files]).catch((error) => error)
    const messages = JSON.parse(result.stderr).messages
    expect(messages).toEqual([])
  })

  describe('in Chromium', () => {
    let browser: Browser

    beforeAll(async () => {
      browser = await puppeteer.launch({executablePath: findChromium(process.env, {headlessShell: false}), args: chromiumArgs, headless: true})
    })
    afterAll(async () => {
      await browser?.close()
    })

    it.each(languages)('opens the %s pages with no request off the output folder and every letter in our fonts', async (lang) => {
      for (const slug of ['policy-recommendations', 'empowerment-handbook']) {
        const page = await browser.newPage()
        const outside: string[] = []
        const failed: string[] = []
        await page.setRequestInterception(true)
        page.on('request', (request) => {
          const url = request.url()
          if (url.startsWith(`file://${out}/`)) void request.continue()
          else {
            outside.push(url)
            void request.abort()
          }
        })
        page.on('requestfailed', (request) => failed.push(request.url()))
        await page.goto(`file://${out}/${lang}/${slug}.html`, {waitUntil: 'load'})
        const fonts = await page.evaluate(async (sample) => {
          await document.fonts.ready
          // Make sure the faces for these letters are loaded, then check each family covers them.
          await document.fonts.load(`16px "Source Serif 4"`, sample)
          await document.fonts.load(`700 16px "Source Sans 3"`, sample)
          return {
            serif: document.fonts.check(`16px "Source Serif 4"`, sample),
            sans: document.fonts.check(`700 16px "Source Sans 3"`, sample),
            loaded: [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.weight} ${face.style}`)
          }
        }, letters)
        expect(outside).toEqual([])
        expect(failed).toEqual([])
        expect(fonts.serif).toBe(true)
        expect(fonts.sans).toBe(true)
        // Both the latin and the latin-ext face were needed for these letters, and both came from our files.
        expect(fonts.loaded.filter((face) => face === "Source Serif 4 400 normal")).toHaveLength(2)
        expect(fonts.loaded.filter((face) => face === "Source Sans 3 700 normal")).toHaveLength(2)
        expect(await page.$eval('html', (element) => element.lang)).toBe(lang)
        await page.close()
      }
    })
  })
})
