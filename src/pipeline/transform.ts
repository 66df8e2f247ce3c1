/**
 * transform: the language-specific tree made ready for HTML: links between
 * documents point at built pages, files at their copies (a language's own
 * version of a file where there is one, `cycle.lv.png` for `cycle.png`),
 * images with a caption become figures. Problems are reported on the source
 * language only, so a broken link is one warning, not one per language.
 */
import {figures} from '../markdown/figures.js'
import {rewriteLinks} from '../markdown/links.js'
import type {FigureReport} from '../markdown/localized-files.js'
import type {SiteIndex} from '../markdown/site-index.js'
import type {TranslatedDocument} from './translate.js'

export interface TransformOptions {
  index: SiteIndex
  /** Collects the files under `documents/` that pages link to. */
  assets: Set<string>
  report: boolean
  /** Report images with no version for these languages, as errors when `fatal` (default: none reported). */
  figures?: FigureReport | undefined
}

export function transform(document: TranslatedDocument, options: TransformOptions): TranslatedDocument {
  const lang = document.state === 'source' ? undefined : document.lang
  const links = rewriteLinks({...options, slug: document.document.source.slug, lang})
  const figure = figures()
  for (const chapter of document.chapters) {
    links(chapter.tree, chapter.file)
    figure(chapter.tree)
  }
  return document
}
