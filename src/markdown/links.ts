/**
 * Links and images that point at files: a link to another document's
 * Markdown becomes a link to its built page in the same language; a link or
 * image to another file under `documents/` becomes a link to its copy under
 * `media/`, or to its version for the page's language when there is one
 * (localized-files.ts). Missing documents, anchors and files are warnings at
 * the link; so are images without a version for every target language, when
 * the project asks for that (`translations.localizedFigures`).
 */
import path from 'node:path'
import type {Definition, Image, ImageReference, Link, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {type FigureReport, fileFor, reportMissingVersions} from './localized-files.js'
import {type SiteIndex, toPosix} from './site-index.js'

export interface LinkOptions {
  index: SiteIndex
  /** Slug of the document being transformed. */
  slug: string
  /** Whether to report problems (only once per document, not once per language). */
  report: boolean
  /** Collects files to copy to `media/`: POSIX path relative to the root. */
  assets: Set<string>
  /** Language of the page, whose versions of files are linked where they exist (default: none, the originals). */
  lang?: string | undefined
  /**
   * Report images that have no version for some of these languages, as errors
   * when `fatal` (default: none reported). Only where `report` is set.
   */
  figures?: FigureReport | undefined
}

const scheme = /^[a-zA-Z][a-zA-Z\d+.-]*:/

function split(url: string): {pathname: string; query: string; hash: string | undefined} {
  const hashAt = url.indexOf('#')
  const hash = hashAt === -1 ? undefined : url.slice(hashAt + 1)
  const rest = hashAt === -1 ? url : url.slice(0, hashAt)
  const queryAt = rest.indexOf('?')
  return {pathname: queryAt === -1 ? rest : rest.slice(0, queryAt), query: queryAt === -1 ? '' : rest.slice(queryAt), hash}
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Encode each path segment, keeping the slashes. */
function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/')
}

export function rewriteLinks(options: LinkOptions) {
  return (tree: Root, file: VFile): void => {
    const warn = (reason: string, node: Link | Image | Definition, ruleId: string): void => {
      if (options.report) file.message(reason, {place: node.position, ruleId, source: 'policy-press'})
    }
    const here = path.posix.dirname(toPosix(file.path))
    const exists = (resolved: string): boolean => options.assets.has(resolved) || options.index.assetExists(resolved)
    // An image by reference is reported where the image is, not at its definition.
    const imageReferences = new Map<string, ImageReference[]>()
    if (options.report && options.figures) {
      visit(tree, 'imageReference', (node: ImageReference) => {
        imageReferences.set(node.identifier, [...(imageReferences.get(node.identifier) ?? []), node])
      })
    }

    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return
      const target = node as Link | Image | Definition
      const url = target.url
      if (url === '' || scheme.test(url) || url.startsWith('//')) return
      const {pathname, query, hash} = split(url)

      if (pathname === '') {
        if (hash !== undefined && hash !== '' && !options.index.anchors(options.slug)?.has(safeDecode(hash))) {
          warn(`Cannot find anchor \`#${hash}\` in this document`, target, 'missing-anchor')
        }
        return
      }

      const resolved = path.posix.normalize(path.posix.join(here, safeDecode(pathname)))
      if (!resolved.startsWith('documents/')) {
        warn(`Unexpected link outside \`documents/\` to \`${pathname}\`, expected a document or a file under \`documents/\``, target, 'outside-documents')
        return
      }

      if (/\.md$/i.test(resolved)) {
        const document = options.index.files.get(resolved)
        if (!document) {
          warn(`Cannot find document \`${pathname}\``, target, 'missing-document')
          return
        }
        const anchor = hash === undefined || hash === '' ? options.index.landing(document) : safeDecode(hash)
        if (hash && !options.index.anchors(document.slug)?.has(anchor!)) {
          warn(`Cannot find anchor \`#${hash}\` in document \`${document.slug}\``, target, 'missing-anchor')
        }
        const page = document.slug === options.slug ? '' : `${encodePath(document.slug)}.html`
        target.url = `${page}${query}${anchor ? `#${encodeURIComponent(anchor)}` : page ? '' : '#'}`
        return
      }

      // A linked file that leaves the project is an error at the link, and never copied.
      const refused = options.index.assetRefused(resolved)
      if (refused) {
        if (options.report) file.message(refused.message, {place: target.position, ruleId: 'outside-project', source: 'policy-press'}).fatal = true
        return
      }
      if (!exists(resolved)) {
        warn(`Cannot find file \`${pathname}\``, target, 'missing-file')
        return
      }
      if (options.report && options.figures) {
        const places = target.type === 'image' ? [target] : target.type === 'definition' ? (imageReferences.get(target.identifier) ?? []) : []
        if (places.length > 0) reportMissingVersions(file, resolved, places, options.figures, exists)
      }
      const linked = fileFor(resolved, options.lang, exists)
      options.assets.add(linked)
      target.url = `../media/${encodePath(linked.slice('documents/'.length))}${query}${hash === undefined ? '' : `#${hash}`}`
    })
  }
}
