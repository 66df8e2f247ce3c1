/**
 * print-queue: the build's PDFs, handed to the browser pool as each
 * language of a document is rendered, and the pace of the build behind
 * them. The next document is built only when the browser is printing every
 * PDF so far: building it while a page loads would keep the browser's
 * answers waiting (parsing does not yield), and the page would sit idle.
 * A PDF that cannot be printed is a fatal message on its document; without
 * a browser no PDF can be, which is one error for the whole build.
 */
import type {VFile} from 'vfile'
import {BrowserNotFoundError} from '../browser/find-chromium.js'
import type {RenderedDocument} from './render-html.js'
import {type PdfContext, renderPdf} from './render-pdf.js'

export interface PrintQueue {
  /** Print `rendered`, a document's page in `lang`; a failure is reported on `file` (the document's first). */
  add(rendered: RenderedDocument, lang: string, file: VFile): void
  /** Until the browser has started printing every PDF added so far. */
  caughtUp(): Promise<void>
  /** Until every PDF is printed or has failed; throws when there was no browser to print with. */
  drained(): Promise<void>
  /** PDFs printed, and those up to date already, with their paths and sizes. */
  pdfs: {printed: number; unchanged: number; outputs: Array<{path: string; size: number}>}
}

/** A queue printing with `context`, telling `onDone` of each PDF finished (printed, unchanged or failed). */
export function printQueue(context: PdfContext, onDone: () => void): PrintQueue {
  const printing: Array<Promise<void>> = []
  // PDFs ready to print that the browser has not started printing yet.
  const queued = new Set<Promise<unknown>>()
  let missingBrowser: BrowserNotFoundError | undefined
  const pdfs: PrintQueue['pdfs'] = {printed: 0, unchanged: 0, outputs: []}
  return {
    pdfs,
    add(rendered, lang, file) {
      let onPrinting!: () => void
      const printingStarted = new Promise<void>((resolve) => (onPrinting = resolve))
      const job = renderPdf(rendered, context, onPrinting).then(
        (pdf) => {
          pdfs[pdf.printed ? 'printed' : 'unchanged']++
          pdfs.outputs.push({path: pdf.path, size: pdf.size})
          onDone()
        },
        (error: Error) => {
          if (error instanceof BrowserNotFoundError) {
            missingBrowser = error
            return
          }
          onDone()
          file.message(`Cannot print the PDF in \`${lang}\`: ${error.message.split('\n')[0]}`, {place: {line: 1, column: 1}, ruleId: 'pdf', source: 'policy-press'}).fatal = true
        }
      )
      const waiting = Promise.race([printingStarted, job])
      queued.add(waiting)
      void waiting.then(() => queued.delete(waiting))
      printing.push(job)
    },
    async caughtUp() {
      // A turn of the event loop first: the browser's answers to what was just sent come in.
      await new Promise((resolve) => setImmediate(resolve))
      while (queued.size > 0) await Promise.race(queued)
    },
    async drained() {
      await Promise.all(printing)
      if (missingBrowser) throw missingBrowser
    }
  }
}
