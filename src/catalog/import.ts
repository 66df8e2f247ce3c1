/**
 * import: turn a translated Markdown document that partners already have
 * into the PO file of its source document. Blocks are aligned by kind,
 * order, length and inline skeleton (see align.ts); certain pairs become
 * current entries, the others are marked for an alignment check
 * (alignment-mark.ts), and every mismatch is reported with both places.
 * Existing translations are kept unless `force` is set; the PO file is
 * written atomically.
 */
import path from 'node:path'
import createDebug from 'debug'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {BoundaryError, readProjectFile} from '../boundary.js'
import {frontMatterSchema, readFrontMatter} from '../markdown/front-matter.js'
import {parseMarkdown} from '../markdown/parser.js'
import {shiftHeadings} from '../markdown/shift-headings.js'
import type {ParsedDocument} from '../pipeline/parse.js'
import {loadProject, ProjectError} from '../project.js'
import {align} from './align.js'
import {blocksOf, type LocatedBlock, matchHeadingDepths} from './align-blocks.js'
import {markAlignment} from './alignment-mark.js'
import {lengthModel} from './length-model.js'
import {loadCatalogs, segmented} from './load.js'
import {writeCatalog} from './po.js'
import {targetLanguages} from './sync.js'

const debug = createDebug('policy-press:import')

export interface ImportOptions {
  root: string
  lang: string
  doc: string
  /** Translated Markdown files, in reading order (several for a folder document). */
  files: string[]
  /** Replace translations that are already there (default: `false`). */
  force?: boolean | undefined
}

export interface ImportResult {
  files: VFile[]
  /** The PO file written, relative to the root. */
  catalog: string | undefined
  current: number
  /** Entries imported with a pairing in doubt: fuzzy, with the comment `policy-press: check alignment`. */
  check: number
  /** Entries left as they were because they already had a translation. */
  kept: number
  mismatches: number
}

function between(blocks: LocatedBlock[], index: number): string {
  const before = blocks[index - 1]
  const after = blocks[index]
  if (!before && !after) return 'which is empty'
  if (!before) return `before line ${after!.line}`
  if (!after) return `after line ${before.line}`
  return `between lines ${before.line} and ${after.line}`
}

