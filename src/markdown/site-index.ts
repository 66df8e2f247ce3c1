/**
 * What links between documents resolve against: every chapter file and the
 * document it belongs to, and every anchor of every document.
 */
import path from 'node:path'
import {visit} from 'unist-util-visit'
import {type BoundaryError, checkProjectFileSync} from '../boundary.js'
import type {ParsedDocument} from '../pipeline/parse.js'
import type {ReadDocument} from '../pipeline/read.js'

export interface LinkTarget {
  slug: string
  /** The chapter file, POSIX path relative to the root. */
  file: string
}

export interface SiteIndex {
  /** Chapter file (POSIX path relative to the root) → its document. */
  files: Map<string, LinkTarget>
  /** A document's anchors (`undefined` for no such document). */
  anchors(slug: string): Set<string> | undefined
  /** Where a link to a chapter file lands: the chapter's first heading, or (the first chapter) the page's top. */
  landing(target: LinkTarget): string | undefined
  /** Whether a file (POSIX path relative to the root) exists and is a file. */
  assetExists: (file: string) => boolean
  /** Why a file that exists may not be copied (it leaves the project), if it may not. */
  assetRefused: (file: string) => BoundaryError | undefined
}

/**
 * The index of `documents` (all of the project's, read but not necessarily
 * parsed): a document is parsed (by `parsed`, which keeps what it made)
 * only when a link needs its anchors, so a build can print its first
 * document before it has parsed the last.
 */
export function indexSite(documents: ReadDocument[], parsed: (slug: string) => ParsedDocument, root: string): SiteIndex {
  const files = new Map<string, LinkTarget>()
  for (const document of documents) {
    for (const file of document.files) files.set(toPosix(file.path), {slug: document.source.slug, file: toPosix(file.path)})
  }
  const slugs = new Set(documents.map((document) => document.source.slug))
  const firstFiles = new Map(documents.map((document) => [document.source.slug, document.files[0] && toPosix(document.files[0].path)]))
  // Linked files are copied, not parsed: the size limit is not theirs.
  const check = (file: string) => checkProjectFileSync(root, path.join(root, ...file.split('/')), {maxBytes: Number.POSITIVE_INFINITY})
  // A file that leaves the project does not exist for links: a language's version of a figure falls back to the original.
  const assetExists = (file: string): boolean => {
    const checked = check(file)
    return checked !== undefined && 'real' in checked
  }
  const assetRefused = (file: string): BoundaryError | undefined => {
    const checked = check(file)
    return checked && 'error' in checked ? checked.error : undefined
  }
  return {
    files,
    anchors: (slug) => (slugs.has(slug) ? parsed(slug).anchors : undefined),
    landing(target) {
      // The first chapter stands for the whole document: a link to it lands on the page's top (and the
      // document need not be parsed yet to know that).
      if (firstFiles.get(target.slug) === target.file) return undefined
      const chapters = parsed(target.slug).chapters
      const index = chapters.findIndex((chapter) => toPosix(chapter.file.path) === target.file)
      return index > 0 ? chapters[index]!.anchor : undefined
    },
    assetExists,
    assetRefused
  }
}

/**
 * Slugs of the documents that `document` links to (by their Markdown
 * files), so a build can wait for them to be parsed before it resolves
 * the links.
 */
export function linkedDocuments(document: ParsedDocument, index: SiteIndex): string[] {
  const slugs = new Set<string>()
  for (const chapter of document.chapters) {
    const here = path.posix.dirname(toPosix(chapter.file.path))
    visit(chapter.tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return
      const pathname = node.url.replace(/[?#].*$/, '')
      if (!/\.md$/i.test(pathname) || /^[a-zA-Z][a-zA-Z\d+.-]*:/.test(pathname)) return
      let decoded = pathname
      try {
        decoded = decodeURIComponent(pathname)
      } catch {
        // Kept as written, as links.ts does.
      }
      const target = index.files.get(path.posix.normalize(path.posix.join(here, decoded)))
      if (target && target.slug !== document.source.slug) slugs.add(target.slug)
    })
  }
  return [...slugs]
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}
