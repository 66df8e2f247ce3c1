/**
 * Writing a file so that a reader never sees half of it: the bytes go to a
 * temporary file beside it, which is then renamed over it. PO files, pages,
 * PDFs and manifests are all written this way; it sits below the catalog and
 * the pipeline, which both use it.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

export interface AtomicOptions {
  /** The file's folder exists already: the caller made it (default: `false`, it is made). */
  folderMade?: boolean | undefined
}

/** Fill a temporary file beside `file` with `fill`, then rename it over `file`. */
async function replace(file: string, fill: (temporary: string) => Promise<void>, options: AtomicOptions): Promise<void> {
  if (!options.folderMade) await fs.mkdir(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    await fill(temporary)
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}

export async function writeAtomic(file: string, contents: string | Buffer, options: AtomicOptions = {}): Promise<void> {
  await replace(file, (temporary) => fs.writeFile(temporary, contents), options)
}

/** Copy `from` to `file` the same way; the kernel copies the bytes (none pass through Node). */
export async function copyAtomic(from: string, file: string, options: AtomicOptions = {}): Promise<void> {
  await replace(file, (temporary) => fs.copyFile(from, temporary), options)
}
