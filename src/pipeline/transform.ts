/**
 * transform: the language-specific tree made ready for HTML: links between
 * documents point at built pages, files at their copies, images with a
 * caption become figures. Problems are reported on the source language only,
 * so a broken link is one warning, not one per language.
 */
import {figures} from '../markdown/figures.js'
import {rewriteLinks} from '../markdown/links.js'
import type {SiteIndex} from '../markdown/site-index.js'
import type {TranslatedDocument} from './translate.js'

export interface TransformOptions {
  index: SiteIndex
  /** Collects the files under `documents/` that pages link to. */
  assets: Set<string>
  report: boolean
}

export function transform(document: TranslatedDocument, options: TransformOptions): TranslatedDocument {
  const links = rewriteLinks({...options, slug: document.document.source.slug})
  const figure = figures()
  for (const chapter of document.chapters) {
    links(chapter.tree, chapter.file)
    figure(chapter.tree)
  }
  return document
}
