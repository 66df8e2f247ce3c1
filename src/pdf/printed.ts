/**
 * The PDFs printed last time: the hash of each one's inputs (print page,
 * styles, options), by `lang/slug`, in the cache folder. An unchanged PDF is
 * not printed again; a PDF never printed means the browser is certainly
 * needed.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {writeAtomic} from '../write-atomic.js'

/** The hashes of the PDFs printed last time (see `PdfContext.printed`). */
export async function readPrinted(cacheDir: string): Promise<Map<string, string>> {
  const text = await fs.readFile(path.join(cacheDir, 'pdf.json'), 'utf8').catch(() => '{}')
  return new Map(Object.entries(JSON.parse(text) as Record<string, string>))
}

export async function writePrinted(cacheDir: string, printed: Map<string, string>): Promise<void> {
  await writeAtomic(path.join(cacheDir, 'pdf.json'), JSON.stringify(Object.fromEntries(printed)))
}
