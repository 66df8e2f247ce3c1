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
import {VFile} from 'vfile'
import {chromiumArgs, findChromium} from '../../src/browser/find-chromium.js'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const widths = {desktop: 1280, phone: 390}
const languages = ['en', 'de', 'et', 'lv', 'lt']
const fixture = path.join(repoRoot, 'tests/fixtures/a11y')

interface Finding {
  rule: string
  page: string
  width: string
  targets: string[]
  help: string
}

/** Translate every other entry of a PO file: the page then shows translated and untranslated passages. */
async function translateHalf(file: string, lang: string): Promise<void> {
  const catalog = parseCatalog(await fs.readFile(file, 'utf8'), new VFile())!
  catalog.entries.forEach((entry, index) => {
    if (index % 2 === 0) entry.msgstr = `[${lang}] ${entry.msgid}`
  })
  await fs.writeFile(file, serializeCatalog(catalog))
}

describe('axe-core on every page', () => {
  let out: string
  let pages: string[]
  let browser: Browser

  beforeAll(async () => {
    const root = await makeProject({})
    for (const folder of ['documents', 'translations']) await fs.cp(path.join(repoRoot, folder), path.join(root, folder), {recursive: true})
    await fs.cp(path.join(repoRoot, 'policy-press.config.yaml'), path.join(root, 'policy-press.config.yaml'))
    await fs.cp(path.join(fixture, 'accessibility-paper.md'), path.join(root, 'documents/accessibility-paper.md'))
    await fs.cp(path.join(fixture, 'images'), path.join(root, 'documents/images'), {recursive: true})
    const sync = await runCli(['sync', '--root', root, '--quiet'])
    expect(sync.code, sync.stderr).toBe(0)
    for (const lang of languages.slice(1)) await translateHalf(path.join(root, 'translations', lang, 'accessibility-paper.po'), lang)
    out = path.join(root, 'dist')
    const build = await runCli(['build', '--format', 'html', '--root', root, '--out', out, '--quiet'])
    expect(build.code, build.stderr).toBe(0)
    const slugs = ['policy-recommendations', 'empowerment-handbook', 'accessibility-paper']
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
    const axe = await fs.readFile(axeSource, 'utf8')
    const findings: Finding[] = []
    const page = await browser.newPage()
    for (const [width, pixels] of Object.entries(widths)) {
      await page.setViewport({width: pixels, height: 900})
      for (const name of pages) {
        await page.goto(pathToFileURL(path.join(out, name)).href, {waitUntil: 'load'})
        await page.addScriptTag({content: axe})
        const violations = await page.evaluate(
          async (runTags: string[]) => {
            const result = await (window as unknown as {axe: {run: (context: Document, options: object) => Promise<{violations: Array<{id: string; help: string; nodes: Array<{target: unknown[]}>}>}>}}).axe.run(document, {
              runOnly: {type: 'tag', values: runTags},
              resultTypes: ['violations']
            })
            return result.violations.map((violation) => ({id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.map(String).join(' '))}))
          },
          tags
        )
        for (const violation of violations) findings.push({rule: violation.id, page: name, width, targets: violation.targets, help: violation.help})
      }
    }
    await page.close()
    const report = findings.map((finding) => `${finding.rule} (${finding.help}) on ${finding.page} at ${finding.width} width: ${finding.targets.join(', ')}`)
    const count = findings.reduce((sum, finding) => sum + finding.targets.length, 0)
    expect(report, `${count} violations:\n${report.join('\n')}`).toEqual([])
  }, 240_000)
})
