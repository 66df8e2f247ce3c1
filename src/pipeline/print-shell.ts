/**
 * print-shell: the print page with no document in it, written as a file for
 * the browser's pages to load as soon as they open (`BrowserPool.preload`):
 * its stylesheets and fonts are then ready before the first document is, and
 * each document's content replaces the shell's (see pdf/load-page.ts). This
 * module is light on purpose: the build writes the shell before it loads its
 * stages, while Chromium starts.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Templates} from '../html/templates.js'
import {writeAtomic} from '../write-atomic.js'

/**
 * The print page is only ever printed: on screen it shows nothing. Otherwise the browser lays out and paints the
 * whole document for its (unseen) window each time a page's content changes, as well as for print: over a quarter of
 * Chromium's CPU in a build, for nothing. Printing uses print media, so the PDF is the same to the byte. Images
 * still load (and are awaited) when not displayed; fonts are loaded explicitly (see pdf/load-page.ts).
 */
export const offScreen = '@media screen { body { display: none; } }'

/** Where a print page in `lang` finds the build's files: the same stylesheets in every language. */
export function printPageLinks(out: string, lang: string): {base: string; stylesheet: string; printStylesheet: string} {
  return {base: pathToFileURL(path.join(out, lang) + path.sep).href, stylesheet: '../assets/style.css', printStylesheet: '../assets/print.css'}
}

/** Write the shell for a build into `out` (its stylesheets written there already) into the cache folder; its path. */
export async function writePrintShell(settings: {templates: Templates; out: string; cacheDir: string}, lang: string): Promise<string> {
  const file = path.join(settings.cacheDir, 'print', 'shell.html')
  await writeAtomic(file, settings.templates.render('pdf.html', {lang, ...printPageLinks(settings.out, lang), pageCss: offScreen, content: ''}))
  return file
}
