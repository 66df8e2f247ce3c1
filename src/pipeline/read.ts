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

const reasons: Record<string, string> = {
  ENOENT: 'no such file (a broken link?)',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links'
}

function describeError(error: NodeJS.ErrnoException): string {
  return (error.code && reasons[error.code]) ?? error.message
}

/** Read `documents` (default: those this run builds). */
export async function read(project: Project, documents = project.documents): Promise<ReadDocument[]> {
  return Promise.all(
    documents.map(async (source) => ({
      source,
      files: await Promise.all(
        source.files.map(async (relative) => {
          const file = new VFile({path: relative, cwd: project.root})
          try {
            file.value = await fs.readFile(path.join(project.root, relative), 'utf8')
          } catch (error) {
            const message = file.message(`Cannot read file: ${describeError(error as NodeJS.ErrnoException)}`, {
              place: {line: 1, column: 1},
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
