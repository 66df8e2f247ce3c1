/**
 * read: load every chapter file of every document into a VFile. A file that
 * cannot be read gets a fatal message; its document is skipped later, the
 * others go on.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import type {DocumentSource, Project} from '../project.js'

export interface ReadDocument {
  source: DocumentSource
  /** One file per chapter, paths relative to the project root. */
  files: VFile[]
}

export async function read(project: Project): Promise<ReadDocument[]> {
  return Promise.all(
    project.documents.map(async (source) => ({
      source,
      files: await Promise.all(
        source.files.map(async (relative) => {
          const file = new VFile({path: relative, cwd: project.root})
          try {
            file.value = await fs.readFile(path.join(project.root, relative), 'utf8')
          } catch (error) {
            const message = file.message(`Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
              ruleId: 'unreadable',
              source: 'policy-press'
            })
            message.fatal = true
          }
          return file
        })
      )
    }))
  )
}
