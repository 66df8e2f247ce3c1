/**
 * The segments of a source document, as catalog entries: one per distinct
 * text, in document order, with every place it occurs, what kind of block
 * it is, where it sits, and the author's note.
 */
import type {ParsedDocument} from '../pipeline/parse.js'
import {copiedKind, type CopyKind} from './copied.js'
import {collectDefinitions} from './inline-markdown.js'
import {blockSegments, type BlockSegment, describeSegment, type SegmentKind, segmentText, visibleText} from './segment.js'

export interface SourceSegment {
  msgid: string
  kind: SegmentKind
  /** `documents/<file>:<line>` of every occurrence. */
  references: string[]
  /** "paragraph · Recommendations › Funding", then the author's note if any. */
  comment: string
}

/** Per document, per setting of `translations.copy`: a project has one setting, tests may try several. */
const textsCache = new WeakMap<ParsedDocument, Map<string, string[][]>>()

/** Whether a block is copied as it is: judged on the text a reader sees, so `**12**` and `<https://x.org>` count. */
function isCopied(segment: BlockSegment, text: string, copy: readonly CopyKind[]): boolean {
  return copy.length > 0 && copiedKind(visibleText(segment) ?? text, copy) !== undefined
}

/**
 * The text of every block segment of each chapter of the source, computed
 * once per document: each language's copy of a tree has the same segments
 * in the same order, so translate looks them up by position. A block with
 * nothing to translate, empty or copied as it is (see copied.ts), has the
 * text `''`.
 */
export function sourceTexts(document: ParsedDocument, copy: readonly CopyKind[]): string[][] {
  let byCopy = textsCache.get(document)
  if (!byCopy) textsCache.set(document, (byCopy = new Map()))
  const key = copy.join(',')
  let texts = byCopy.get(key)
  if (!texts) {
    texts = document.chapters.map((chapter) => {
      const definitions = collectDefinitions(chapter.tree)
      return blockSegments([chapter.tree]).map((segment) => {
        const text = segmentText(segment, definitions)
        return isCopied(segment, text, copy) ? '' : text
      })
    })
    byCopy.set(key, texts)
  }
  return texts
}

export const metaFields = ['title', 'subtitle', 'summary', 'keywords'] as const

/**
 * Distinct segments of `document` in order; a text that occurs twice is one
 * entry with two references. Blocks of the kinds in `copy` are left out.
 */
export function extractSegments(document: ParsedDocument, copy: readonly CopyKind[]): SourceSegment[] {
  const byText = new Map<string, SourceSegment>()
  const add = (msgid: string, kind: SegmentKind, reference: string, comment: string): void => {
    if (msgid === '') return
    const known = byText.get(msgid)
    if (known) {
      if (!known.references.includes(reference)) known.references.push(reference)
      return
    }
    byText.set(msgid, {msgid, kind, references: [reference], comment})
  }

  const meta = document.meta
  const first = document.chapters[0]?.file.path ?? document.source.files[0]!
  if (meta) {
    const reference = (field: string) => `${first}:${document.metaLines[field] ?? 1}`
    add(meta.title, 'title', reference('title'), 'title')
    if (meta.subtitle) add(meta.subtitle, 'subtitle', reference('subtitle'), 'subtitle')
    if (meta.summary) add(meta.summary.replace(/[ \t\r\n]+/g, ' '), 'summary', reference('summary'), 'summary')
    for (const keyword of meta.keywords) add(keyword, 'keyword', reference('keywords'), 'keyword')
  }

  const texts = sourceTexts(document, copy)
  for (const [index, chapter] of document.chapters.entries()) {
    for (const [position, segment] of blockSegments([chapter.tree]).entries()) {
      const comment = describeSegment(segment.kind, segment.headings)
      add(texts[index]![position]!, segment.kind, `${chapter.file.path}:${segment.line}`, segment.note ? `${comment}\n${segment.note}` : comment)
    }
  }
  return [...byText.values()]
}
