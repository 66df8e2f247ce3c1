/**
 * render-pdf: a document in one language to a tagged, bookmarked PDF.
 *
 * The print page is the document's body (with soft hyphens) in
 * `templates/pdf.html`: a cover, the translation status, a table of contents
 * and the text, laid out by CSS paged media (`templates/assets/print.css`).
 * The page is printed once, tagged and with an outline. Chromium has no
 * `target-counter()`: the table of contents is printed with placeholders,
 * whose numbers complete-pdf.ts sets, with the metadata Chromium leaves out.
 *
 * A PDF whose inputs have not changed since it was last printed is not
 * printed again (the hash of its print page, styles and options is kept in
 * the cache folder).
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import createDebug from 'debug'
import {toHtml} from 'hast-util-to-html'
import type {PaperFormat} from 'puppeteer-core'
import type {Templates} from '../html/templates.js'
import type {BrowserPool} from '../pdf/browser.js'
import {hyphenateTree} from '../pdf/hyphenate.js'
import {printablePunctuation} from '../pdf/punctuation.js'
import {printNotes} from '../pdf/print-notes.js'
import {loadPrintPage} from '../pdf/load-page.js'
import {markNotes} from '../pdf/structure-marks.js'
import {visit} from 'unist-util-visit'
import type {RenderedDocument} from './render-html.js'
import {writeAtomic} from '../write-atomic.js'
import {offScreen, printPageLinks} from './print-shell.js'

const debug = createDebug('policy-press:pdf')

export interface PdfContext {
  pool: BrowserPool
  templates: Templates
  out: string
  /** Folder for print pages and the PDF cache. */
  cacheDir: string
  paper: 'A4' | 'Letter'
  producer: string
  /** Contents of the stylesheets, for the cache key. */
  styles: string
  /** Print even when the inputs did not change (default: `false`). */
  force: boolean
  /** Longest wait for loading or printing, in milliseconds. */
  timeout: number
  /** Hash of the inputs of each PDF last printed, by `lang/slug`: read before the build, written after it. */
  printed: Map<string, string>
}

export interface PdfResult {
  path: string
  size: number
  printed: boolean
}

function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`
}

/** The per-document page rules: paper, running title, and for handbooks each chapter's name. */
function pageCss(rendered: RenderedDocument, paper: string, chapters: string[]): string {
  const rules = [
    offScreen,
    `@page { size: ${paper}; @top-left { content: ${cssString(rendered.view.title)}; } }`,
    // The cover has no running header or page number, whatever the rule above says.
    '@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }'
  ]
  chapters.forEach((title, index) => {
    rules.push(
      `.document-body .chapter-${index + 1} { page: chapter-${index + 1}; }`,
      `@page chapter-${index + 1} { @top-right { content: ${cssString(title)}; font: 8.5pt/1.2 "Source Sans 3", sans-serif; color: #4a5563; vertical-align: bottom; padding-bottom: 4mm; } }`
    )
  })
  return rules.join('\n')
}

/** The chapter titles of a handbook: the first heading of each chapter section. */
function chapterTitles(body: HastRoot): string[] {
  const titles: string[] = []
  for (const node of body.children) {
    if (node.type !== 'element' || node.tagName !== 'section') continue
    const classes = node.properties.className
    if (!Array.isArray(classes) || !classes.includes('chapter')) continue
    const heading = node.children.find((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName))
    titles.push(heading ? textOf(heading) : '')
  }
  return titles
}

function textOf(node: HastRoot['children'][number]): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}

/**
 * The bytes of the images a page shows from the output folder: a figure replaced under the same name
 * (`cycle.lv.png` redrawn) changes the PDF though not the page's HTML. Contents, not times: a cache
 * restored on a fresh CI runner, whose copies of the images are new files, still matches.
 */
