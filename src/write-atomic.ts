/**
 * Writing a file so that a reader never sees half of it: the bytes go to a
 * temporary file beside it, which is then renamed over it. PO files, pages,
 * PDFs and manifests are all written this way; it sits below the catalog and
 * the pipeline, which both use it.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

export async function writeAtomic(file: string, contents: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    await fs.writeFile(temporary, contents)
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}
