/**
 * read: load every chapter file of every document into a VFile. A file that
 * cannot be read gets a fatal message; its document is skipped later, the
 * others go on. Only files inside the project, no larger than the size
 * limit, are read (see boundary.ts): a symbolic link out of the project is
 * refused before its target is opened.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {BoundaryError, readErrorRule, readProjectFile} from '../boundary.js'
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

/** The message and rule for a file that cannot be read. */
export function describeReadError(error: NodeJS.ErrnoException): {reason: string; ruleId: string} {
  if (error instanceof BoundaryError) return {reason: error.message, ruleId: readErrorRule(error)}
  return {reason: `Cannot read file: ${(error.code && reasons[error.code]) ?? error.message}`, ruleId: 'unreadable'}
}

/** Read `documents` (default: those this run builds). */
export async function read(project: Project, documents = project.documents): Promise<ReadDocument[]> {
  const maxBytes = project.config.limits.fileSize * 1024 * 1024
  return Promise.all(
    documents.map(async (source) => ({
      source,
      files: await Promise.all(
        source.files.map(async (relative) => {
          const file = new VFile({path: relative, cwd: project.root})
          try {
            file.value = await readProjectFile(project.root, path.join(project.root, relative), {maxBytes}, 'utf8')
          } catch (error) {
            const {reason, ruleId} = describeReadError(error as NodeJS.ErrnoException)
            file.message(reason, {place: {line: 1, column: 1}, ruleId, source: 'policy-press'}).fatal = true
          }
          return file
        })
      )
    }))
  )
}
