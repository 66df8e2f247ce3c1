/**
 * translate: the tree of a document in one language. Each language gets its
 * own copy, so no state leaks from one language into the next. Until PO
 * catalogs are wired in, a target language shows the source text, marked as
 * not yet translated.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {ParsedDocument} from './parse.js'

export interface TranslatedChapter {
  file: VFile
  tree: Root
}

export interface TranslatedDocument {
  document: ParsedDocument
  lang: string
  chapters: TranslatedChapter[]
  /** `'source'` for the source language; `'untranslated'` when a target language has no translation. */
  state: 'source' | 'untranslated'
}

export function translate(document: ParsedDocument, lang: string, source: string): TranslatedDocument {
  return {
    document,
    lang,
    chapters: document.chapters.map((chapter) => ({file: chapter.file, tree: structuredClone(chapter.tree)})),
    state: lang === source ? 'source' : 'untranslated'
  }
}
