/**
 * axe-core (WCAG 2.2 A and AA, and best practice) on every page of a built
 * site, in real Chromium at a desktop and a phone width: the repository's
 * samples plus a paper with every kind of block (tables wide and narrow, a
 * figure, a task list, a footnote, a quote, code), in five languages, half
 * translated; every document page, every review page and the index.
 */
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import puppeteer, {type Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {chromiumArgs, findChromium} from '../../src/browser/find-chromium.js'
import {buildA11yProject, languages, slugs} from './project.js'

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const widths = {desktop: 1280, phone: 390}

interface Finding {
  rule: string
  page: string
  width: string
  targets: string[]
  help: string
}

describe('axe-core on every page', () => {
  let out: string
  let pages: string[]
  let browser: Browser

  beforeAll(async () => {
    out = await buildA11yProject(['--format', 'html'])
    pages = [
      'index.html',
      ...languages.flatMap((lang) => slugs.flatMap((slug) => [`${lang}/${slug}.html`, ...(lang === 'en' ? [] : [`${lang}/${slug}.review.html`])]))
    ]
    for (const page of pages) await fs.access(path.join(out, page))
    browser = await puppeteer.launch({executablePath: findChromium(process.env, {headlessShell: false}), args: chromiumArgs, headless: true})
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('finds no violation at desktop and phone widths', async () => {
    // From its file, not as text: Chromium then keeps axe's compiled code from one page to the next.
    const axe = pathToFileURL(axeSource).href
    const findings: Finding[] = []
    // One browser page per width, the two at once: axe's run is most of the time, and Chromium runs each page's script on its own thread.
    await Promise.all(
      Object.entries(widths).map(async ([width, pixels]) => {
        const page = await browser.newPage()
        await page.setViewport({width: pixels, height: 900})
        for (const name of pages) {
          await page.goto(pathToFileURL(path.join(out, name)).href, {waitUntil: 'load'})
          await page.addScriptTag({url: axe})
          const violations = await page.evaluate(async (runTags: string[]) => {
            type Result = {violations: Array<{id: string; help: string; nodes: Array<{target: unknown[]}>}>}
            const {axe: run} = window as unknown as {axe: {run: (context: Document, options: object) => Promise<Result>}}
            const result = await run.run(document, {runOnly: {type: 'tag', values: runTags}, resultTypes: ['violations']})
            return result.violations.map((violation) => ({id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.map(String).join(' '))}))
          }, tags)
          for (const violation of violations) findings.push({rule: violation.id, page: name, width, targets: violation.targets, help: violation.help})
        }
        await page.close()
      })
    )
    const report = findings.map((finding) => `${finding.rule} (${finding.help}) on ${finding.page} at ${finding.width} width: ${finding.targets.join(', ')}`)
    const count = findings.reduce((sum, finding) => sum + finding.targets.length, 0)
    expect(report, `${count} violations:\n${report.join('\n')}`).toEqual([])
  }, 240_000)
})