async function imagesOf(body: HastRoot, base: string, out: string): Promise<string> {
  const sources = new Set<string>()
  visit(body, 'element', (node) => {
    const src = node.tagName === 'img' ? node.properties.src : undefined
    if (typeof src === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/')) sources.add(src)
  })
  const hash = createHash('sha256')
  for (const src of [...sources].sort()) {
    const file = path.resolve(base, decodeURIComponent(src.split(/[?#]/)[0]!))
    if (!file.startsWith(out + path.sep)) continue
    hash.update(`\0${src}\0`)
    hash.update((await fs.readFile(file).catch(() => undefined)) ?? '<missing>')
  }
  return hash.digest('hex')
}

/** Print `rendered`, unless its PDF is up to date; `onPrinting` is called when the browser starts printing it. */
export async function renderPdf(rendered: RenderedDocument, context: PdfContext, onPrinting?: () => void): Promise<PdfResult> {
  const {view} = rendered
  const {lang, slug} = view as unknown as {lang: string; slug: string}
  const target = path.join(context.out, lang, `${slug}.pdf`)
  const body = structuredClone(rendered.body)
  hyphenateTree(body, view.contentLang)
  printNotes(body)
  markNotes(body, view.contentLang)
  const printDir = path.join(context.cacheDir, 'print', lang)
  const printFile = path.join(printDir, `${slug}.html`)
  // The whole print page, cover, contents and running header included: a mark our fonts lack would come from a system font.
  const html = printablePunctuation(
    context.templates.render('pdf.html', {
      ...view,
      ...printPageLinks(context.out, lang),
      pageCss: pageCss(rendered, context.paper, chapterTitles(body)),
      content: toHtml(body)
    })
  )

  const images = await imagesOf(body, path.join(context.out, lang), path.resolve(context.out))
  const key = createHash('sha256').update(`${context.producer}\0${context.paper}\0${context.styles}\0${images}\0${html}`).digest('hex')
  const existing = await fs.stat(target).catch(() => undefined)
  if (!context.force && existing && context.printed.get(`${lang}/${slug}`) === key) {
    return {path: `${lang}/${slug}.pdf`, size: existing.size, printed: false}
  }

  await writeAtomic(printFile, html)
  // Every font face of the page is loaded with it (see pdf/load-page.ts): puppeteer need not ask again before each print.
  const options = {format: context.paper as PaperFormat, printBackground: true, preferCSSPageSize: true, timeout: context.timeout, tagged: true, outline: true, waitForFonts: false}
  const first = await context.pool.use(async (page) => {
    debug('%s/%s: loading', lang, slug)
    const facts = await loadPrintPage(page, printFile, html, context.timeout)
    debug('%s/%s: printing', lang, slug)
    // The browser is busy until the PDF comes back: the build may go on with the next document meanwhile.
    onPrinting?.()
    const pdf = await page.pdf(options)
    debug('%s/%s: printed', lang, slug)
    return {pdf, facts}
  })
  const meta = view as unknown as {authors: Array<{name: string}>; summary?: string; keywords: string; date?: string}
  const {completePdf} = await import('./complete-pdf.js')
  const final = await completePdf(first.pdf, first.facts, {
    reprint: (numbers) => {
      // The numbers could not be set into this PDF: print again with them filled in.
      debug('%s/%s: contents numbers printed in a second pass', lang, slug)
      return context.pool.use(async (page) => {
        await loadPrintPage(page, printFile, html, context.timeout)
        await page.evaluate((numbers: Record<string, number>) => {
          for (const element of document.querySelectorAll<HTMLElement>('.toc-page')) {
            const number = numbers[element.dataset.pageOf ?? '']
            // No wider than the placeholder: no line or page breaks differently than in the first print.
            element.textContent = number === undefined ? '' : String(number)
          }
        }, Object.fromEntries(numbers))
        return page.pdf(options)
      })
    },
    metadata: {
      title: view.title,
      authors: meta.authors.map((author) => author.name),
      subject: meta.summary,
      keywords: meta.keywords ? meta.keywords.split(', ') : [],
      lang,
      date: meta.date,
      producer: context.producer,
      folder: path.dirname(target)
    }
  })
  await writeAtomic(target, Buffer.from(final))
  debug('%s/%s: written', lang, slug)
  context.printed.set(`${lang}/${slug}`, key)
  return {path: `${lang}/${slug}.pdf`, size: final.length, printed: true}
}
