/**
 * The PDFs printed last time: the hash of each one's inputs (print page,
 * styles, options), by `lang/slug`, in the cache folder. An unchanged PDF is
 * not printed again; a PDF never printed means the browser is certainly
 * needed.
 */
import path from 'node:path'
import {readProjectFile} from '../boundary.js'
import {writeAtomic} from '../write-atomic.js'

/** The hashes of the PDFs printed last time (see `PdfContext.printed`). */
export async function readPrinted(cacheDir: string): Promise<Map<string, string>> {
  // The cache folder sits in the project: a link in it out of the project, or a broken file, is no cache.
  const text = await readProjectFile(path.dirname(cacheDir), path.join(cacheDir, 'pdf.json'), {}, 'utf8').catch(() => '{}')
  try {
    return new Map(Object.entries(JSON.parse(text) as Record<string, string>))
  } catch {
    return new Map()
  }
}

export async function writePrinted(cacheDir: string, printed: Map<string, string>): Promise<void> {
  await writeAtomic(path.join(cacheDir, 'pdf.json'), JSON.stringify(Object.fromEntries(printed)))
}