export async function importTranslation(options: ImportOptions): Promise<ImportResult> {
  const project = await loadProject({root: options.root, langs: [options.lang], docs: [options.doc]})
  targetLanguages(project.languages, project.config.source, [options.lang])
  const result: ImportResult = {files: [], catalog: undefined, current: 0, check: 0, kept: 0, mismatches: 0}
  const [{read}, {parse}] = await Promise.all([import('../pipeline/read.js'), import('../pipeline/parse.js')])
  const document: ParsedDocument = (await read(project)).map((source) => parse(source))[0]!
  if (document.fatal || !document.meta) return {...result, files: document.files}

  // The translation, parsed like the source, headings shifted the same way.
  const translated: Array<{tree: Root; file: VFile}> = []
  for (const name of options.files) {
    const full = path.resolve(project.root, name)
    const file = new VFile({path: path.relative(project.root, full), cwd: project.root})
    try {
      file.value = await readProjectFile(project.root, full, {maxBytes: project.config.limits.fileSize * 1024 * 1024}, 'utf8')
    } catch (error) {
      const reason = error instanceof BoundaryError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message)
      throw new ProjectError(`Cannot read \`${name}\`: ${reason}`)
    }
    const tree = parseMarkdown(file)
    // A translation nested too deep is an error at its place; nothing is written.
    if (!tree) return {...result, files: [...document.files, file]}
    translated.push({tree, file})
  }
  const firstTranslation = translated[0]!
  const meta = readFrontMatter(firstTranslation.tree, firstTranslation.file, frontMatterSchema.partial())
  for (const chapter of translated) chapter.tree.children = chapter.tree.children.filter((node) => node.type !== 'yaml')
  shiftHeadings(translated.map((chapter) => chapter.tree))

  const [catalog] = await loadCatalogs(project, segmented([document], project.config.translations.copy), [options.lang])
  if (!catalog?.merge) return {...result, files: [...translated.map((chapter) => chapter.file), ...(catalog ? [catalog.file] : [])]}
  const entries = new Map(catalog.merge.catalog.entries.map((entry) => [entry.msgid, entry]))

  const put = (msgid: string, text: string, certain: boolean): void => {
    const entry = entries.get(msgid)
    if (!entry || text === '') return
    if (entry.msgstr !== '' && !options.force) {
      if (entry.msgstr !== text) result.kept++
      return
    }
    entry.msgstr = text
    markAlignment(entry, !certain)
    if (certain) result.current++
    else result.check++
  }

  // Front matter: field by field.
  const sourceMeta = document.meta
  if (meta) {
    if (meta.title) put(sourceMeta.title, meta.title, true)
    if (meta.subtitle && sourceMeta.subtitle) put(sourceMeta.subtitle, meta.subtitle, true)
    if (meta.summary && sourceMeta.summary) put(sourceMeta.summary.replace(/[ \t\r\n]+/g, ' '), meta.summary.replace(/[ \t\r\n]+/g, ' '), true)
    const keywords = meta.keywords ?? []
    sourceMeta.keywords.forEach((keyword, index) => {
      if (keywords[index]) put(keyword, keywords[index], keywords.length === sourceMeta.keywords.length)
    })
  }

  // Blocks: aligned.
  const sourceBlocks = blocksOf(document.chapters)
  const translationBlocks = blocksOf(translated)
  matchHeadingDepths(sourceBlocks, translationBlocks)
  const alignment = align(sourceBlocks, translationBlocks, {model: lengthModel(project.config.source, options.lang)})
  debug('%d source and %d translation blocks: %d pairs (%d to check), %d missing, %d extra', sourceBlocks.length, translationBlocks.length, alignment.beads.length, alignment.beads.filter((bead) => !bead.certain).length, alignment.missing.length, alignment.extra.length)
  for (const bead of alignment.beads.filter((item) => !item.certain)) debug('to check: source %o ↔ translation %o, margin %d nats', bead.source, bead.translation, Number(bead.margin.toFixed(2)))
  const place = (block: LocatedBlock) => `\`${block.file.path}:${block.line}\``
  for (const bead of alignment.beads) {
    const sources = bead.source.map((index) => sourceBlocks[index]!)
    const targets = bead.translation.map((index) => translationBlocks[index]!)
    const [source, target] = [sources[0]!, targets[0]!]
    // A block the translation split in two gets both parts; two it joined get the one block on the first.
    put(source.text, targets.map((block) => block.text).join(' '), bead.certain)
    if (targets.length === 2) {
      result.mismatches++
      targets[1]!.file.message(`Unexpected second ${targets[1]!.kind} for the ${source.kind} at ${place(source)}, expected one block; imported joined to the ${target.kind} at line ${target.line}, to check`, {
        place: {line: targets[1]!.line, column: 1},
        ruleId: 'import-split',
        source: 'policy-press'
      })
    } else if (sources.length === 2) {
      result.mismatches++
      target.file.message(`Unexpected ${target.kind} for two source blocks (${place(sources[0]!)} and line ${sources[1]!.line}), expected one for each; imported on the first, to check`, {
        place: {line: target.line, column: 1},
        ruleId: 'import-merged',
        source: 'policy-press'
      })
    } else if (source.kind !== target.kind || source.depth !== target.depth) {
      result.mismatches++
      target.file.message(`Unexpected ${target.kind} paired with the ${source.kind} at ${place(source)}, expected the same kind of block; imported to check`, {
        place: {line: target.line, column: 1},
        ruleId: 'import-kind',
        source: 'policy-press'
      })
    }
  }
  const pairedAt = (side: 'source' | 'translation', index: number): number | undefined => {
    const bead = alignment.beads.find((item) => item[side][0]! > index)
    return bead?.[side === 'source' ? 'translation' : 'source'][0]
  }
  for (const index of alignment.missing) {
    const source = sourceBlocks[index]!
    const at = pairedAt('source', index) ?? translationBlocks.length
    result.mismatches++
    source.file.message(`Missing ${source.kind} in the translation (${firstTranslation.file.path}, ${between(translationBlocks, at)}), expected a block for it`, {
      place: {line: source.line, column: 1},
      ruleId: 'import-missing',
      source: 'policy-press'
    })
  }
  for (const index of alignment.extra) {
    const target = translationBlocks[index]!
    const at = pairedAt('translation', index) ?? sourceBlocks.length
    result.mismatches++
    target.file.message(`Unexpected ${target.kind} with no block in the source (${document.chapters[0]!.file.path}, ${between(sourceBlocks, at)}), not imported`, {
      place: {line: target.line, column: 1},
      ruleId: 'import-extra',
      source: 'policy-press'
    })
  }

  await writeCatalog(catalog.path, catalog.merge.catalog, catalog.exists ? String(catalog.file.value) : undefined)
  result.catalog = catalog.file.path
  result.files = [...document.files, ...translated.map((chapter) => chapter.file), catalog.file].filter((file) => file.messages.length > 0)
  return result
}
