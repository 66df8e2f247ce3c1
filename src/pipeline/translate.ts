/**
 * translate: the tree of a document in one language. Each language gets its
 * own copy of the source tree (no state leaks between languages), and every
 * segment of it is replaced by its translation from the merged catalog:
 *
 * - current: the translation;
 * - stale: the old translation (or the source, if the config says so),
 *   marked `data-translation="stale"`;
 * - missing: the source, marked `data-translation="missing"` and `lang`;
 * - copied (a number, date, amount or address, see segments/copied.ts):
 *   the source, unmarked and not counted.
 *
 * Translations that drop a link, footnote reference, inline code or image
 * are reported at their PO entry.
 */
import type {Html, Parent, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {MergedEntry} from '../catalog/merge.js'
import type {FrontMatter} from '../markdown/front-matter.js'
import type {CopyKind} from '../segments/copied.js'
import {checkTranslation} from '../segments/check.js'
import {sourceTexts} from '../segments/extract.js'
import {collectDefinitions, footnoteIds, fromInlineMarkdown} from '../segments/inline-markdown.js'
import {type BlockSegment, blockSegments} from '../segments/segment.js'
import type {ParsedDocument} from './parse.js'

export interface TranslatedChapter {
  file: VFile
  tree: Root
}

export interface TranslationCounts {
  total: number
  current: number
  stale: number
  missing: number
}

export interface TranslatedDocument {
  document: ParsedDocument
  lang: string
  meta: FrontMatter
  chapters: TranslatedChapter[]
  /** `'source'` for the source language; otherwise how much is translated. */
  state: 'source' | 'translated' | 'untranslated'
  counts: TranslationCounts
  /** Segments shown not as a current translation, for `--strict`. */
  open: Array<{state: 'stale' | 'missing'; location: string}>
}

export interface TranslateOptions {
  source: string
  /** Publish machine drafts as if reviewed (default: they are marked like stale passages). */
  publishMachineDrafts?: boolean | undefined
  /** The merged catalog of this document and language; `undefined` for the source language. */
  catalog: {entries: Map<string, MergedEntry>; file: VFile} | undefined
  /** What a stale passage shows: its old translation or the source (default: `'translation'`). */
  stale: 'translation' | 'source'
  /** Whether to report translation problems (once per build, not per format). */
  report: boolean
  /** Kinds of block copied as they are, not translated (the config's `translations.copy`). */
  copy: readonly CopyKind[]
}

function mark(node: Parent, state: string, lang: string | undefined): void {
  const data = (node.data ??= {}) as {hProperties?: Record<string, unknown>}
  data.hProperties = {...data.hProperties, dataTranslation: state, ...(lang ? {lang} : {})}
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** Put `text` where `segment` lives in its tree. */
function apply(segment: BlockSegment, text: string, sourceChildren: PhrasingContent[] | undefined, onTooDeep?: (reason: string) => void): PhrasingContent[] | undefined {
  const {target} = segment
  if (target.type === 'inline') {
    const children = fromInlineMarkdown(text, footnoteIds(sourceChildren ?? []), onTooDeep)
    target.node.children = children
    return children
  }
  if (target.type === 'image') {
    target.node[target.attribute] = text
    return undefined
  }
  let seen = -1
  const html = target.node as Html
  html.value = html.value.replace(/(\s(alt|title)\s*=\s*)("[^"]*"|'[^']*')/gi, (match, prefix: string, name: string) => {
    if (name.toLowerCase() !== target.attribute || ++seen !== target.occurrence) return match
    return `${prefix}"${escapeAttribute(text)}"`
  })
  return undefined
}

export function translate(document: ParsedDocument, lang: string, options: TranslateOptions): TranslatedDocument {
  const chapters = document.chapters.map((chapter) => ({file: chapter.file, tree: structuredClone(chapter.tree)}))
  const meta = structuredClone(document.meta!)
  const counts: TranslationCounts = {total: 0, current: 0, stale: 0, missing: 0}
  const open: TranslatedDocument['open'] = []
  if (lang === options.source) return {document, lang, meta, chapters, state: 'source', counts, open}

  const entries = options.catalog?.entries ?? new Map<string, MergedEntry>()
  /** The text to show for a source text, and its state. */
  const lookup = (msgid: string, location: string): {text: string; state: 'current' | 'stale' | 'missing'; translated: boolean} => {
    const merged = entries.get(msgid)
    const found = merged?.state ?? 'missing'
    const state = found === 'machine' ? (options.publishMachineDrafts ? 'current' : 'stale') : found
    counts.total++
    counts[state]++
    if (state !== 'current') open.push({state, location})
    const translated = !(state === 'missing' || (state === 'stale' && options.stale === 'source'))
    return {text: translated ? merged!.entry.msgstr : msgid, state, translated}
  }
  const first = document.chapters[0]?.file.path ?? ''
  const line = (field: string) => `${first}:${document.metaLines[field] ?? 1}`

  meta.title = lookup(document.meta!.title, line('title')).text
  if (meta.subtitle) meta.subtitle = lookup(meta.subtitle, line('subtitle')).text
  if (meta.summary) meta.summary = lookup(meta.summary.replace(/[ \t\r\n]+/g, ' '), line('summary')).text
  meta.keywords = meta.keywords.map((keyword) => lookup(keyword, line('keywords')).text)

  const texts = sourceTexts(document, options.copy)
  for (const [index, chapter] of chapters.entries()) {
    const definitions = collectDefinitions(chapter.tree)
    for (const [position, segment] of blockSegments([chapter.tree]).entries()) {
      const msgid = texts[index]![position]!
      if (msgid === '') continue
      const {text, state, translated: useTranslation} = lookup(msgid, `${chapter.file.path}:${segment.line}`)
      const sourceChildren = segment.target.type === 'inline' ? segment.target.node.children : undefined
      const block = segment.target.type === 'image' ? segment.target.block : segment.target.type === 'inline' ? segment.target.node : undefined
      if (useTranslation) {
        // A translation nested too deep (a hostile PO file) is shown as plain text, and reported at its entry.
        const translated = apply(segment, text, sourceChildren, (reason) => {
          if (options.report && options.catalog) {
            options.catalog.file.message(reason, {place: {line: entries.get(msgid)!.entry.line || 1, column: 1}, ruleId: 'too-deep', source: 'policy-press'})
          }
        })
        if (translated && sourceChildren && options.report && options.catalog && state !== 'missing') {
          const entry = entries.get(msgid)!.entry
          for (const problem of checkTranslation(sourceChildren, translated, definitions)) {
            options.catalog.file.message(problem.reason, {
              place: {line: entry.line || 1, column: 1},
              ruleId: problem.ruleId,
              source: 'policy-press'
            })
          }
        }
      }
      // A list item's first paragraph may be rendered without <p> (tight lists): mark the item.
      const holder = segment.parent.type === 'listItem' && segment.parent.children[0] === block ? segment.parent : block
      if (state !== 'current' && holder) mark(holder, state, useTranslation ? undefined : options.source)
    }
  }
  // A page with nothing translated says so once, instead of marking every block.
  const state = counts.current + counts.stale === 0 ? 'untranslated' : 'translated'
  return {document, lang, meta, chapters, state, counts, open}
}
