/**
 * What links between documents resolve against: every chapter file and the
 * document it belongs to, and every anchor of every document. Built once per
 * build after all documents are parsed, so checks across files can run.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {ParsedDocument} from '../pipeline/parse.js'

export interface LinkTarget {
  slug: string
  /** Where a link to the file itself lands: the chapter's first heading, or the top. */
  anchor: string | undefined
}

export interface SiteIndex {
  /** Chapter file (POSIX path relative to the root) → its document. */
  files: Map<string, LinkTarget>
  /** Document slug → its anchors. */
  anchors: Map<string, Set<string>>
  /** Whether a file (POSIX path relative to the root) exists and is a file. */
  assetExists: (file: string) => boolean
}

export function indexSite(documents: ParsedDocument[], root: string): SiteIndex {
  const files = new Map<string, LinkTarget>()
  const anchors = new Map<string, Set<string>>()
  for (const document of documents) {
    anchors.set(document.source.slug, document.anchors)
    for (const [index, chapter] of document.chapters.entries()) {
      files.set(toPosix(chapter.file.path), {
        slug: document.source.slug,
        // The first chapter stands for the whole document: a link to it lands on the page's top.
        anchor: index === 0 ? undefined : chapter.anchor
      })
    }
  }
  const assetExists = (file: string): boolean => {
    try {
      return fs.statSync(path.join(root, ...file.split('/'))).isFile()
    } catch {
      return false
    }
  }
  return {files, anchors, assetExists}
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}
