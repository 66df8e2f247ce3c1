/**
 * The catalogs of a project, merged in memory with the current source. Every
 * command that reads translations (sync, status, build) starts here, so they
 * agree on what is current, stale and missing, whether or not sync ran.
 */
import {mapLimit} from '../map-limit.js'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import type {ParsedDocument} from '../pipeline/parse.js'
import type {Project} from '../project.js'
import type {CopyKind} from '../segments/copied.js'
import {extractSegments, type SourceSegment} from '../segments/extract.js'
import {segmentationVersion} from '../segments/segment.js'
import {mergeCatalog, type MergeResult} from './merge.js'
import {type Catalog, changeTime, readCatalog, revisionDate} from './po.js'

export interface LoadedCatalog {
  slug: string
  lang: string
  /** Absolute path of the PO file. */
  path: string
  /** The PO file, with its text and any messages. */
  file: VFile
  /** Whether the file exists. */
  exists: boolean
  /** `undefined` when the file is broken: it must then be left alone. */
  merge: MergeResult | undefined
  segments: SourceSegment[]
}

export function catalogPath(project: Project, lang: string, slug: string): string {
  return path.join(project.translationsDir, lang, `${slug}.po`)
}

/**
 * The header of a catalog: gettext's standard fields (msgfmt --check wants them all), what policy-press
 * keeps in its own `X-` fields, and what a translator or their editor set (`Last-Translator`,
 * `Language-Team`, `PO-Revision-Date`), which is kept. A new file is dated when it is made.
 */
function headersFor(source: string, lang: string, slug: string, old: Record<string, string> | undefined): Record<string, string> {
  return {
    'Project-Id-Version': slug,
    'PO-Revision-Date': old?.['PO-Revision-Date'] ?? revisionDate(changeTime()),
    'Last-Translator': old?.['Last-Translator'] ?? '',
    'Language-Team': old?.['Language-Team'] ?? '',
    Language: lang,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    ...(old ? {} : {'X-Generator': 'policy-press'}),
    'X-Policy-Press-Source-Language': source,
    'X-Policy-Press-Segmentation': String(segmentationVersion)
  }
}

/** A document as catalogs see it: its slug and its segments. */
export interface SegmentedDocument {
  slug: string
  segments: SourceSegment[]
}

/** The segments of parsed documents (those that can be built); blocks of the kinds in `copy` are not segments. */
export function segmented(documents: ParsedDocument[], copy: readonly CopyKind[]): SegmentedDocument[] {
  return documents
    .filter((document) => document.meta && !document.fatal)
    .map((document) => ({slug: document.source.slug, segments: extractSegments(document, copy)}))
}

export async function loadCatalogs(project: Project, documents: SegmentedDocument[], languages: string[]): Promise<LoadedCatalog[]> {
  const jobs = documents.flatMap((document) => languages.map((lang) => ({slug: document.slug, lang, segments: document.segments})))
  return mapLimit(jobs, 64, async ({slug, lang, segments}) => {
    const full = catalogPath(project, lang, slug)
    const file = new VFile({path: path.relative(project.root, full), cwd: project.root})
    const old = await readCatalog(full, file, {maxBytes: project.config.limits.fileSize * 1024 * 1024})
    if (old === null) return {slug, lang, path: full, file, exists: true, merge: undefined, segments}
    const merge = mergeWithSource(project.config.source, lang, slug, old, segments, file)
    return {slug, lang, path: full, file, exists: old !== undefined, merge, segments}
  })
}

/** Merge a catalog read from `file` (`undefined`: none yet) with its document's segments, in a project whose source language is `source`; `undefined`, with a fatal message, for a file a newer policy-press wrote. */
export function mergeWithSource(source: string, lang: string, slug: string, old: Catalog | undefined, segments: SourceSegment[], file: VFile): MergeResult | undefined {
  const made = Number(old?.headers['X-Policy-Press-Segmentation'] ?? segmentationVersion)
  if (made > segmentationVersion) {
    file.message(
      `Unexpected segmentation version ${made}, expected ${segmentationVersion} or older: this file was written by a newer policy-press`,
      {place: {line: 1, column: 1}, ruleId: 'po-version', source: 'policy-press'}
    ).fatal = true
    return undefined
  }
  return mergeCatalog(old, segments, headersFor(source, lang, slug, old?.headers))
}

/** PO files under `translations/<lang>/` that belong to no document: a warning each. */
export async function strayCatalogs(project: Project, languages: string[]): Promise<VFile[]> {
  const slugs = new Set(project.allSlugs)
  const files: VFile[] = []
  for (const lang of languages) {
    const names = await fs.readdir(path.join(project.translationsDir, lang)).catch(() => [] as string[])
    for (const name of names.filter((item) => item.endsWith('.po')).sort()) {
      const slug = name.slice(0, -3)
      if (slugs.has(slug)) continue
      const file = new VFile({path: path.relative(project.root, path.join(project.translationsDir, lang, name)), cwd: project.root})
      file.message(`Unexpected PO file for unknown document \`${slug}\`, expected one of ${[...slugs].map((item) => `\`${item}\``).join(', ')}`, {
        place: {line: 1, column: 1},
        ruleId: 'unknown-document',
        source: 'policy-press'
      })
      files.push(file)
    }
  }
  return files
}
