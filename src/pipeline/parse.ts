/**
 * parse: Markdown to mdast, front matter validated, headings given ids that
 * stay the same in every language. Each document is parsed once per build,
 * whatever the number of languages.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {hasFatal} from '../fatal.js'
import {assignHeadingIds} from '../markdown/heading-ids.js'
import {
  type ChapterFrontMatter,
  chapterFrontMatterSchema,
  type FrontMatter,
  frontMatterSchema,
  readFrontMatter
} from '../markdown/front-matter.js'
import {parseMarkdown} from '../markdown/parser.js'
import {shiftHeadings} from '../markdown/shift-headings.js'
import type {DocumentSource} from '../project.js'
import type {ReadDocument} from './read.js'

export interface Chapter {
  file: VFile
  tree: Root
  meta: ChapterFrontMatter | undefined
  /** Id of the chapter's first heading: where a link to the chapter file lands. */
  anchor: string | undefined
}

export interface ParsedDocument {
  source: DocumentSource
  /** Every file of the document, including any that could not be read. */
  files: VFile[]
  chapters: Chapter[]
  /** `undefined` when the front matter is invalid; such a document is not built. */
  meta: FrontMatter | undefined
  /** Line of each front-matter key in the first file, for PO references. */
  metaLines: Record<string, number>
  /** Every id a link may point at: headings, explicit ids, ids in raw HTML. */
  anchors: Set<string>
  /** `true` when a file of the document has a fatal message. */
  fatal: boolean
}

/** Parse `document`, taking the tree of any of its files that was parsed already from `trees` (see parse-ahead.ts). */
export function parse(document: ReadDocument, trees: ReadonlyMap<VFile, Root> = new Map()): ParsedDocument {
  const chapters: Chapter[] = []
  const metaLines: Record<string, number> = {}
  let meta: FrontMatter | undefined
  for (const [index, file] of document.files.entries()) {
    if (file.messages.some((message) => message.fatal)) continue
    // A document nested too deep is refused here, with a fatal message at its first too-deep node.
    const tree = trees.get(file) ?? parseMarkdown(file)
    if (!tree) continue
    if (index === 0) {
      meta = readFrontMatter(tree, file, frontMatterSchema)
      const yaml = tree.children[0]
      if (yaml?.type === 'yaml') {
        for (const [offset, line] of yaml.value.split('\n').entries()) {
          const key = /^([A-Za-z]+)\s*:/.exec(line)?.[1]
          if (key) metaLines[key] = (yaml.position?.start.line ?? 1) + 1 + offset
        }
      }
      chapters.push({file, tree, meta: undefined, anchor: undefined})
    } else {
      chapters.push({file, tree, meta: readFrontMatter(tree, file, chapterFrontMatterSchema), anchor: undefined})
    }
    // The front matter is data, not content.
    tree.children = tree.children.filter((node) => node.type !== 'yaml')
  }
  const fatal = hasFatal(document.files)
  shiftHeadings(chapters.map((chapter) => chapter.tree))
  const anchors = assignHeadingIds(chapters)
  return {source: document.source, files: document.files, chapters, meta: fatal ? undefined : meta, metaLines, anchors, fatal}
}
