/** render-index: `OUT/index.html`, every document of the site in every language its page is built in. */
import {localize} from '../config.js'
import type {Templates} from '../html/templates.js'
import type {Project} from '../project.js'
import type {UiStrings} from '../ui-strings.js'
import type {Page} from './render-html.js'
import type {SiteDocument} from './site-record.js'
import {percentCurrent} from '../catalog/status.js'

export function renderIndex(
  documents: SiteDocument[],
  context: {project: Project; templates: Templates; strings: Map<string, UiStrings>; version: string}
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
    documents: documents.map((document) => ({
      slug: document.slug,
      title: document.title,
      subtitle: document.subtitle,
      summary: document.summary,
      type: ui.documentTypes[document.type],
      date: document.date,
      languages: project.allLanguages.map((lang) => {
        const counts = document.languages[lang]
        const translated = counts !== undefined && counts.current + counts.stale > 0
        const percent = counts ? percentCurrent(counts.current, counts.total) : 0
        return {
          lang,
          name: strings.get(lang)?.languageName ?? lang,
          href: `${lang}/${document.slug}.html`,
          built: counts !== undefined,
          state: lang === source ? 'current' : !translated ? 'missing' : percent === 100 ? 'current' : 'stale',
          status: lang === source ? ui.original : translated ? `${percent} %` : strings.get(lang)?.notYetTranslated,
          review: lang === source || counts === undefined ? undefined : `${lang}/${document.slug}.review.html`
        }
      })
    })),
    generator: `policy-press ${context.version}`
  }
  return {path: 'index.html', contents: context.templates.render('index.html', view)}
}
