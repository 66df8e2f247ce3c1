/**
 * YAML read safely (the `yaml` package's core schema: plain data, no tags
 * that construct objects or run code) with every problem placed at its line
 * and column in the file it came from, including zod issues on its values.
 */
import type {VFile} from 'vfile'
import {isPair, isScalar, LineCounter, parseDocument, type Document} from 'yaml'
import type {z} from 'zod'

export interface Point {
  line: number
  column: number
}

export interface ParsedYaml {
  data: unknown
  document: Document
  lineCounter: LineCounter
  /** Where the YAML text starts in the file. */
  start: Point
}

/** Map a point in the YAML text to a point in the file. */
function toFilePoint(point: {line: number; col: number}, start: Point): Point {
  return {
    line: start.line + point.line - 1,
    column: point.line === 1 ? start.column + point.col - 1 : point.col
  }
}

/**
 * Parse YAML; syntax errors become fatal messages on `file`, warnings
 * (such as unknown tags) become warnings. Returns `undefined` on error.
 */
export function parseYaml(text: string, file: VFile, start: Point): ParsedYaml | undefined {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true})
  for (const warning of document.warnings) {
    file.message(`YAML: ${warning.message.split('\n')[0]}`, {
      place: toFilePoint(lineCounter.linePos(warning.pos[0]), start),
      ruleId: 'yaml',
      source: 'policy-press'
    })
  }
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const message = file.message(`Invalid YAML: ${error.message.split('\n')[0]}`, {
        place: toFilePoint(lineCounter.linePos(error.pos[0]), start),
        ruleId: 'yaml',
        source: 'policy-press'
      })
      message.fatal = true
    }
    return undefined
  }
  // Aliases are expanded with yaml's default limit, which stops alias bombs.
  return {data: document.toJS(), document, lineCounter, start}
}

/** Where the value (or, for a missing key, the closest parent) at `path` starts. */
function placeOf(parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>): Point {
  for (let depth = path.length; depth >= 0; depth--) {
    const keyPath = path.slice(0, depth) as unknown[]
    const node = depth === 0 ? parsed.document.contents : parsed.document.getIn(keyPath, true)
    let range = (node as {range?: [number, number, number]} | null | undefined)?.range
    // A key whose value is empty (`title:`) has no value node; point at the key.
    if (!range && depth > 0) {
      const parent = depth === 1 ? parsed.document.contents : parsed.document.getIn(keyPath.slice(0, -1), true)
      const items = (parent as {items?: unknown[]} | null)?.items ?? []
      const pair = items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === keyPath.at(-1))
      if (pair && isPair(pair) && isScalar(pair.key)) range = pair.key.range ?? undefined
    }
    if (range) return toFilePoint(parsed.lineCounter.linePos(range[0]), parsed.start)
  }
  return parsed.start
}

function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('')
}

/** Turn zod issues into fatal, positioned messages naming the key path. */
export function reportZodIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  parsed: ParsedYaml,
  file: VFile,
  ruleId: string
): void {
  for (const issue of issues) {
    let reason = issue.message
    let place = placeOf(parsed, issue.path)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...issue.path, key]
        const expected = 'expected one of the documented keys'
        const message = file.message(`Unexpected key \`${describePath(keyPath)}\`, ${expected}`, {
          place: placeOf(parsed, keyPath),
          ruleId,
          source: 'policy-press'
        })
        message.fatal = true
      }
      continue
    }
    if (issue.path.length > 0) reason = `\`${describePath(issue.path)}\`: ${reason}`
    if (issue.path.length === 0 && place === parsed.start) place = parsed.start
    const message = file.message(reason, {place, ruleId, source: 'policy-press'})
    message.fatal = true
  }
}
