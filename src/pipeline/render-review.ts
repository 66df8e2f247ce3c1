/**
 * render-review: the review page of a translation, `OUT/<lang>/<slug>.review.html`:
 * source and translation side by side, segment by segment, with each one's
 * state, the word diff of the source for stale ones, and its places in the
 * source and the PO file; filtered by state with plain HTML and CSS.
 */
import type {LoadedCatalog} from '../catalog/load.js'
import {wordDiff} from '../catalog/status.js'
import {localize} from '../config.js'
import type {Templates} from '../html/templates.js'
import type {Project} from '../project.js'
import type {UiStrings} from '../ui-strings.js'
import type {Page} from './render-html.js'

export function renderReview(
  catalog: LoadedCatalog,
  title: string,
  context: {project: Project; templates: Templates; strings: Map<string, UiStrings>; version: string}
): Page {
  const {project} = context
  const source = project.config.source
  const ui = context.strings.get(catalog.lang)!
  const labels = {current: ui.stateCurrent, stale: ui.stateStale, missing: ui.stateMissing, machine: ui.stateMachine}
  const merged = catalog.merge?.merged ?? []
  const counts = {total: merged.length, current: 0, stale: 0, missing: 0, machine: 0}
  const segments = merged.map(({entry, state}, index) => {
    counts[state]++
    const diff = state === 'stale' && entry.previous !== undefined ? wordDiff(entry.previous, entry.msgid) : undefined
    return {
      index: index + 1,
      state,
      label: labels[state],
      location: entry.references[0] ?? '',
      po: entry.line ? `${catalog.file.path}:${entry.line}` : catalog.file.path,
      source: entry.msgid,
      diff: diff?.map((part) => ({[part.type]: true, text: part.text})),
      translation: entry.msgstr
    }
  })
  const view = {
    lang: catalog.lang,
    slug: catalog.slug,
    title,
    languageName: ui.languageName,
    sourceLang: source,
    sourceLanguageName: context.strings.get(source)?.languageName ?? source,
    site: {title: localize(project.config.site.title, catalog.lang, source)},
    summary: `${counts.current} ${ui.stateCurrent}, ${counts.stale} ${ui.stateStale}, ${counts.machine} ${ui.stateMachine}, ${counts.missing} ${ui.stateMissing}.`,
    counts,
    segments,
    ui,
    generator: `policy-press ${context.version}`
  }
  return {path: `${catalog.lang}/${catalog.slug}.review.html`, contents: context.templates.render('review.html', view)}
}
