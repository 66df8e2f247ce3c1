/**
 * The Markdown dialect of policy-press: CommonMark with GFM (tables,
 * footnotes, strikethrough, task lists, autolink literals) and YAML front
 * matter. Every stage that reads a source file parses it with this.
 *
 * A document nested deeper than `maxNesting` is refused (see depth.ts): a
 * line of markers that opens too many quotes or lists before it is parsed,
 * any other too-deep node as soon as the tree is built, before GFM's own
 * tree transforms (which recurse) or any stage walk it.
 */
import type {Root} from 'mdast'
import type {Extension} from 'mdast-util-from-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {depthGuardExtension, findDeepLine, maxNesting, TooDeepError, tooDeepReason} from './depth.js'

/** Check the depth of the tree before every other tree transform of the parser runs. */
function depthGuard(this: Processor): void {
  const data = this.data() as {fromMarkdownExtensions?: Array<Extension | Extension[]>}
  ;(data.fromMarkdownExtensions ??= []).unshift(depthGuardExtension)
}

export const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(depthGuard).freeze()

/** Why a document was not parsed, as plain data (it crosses from the parse worker). */
export interface Refusal {
  reason: string
  place: Point | undefined
  ruleId: string
}

/** Parse `text`, or say why not: a tree too deep, or a parse that overflows the stack all the same. */
export function parseOrRefuse(text: string): {tree: Root} | {refused: Refusal} {
  const line = findDeepLine(text)
  if (line) {
    return {refused: {reason: tooDeepReason({depth: line.depth, kind: 'markdown'}), place: {line: line.line, column: line.column}, ruleId: 'too-deep'}}
  }
  try {
    return {tree: markdownParser.parse(text)}
  } catch (error) {
    if (error instanceof TooDeepError) return {refused: {reason: error.message, place: error.place, ruleId: error.ruleId}}
    if (error instanceof RangeError) {
      return {refused: {reason: `Cannot parse the document: ${error.message}, expected at most ${maxNesting} levels of nesting`, place: {line: 1, column: 1}, ruleId: 'too-deep'}}
    }
    throw error
  }
}

/** Put `refusal` on `file` as a fatal message. */
export function refuse(file: VFile, refusal: Refusal): void {
  file.message(refusal.reason, {place: refusal.place, ruleId: refusal.ruleId, source: 'policy-press'}).fatal = true
}

/** Parse `file`, or put a fatal message on it and give `undefined`. */
export function parseMarkdown(file: VFile): Root | undefined {
  const result = parseOrRefuse(String(file.value))
  if ('refused' in result) {
    refuse(file, result.refused)
    return undefined
  }
  return result.tree
}
