/**
 * The site as the output folder holds it: every document with pages there,
 * and for each language its page was built in, the translation counts. It is
 * kept in the build manifest, so a build of some documents or languages
 * (`--doc`, `--lang`, preview) or a build where a document failed writes an
 * index of the whole site, not of what this run built.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {FrontMatter} from '../markdown/front-matter.js'
import type {Project} from '../project.js'
import type {TranslationCounts} from './translate.js'

export interface SiteDocument {
  slug: string
  title: string
  subtitle?: string | undefined
  summary?: string | undefined
  type: FrontMatter['type']
  date?: string | undefined
  /** Languages whose page is in the output, with their counts. */
  languages: Record<string, TranslationCounts>
}

/** What `previous` recorded that is still true: documents and languages of the project whose pages are in `out`. */
export async function keptSite(previous: SiteDocument[] | undefined, project: Project, out: string): Promise<Map<string, SiteDocument>> {
  const site = new Map<string, SiteDocument>()
  for (const document of previous ?? []) {
    if (!project.allSlugs.includes(document.slug)) continue
    const languages = await Promise.all(
      Object.entries(document.languages)
        .filter(([lang]) => project.allLanguages.includes(lang))
        .map(async ([lang, counts]) => ((await fs.stat(path.join(out, lang, `${document.slug}.html`)).catch(() => undefined)) ? [[lang, counts] as const] : []))
    )
    const kept = Object.fromEntries(languages.flat())
    if (Object.keys(kept).length > 0) site.set(document.slug, {...document, languages: kept})
  }
  return site
}

/** Record a page built in `lang`, with the document's front matter as this build read it. */
export function recordPage(site: Map<string, SiteDocument>, slug: string, meta: FrontMatter, lang: string, counts: TranslationCounts): void {
  const languages = site.get(slug)?.languages ?? {}
  site.set(slug, {slug, title: meta.title, subtitle: meta.subtitle, summary: meta.summary, type: meta.type, date: meta.date, languages: {...languages, [lang]: counts}})
}

/** The site's documents in the project's order. */
export function siteDocuments(site: Map<string, SiteDocument>, project: Project): SiteDocument[] {
  return project.allSlugs.flatMap((slug) => site.get(slug) ?? [])
}
