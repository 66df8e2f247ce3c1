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
 * same stylesheets; then, if its images are all there, its facts (in the same
 * round trip: while Node builds the next document, every round trip waits);
 * otherwise, why not. With `html` null, only the facts of what it shows.
 */
function replaceContent(html: string | null): PrintPageFacts | 'images loading' | 'other stylesheets' {
  /**
   * In the page: its `PrintPageFacts`. A link's name is what a screen reader would say: its `aria-label`, else its
   * text without soft hyphens, decorations (`aria-hidden`) or contents page numbers, else its images' alt text. A
   * note reference ("1") is named with the heading it points to the notes by ("Notes 1").
   */
  function printPageFacts(): PrintPageFacts {
    const base = document.baseURI.split('#')[0]
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (link) => {
      const [address, fragment] = [link.href.split('#')[0], link.hash.slice(1)]
      const target = fragment && address === base ? `#${decodeURIComponent(fragment)}` : link.href
      const copy = link.cloneNode(true) as HTMLElement
      for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"], .toc-page'))) hidden.remove()
      const text = (copy.textContent ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim()
      const images = Array.from(link.querySelectorAll('img'), (image) => image.alt.trim()).filter(Boolean).join(' ')
      let name = link.getAttribute('aria-label')?.trim() || text || images || link.title.trim() || link.href
      const describedBy = link.getAttribute('aria-describedby')
      if (/^\d+$/.test(name) && describedBy) {
        const heading = document.getElementById(describedBy)?.textContent?.replace(/\u00ad/g, '').trim()
        if (heading) name = `${heading} ${name}`
      }
      return {target, text: name}
    })
    return {contents: Array.from(document.querySelectorAll<HTMLElement>('.toc-page'), (element) => element.dataset.pageOf ?? ''), links}
  }
  if (html === null) return printPageFacts()
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
  return printPageFacts()
}

/** What the print of a page needs to know of it, besides the PDF (see `PrintPageFacts`). */
export interface PrintLink {
  /** What the link points at as Chromium writes it: `#id` within the page (a named destination), else the URL. */
  target: string
  /** Its accessible name, for the PDF's `/Contents`. */
  text: string
}

export interface PrintPageFacts {
  /** The ids of the headings the table of contents gives page numbers for (`.toc-page[data-page-of]`), in order. */
  contents: string[]
  /** Every link, in document order. */
  links: PrintLink[]
}

const shells = new WeakSet<Page>()

/** Make `page` show the print page `html` (saved as `file`), reusing its current document when it can; its facts. */
export async function loadPrintPage(page: Page, file: string, html: string, timeout: number): Promise<PrintPageFacts> {
  // The fonts were all loaded with the shell and stay loaded.
  const replaced = shells.has(page) ? await page.evaluate(replaceContent, html) : 'other stylesheets'
  if (typeof replaced === 'object') return replaced
  if (replaced === 'images loading') {
    await waitForImages(page, timeout)
  } else if (replaced === 'other stylesheets') {
    shells.delete(page)
    await loadShell(page, file, timeout)
  }
  return (await page.evaluate(replaceContent, null)) as PrintPageFacts
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
