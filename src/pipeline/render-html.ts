/**
 * render-html: a translated, transformed document to a whole HTML page in
 * the page template: body, table of contents, language switcher and
 * `hreflang` alternates, the notice for pages not yet translated.
 */
import type {Element, Root as HastRoot} from 'hast'
import {visit} from 'unist-util-visit'
import {toHtml} from 'hast-util-to-html'
import type {Root, RootContent} from 'mdast'
import {localize} from '../config.js'
import type {HtmlRenderer} from '../html/to-html.js'
import type {Templates} from '../html/templates.js'
import {rehypeScrollRegions} from '../html/scroll-regions.js'
import {tableOfContents} from '../html/toc.js'
import type {Project} from '../project.js'
import type {UiStrings} from '../ui-strings.js'
import {percentCurrent} from '../catalog/status.js'
import type {TranslatedDocument} from './translate.js'

export interface Page {
  /** Output path relative to the output folder, POSIX. */
  path: string
  contents: string
}

export interface RenderContext {
  project: Project
  templates: Templates
  strings: Map<string, UiStrings>
  renderers: Map<string, HtmlRenderer>
  version: string
}

/** The chapters in one tree, for the table of contents. */
function mergeChapters(document: TranslatedDocument): Root {
  if (!document.document.source.folder) return document.chapters[0]?.tree ?? {type: 'root', children: []}
  return {
    type: 'root',
    children: document.chapters.map(
      (chapter) =>
        ({
          type: 'chapter',
          data: {hName: 'section'},
          children: chapter.tree.children
        }) as unknown as RootContent
    )
  }
}

const footnoteId = /^(fn-|fnref-|footnote-label$)/

/** Footnote ids of chapter `n` get their own prefix, so each chapter can carry its own notes. */
function namespaceFootnotes(tree: HastRoot, prefix: string): void {
  visit(tree, 'element', (node: Element) => {
    const {properties} = node
    if (typeof properties.id === 'string' && footnoteId.test(properties.id)) properties.id = `${prefix}${properties.id}`
    // Inside a chapter (an h2), its notes are a level below.
    if (node.tagName === 'h2' && properties.id === `${prefix}footnote-label`) node.tagName = 'h3'
    if (typeof properties.href === 'string' && footnoteId.test(properties.href.slice(1)) && properties.href.startsWith('#')) {
      properties.href = `#${prefix}${properties.href.slice(1)}`
    }
    if (Array.isArray(properties.ariaDescribedBy)) {
      properties.ariaDescribedBy = properties.ariaDescribedBy.map((id) => (String(id) === 'footnote-label' ? `${prefix}footnote-label` : id))
    }
  })
}

/**
 * The body of a page as sanitized hast. A folder document is rendered chapter
 * by chapter, each a `<section>` ending with its own notes (as each chapter
 * file is parsed on its own, its footnotes are its own anyway).
 */
function renderBody(document: TranslatedDocument, renderer: HtmlRenderer): HastRoot {
  if (!document.document.source.folder) return renderer.tree(document.chapters[0]?.tree ?? {type: 'root', children: []}, document.chapters[0]?.file)
  return {
    type: 'root',
    children: document.chapters.map((chapter, index) => {
      const body = renderer.tree(chapter.tree, chapter.file)
      namespaceFootnotes(body, `ch${index + 1}-`)
      return {
        type: 'element',
        tagName: 'section',
        properties: {className: ['chapter', `chapter-${index + 1}`]},
        children: body.children as Element['children']
      } satisfies Element
    })
  }
}

export function languageLinks(project: Project, strings: Map<string, UiStrings>, current: string, page: (lang: string) => string) {
  return project.allLanguages.map((lang) => ({
    lang,
    name: strings.get(lang)?.languageName ?? lang,
    href: page(lang),
    current: lang === current
  }))
}

/** What the page and the PDF of a document share: the body as hast, and the template values. */
export interface RenderedDocument {
  body: HastRoot
  view: Record<string, unknown> & {title: string; contentLang: string}
}

export function renderDocument(document: TranslatedDocument, context: RenderContext): RenderedDocument {
  const {project} = context
  const {lang} = document
  const source = project.config.source
  const slug = document.document.source.slug
  const meta = document.meta
  const strings = context.strings.get(lang)!
  const tree = mergeChapters(document)
  const body = renderBody(document, context.renderers.get(lang)!)
  rehypeScrollRegions({label: strings.tableLabel})(body)
  const untranslated = document.state === 'untranslated'
  const {counts} = document
  const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match))
  const translation =
    document.state === 'translated'
      ? {
          statement: [
            fill(strings.translationStatus, {percent: percentCurrent(counts.current, counts.total)}),
            ...(counts.stale > 0 ? [fill(strings.staleCount, {count: counts.stale})] : []),
            ...(counts.missing > 0 ? [fill(strings.missingCount, {count: counts.missing})] : [])
          ].join(' '),
          stale: counts.stale > 0,
          missing: counts.missing > 0,
          complete: counts.stale + counts.missing === 0
        }
      : undefined
  const view = {
    lang,
    slug,
    title: meta.title,
    subtitle: meta.subtitle,
    summary: meta.summary,
    type: strings.documentTypes[meta.type],
    authors: meta.authors.map((author) => ({name: author.name, organisation: author.organisation})),
    hasAuthors: meta.authors.length > 0,
    authorNames: meta.authors.map((author) => author.name).join('; '),
    date: meta.date,
    version: meta.version,
    keywords: meta.keywords.join(', '),
    languageName: strings.languageName,
    site: {
      title: localize(project.config.site.title, lang, source),
      organisation: localize(project.config.site.organisation, lang, source)
    },
    ui: strings,
    toc: tableOfContents(tree),
    untranslated,
    translation,
    contentLang: untranslated ? source : lang,
    sourceLanguageName: context.strings.get(source)?.languageName ?? source,
    languages: languageLinks(project, context.strings, lang, (other) => `../${other}/${slug}.html`),
    generator: `policy-press ${context.version}`
  }
  return {body, view}
}

export function renderHtml(rendered: RenderedDocument, context: RenderContext, pdf: boolean): Page {
  const {view} = rendered
  const url = context.project.config.site.url
  const page = {
    ...view,
    content: toHtml(rendered.body),
    stylesheet: '../assets/style.css',
    home: '../index.html',
    pdf: pdf ? `${view.slug}.pdf` : undefined,
    canonical: url ? new URL(`${view.lang}/${view.slug}.html`, withSlash(url)).href : undefined
  }
  return {path: `${view.lang}/${view.slug}.html`, contents: context.templates.render('page.html', page)}
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}
