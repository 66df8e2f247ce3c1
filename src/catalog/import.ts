/**
 * import: turn a translated Markdown document that partners already have
 * into the PO file of its source document. Blocks are aligned by kind and
 * order (see align.ts); matched blocks become current entries, uncertain
 * ones fuzzy, and every mismatch is reported with both places. Existing
 * translations are kept unless `force` is set; the PO file is written
 * atomically.
 */
import path from 'node:path'
import type {Heading, Root} from 'mdast'
import {VFile} from 'vfile'
import {BoundaryError, readProjectFile} from '../boundary.js'
import {frontMatterSchema, readFrontMatter} from '../markdown/front-matter.js'
import {parseMarkdown} from '../markdown/parser.js'
import {shiftHeadings} from '../markdown/shift-headings.js'
import type {ParsedDocument} from '../pipeline/parse.js'
import {loadProject, ProjectError} from '../project.js'
import {collectDefinitions} from '../segments/inline-markdown.js'
import {blockSegments, segmentText} from '../segments/segment.js'
import {type AlignBlock, align} from './align.js'
import {loadCatalogs, segmented} from './load.js'
import {writeCatalog} from './po.js'
import {targetLanguages} from './sync.js'

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
  fuzzy: number
  /** Entries left as they were because they already had a translation. */
  kept: number
  mismatches: number
}

interface LocatedBlock extends AlignBlock {
  file: VFile
  line: number
}

/** The translatable blocks of some trees, with their kinds, texts and places. */
function blocksOf(chapters: Array<{tree: Root; file: VFile}>): LocatedBlock[] {
  return chapters.flatMap(({tree, file}) => {
    const definitions = collectDefinitions(tree)
    return blockSegments([tree])
      .map((segment) => ({
        kind: segment.kind,
        depth: segment.kind === 'heading' && segment.target.type === 'inline' ? (segment.target.node as Heading).depth : undefined,
        text: segmentText(segment, definitions),
        file,
        line: segment.line
      }))
      .filter((block) => block.text !== '')
  })
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
  const result: ImportResult = {files: [], catalog: undefined, current: 0, fuzzy: 0, kept: 0, mismatches: 0}
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

  const [catalog] = await loadCatalogs(project, segmented([document]), [options.lang])
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
    entry.fuzzy = !certain
    entry.previous = undefined
    if (certain) result.current++
    else result.fuzzy++
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
  const alignment = align(sourceBlocks, translationBlocks)
  for (const pair of alignment.pairs) {
    const source = sourceBlocks[pair.source]!
    const target = translationBlocks[pair.translation]!
    put(source.text, target.text, pair.certain)
    if (source.kind !== target.kind || source.depth !== target.depth) {
      result.mismatches++
      target.file.message(
        `Unexpected ${target.kind} paired with the ${source.kind} at \`${source.file.path}:${source.line}\`, expected the same kind of block; imported as fuzzy`,
        {place: {line: target.line, column: 1}, ruleId: 'import-kind', source: 'policy-press'}
      )
    }
  }
  for (const index of alignment.missing) {
    const source = sourceBlocks[index]!
    const next = alignment.pairs.findIndex((pair) => pair.source > index)
    const at = next === -1 ? translationBlocks.length : alignment.pairs[next]!.translation
    result.mismatches++
    source.file.message(`Missing ${source.kind} in the translation (${firstTranslation.file.path}, ${between(translationBlocks, at)}), expected a block for it`, {
      place: {line: source.line, column: 1},
      ruleId: 'import-missing',
      source: 'policy-press'
    })
  }
  for (const index of alignment.extra) {
    const target = translationBlocks[index]!
    const next = alignment.pairs.findIndex((pair) => pair.translation > index)
    const at = next === -1 ? sourceBlocks.length : alignment.pairs[next]!.source
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
