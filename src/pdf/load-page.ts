/**
 * Put a print page into a browser page, ready to print: its stylesheets
 * applied, its fonts and images loaded.
 *
 * Loading a page from scratch is a good part of what a print costs: the
 * stylesheets are parsed again and every web font is decoded again for each
 * document. So a browser page that has printed one document keeps it as a
 * shell: the next print page whose stylesheets are the same replaces the
 * shell's content in place (the attributes of `<html>`, the head's elements
 * other than the stylesheets, and the body), and the parsed styles and
 * decoded fonts are kept. Page scripts stay off: this runs through the
 * DevTools protocol, and the HTML is policy-press's own sanitized output.
 * A print page with other stylesheets is loaded from its file.
 */
import {pathToFileURL} from 'node:url'
import type {Page} from 'puppeteer-core'

/** Load every font face the stylesheets declare, so that no later content of the shell waits for one. */
function loadFonts(): Promise<void> {
  return Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => undefined))).then(() => document.fonts.ready.then(() => undefined))
}

const imagesComplete = (): boolean => Array.from(document.images).every((image) => image.complete)

/**
 * Wait until every image has loaded or failed. Asked from here, not awaited
 * in the page: `decode()` and load events do not settle in a background
 * page whose scripts are off.
 */
async function waitForImages(page: Page, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await page.evaluate(imagesComplete))) {
    if (Date.now() > deadline) throw new Error(`Images did not load within ${timeout} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * In the page: replace the document's content with `html`'s if both use the
 * same stylesheets. Then, if its images are all there, the ids of the
 * headings its table of contents lists (as `contentsEntries`, in the same
 * round trip); otherwise, that they are still loading.
 */
function replaceContent(html: string): string[] | 'images loading' | 'other stylesheets' {
  const next = new DOMParser().parseFromString(html, 'text/html')
  const sheets = (root: Document): string[] => Array.from(root.querySelectorAll<HTMLLinkElement>('head link[rel~="stylesheet"]'), (link) => `${link.media} ${link.href}`)
  // The base comes first, so the new document's relative URLs (and the stylesheets') resolve against it.
  const base = next.querySelector('base')?.getAttribute('href')
  const current = document.querySelector('base')
  if (base !== null && base !== undefined && current) current.setAttribute('href', base)
  if (!current || sheets(next).join('\n') !== sheets(document).join('\n')) return 'other stylesheets'
  const root = document.documentElement
  for (const name of root.getAttributeNames()) root.removeAttribute(name)
  for (const attribute of Array.from(next.documentElement.attributes)) root.setAttribute(attribute.name, attribute.value)
  for (const element of Array.from(document.head.children)) {
    if (element !== current && !element.matches('link[rel~="stylesheet"]')) element.remove()
  }
  const firstSheet = document.head.querySelector('link[rel~="stylesheet"]')
  for (const element of Array.from(next.head.children)) {
    if (element.matches('base, link[rel~="stylesheet"]')) continue
    // Elements after the stylesheets in the source (per-document rules) stay after them, so they win as before.
    const afterSheets = element.compareDocumentPosition(next.head.querySelector('link[rel~="stylesheet"]') ?? element) & Node.DOCUMENT_POSITION_PRECEDING
    const adopted = document.adoptNode(element)
    if (afterSheets || !firstSheet) document.head.append(adopted)
    else document.head.insertBefore(adopted, firstSheet)
  }
  document.body.replaceWith(document.adoptNode(next.body))
  if (!Array.from(document.images).every((image) => image.complete)) return 'images loading'
  return Array.from(document.querySelectorAll<HTMLElement>('.toc-page'), (element) => element.dataset.pageOf ?? '')
}

/** In the page: the ids of the headings the table of contents gives page numbers for, in order. */
function contentsEntries(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.toc-page'), (element) => element.dataset.pageOf ?? '')
}

const shells = new WeakSet<Page>()

/**
 * Make `page` show the print page `html` (saved as `file`), reusing its current document when it can; the ids
 * of the headings its table of contents lists (`.toc-page[data-page-of]`), in order.
 */
export async function loadPrintPage(page: Page, file: string, html: string, timeout: number): Promise<string[]> {
  // One round trip in the usual case: the fonts were all loaded with the shell and stay loaded.
  const replaced = shells.has(page) ? await page.evaluate(replaceContent, html) : 'other stylesheets'
  if (Array.isArray(replaced)) return replaced
  if (replaced === 'images loading') {
    await waitForImages(page, timeout)
  } else {
    shells.delete(page)
    await loadShell(page, file, timeout)
  }
  return page.evaluate(contentsEntries)
}

/**
 * Load the print page `file` into `page` as its shell, unless it has one: its stylesheets parsed and every font
 * face they declare loaded. Done ahead of the first document (see `BrowserPool.preload`), that document's
 * content replaces it.
 */
export async function loadShell(page: Page, file: string, timeout: number): Promise<void> {
  if (shells.has(page)) return
  await page.goto(pathToFileURL(file).href, {waitUntil: 'load', timeout})
  await page.evaluate(loadFonts)
  shells.add(page)
}
