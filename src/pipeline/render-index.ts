/** render-index: `OUT/index.html`, every document in every language. */
import {localize} from '../config.js'
import type {Templates} from '../html/templates.js'
import type {Project} from '../project.js'
import type {UiStrings} from '../ui-strings.js'
import type {Page} from './render-html.js'
import type {ParsedDocument} from './parse.js'
import type {TranslationCounts} from './translate.js'
import {percentCurrent} from '../catalog/status.js'

export function renderIndex(
  documents: ParsedDocument[],
  context: {project: Project; templates: Templates; strings: Map<string, UiStrings>; version: string},
  statuses: Map<string, TranslationCounts>
): Page {
  const {project, strings} = context
  const source = project.config.source
  const ui = strings.get(source)!
  const view = {
    lang: source,
    site: {
      title: localize(project.config.site.title, source, source),
      organisation: localize(project.config.site.organisation, source, source)
    },
    ui,
    stylesheet: 'assets/style.css',
    languageHeaders: project.allLanguages.map((lang) => ({lang, name: strings.get(lang)?.languageName ?? lang})),
    documents: documents
      .filter((document) => document.meta)
      .map((document) => ({
        slug: document.source.slug,
        title: document.meta!.title,
        subtitle: document.meta!.subtitle,
        summary: document.meta!.summary,
        type: ui.documentTypes[document.meta!.type],
        date: document.meta!.date,
        languages: project.allLanguages.map((lang) => {
          const counts = statuses.get(`${document.source.slug}\0${lang}`)
          const translated = counts !== undefined && counts.current + counts.stale > 0
          const percent = counts ? percentCurrent(counts.current, counts.total) : 0
          return {
            lang,
            name: strings.get(lang)?.languageName ?? lang,
            href: `${lang}/${document.source.slug}.html`,
            built: project.languages.includes(lang),
            state: lang === source ? 'current' : !translated ? 'missing' : percent === 100 ? 'current' : 'stale',
            status: lang === source ? ui.original : translated ? `${percent} %` : strings.get(lang)?.notYetTranslated,
            review: lang === source || counts === undefined ? undefined : `${lang}/${document.source.slug}.review.html`
          }
        })
      })),
    generator: `policy-press ${context.version}`
  }
  return {path: 'index.html', contents: context.templates.render('index.html', view)}
}
