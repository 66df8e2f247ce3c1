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
  // Aliases are expanded with yaml's default limit, which stops alias bombs by throwing: an error at the YAML.
  let data: unknown
  try {
    data = document.toJS()
  } catch (error) {
    file.message(`Invalid YAML: ${(error as Error).message.split('\n')[0]}`, {place: start, ruleId: 'yaml', source: 'policy-press'}).fatal = true
    return undefined
  }
  return {data, document, lineCounter, start}
}

/** Where the value (or, for a missing key, the closest parent) at `path` starts. */
function placeOf(parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>, atKey = false): Point {
  for (let depth = path.length; depth >= 0; depth--) {
    const keyPath = path.slice(0, depth) as unknown[]
    const node = depth === 0 ? parsed.document.contents : parsed.document.getIn(keyPath, true)
    let range = atKey && depth === path.length ? undefined : (node as {range?: [number, number, number]} | null | undefined)?.range
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

/** The keys an object schema at `path` allows, for "expected one of" messages. */
export function allowedKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema
  const unwrap = (value: unknown): unknown => {
    let node = value as {def?: Record<string, unknown>}
    for (let guard = 0; guard < 10 && node?.def; guard++) {
      const def = node.def
      if (def.innerType) node = def.innerType as typeof node
      else if (def.type === 'pipe') node = def.in as typeof node
      else if (def.type === 'union') node = (def.options as unknown[]).find((option) => (unwrap(option) as {def?: {type?: string}}).def?.type === 'object') as typeof node
      else break
    }
    return node
  }
  for (const part of path) {
    const node = unwrap(current) as {def?: {type?: string; shape?: Record<string, unknown>; element?: unknown}}
    if (node?.def?.type === 'object' && typeof part === 'string') current = node.def.shape?.[part]
    else if (node?.def?.type === 'array') current = node.def.element
    else return []
  }
  const node = unwrap(current) as {def?: {type?: string; shape?: Record<string, unknown>}}
  return node?.def?.type === 'object' ? Object.keys(node.def.shape ?? {}) : []
}

function codeList(values: ReadonlyArray<unknown>): string {
  return values.map((value) => `\`${String(value)}\``).join(', ')
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data
  for (const part of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[part]
  return value
}

/** A zod issue worded as remark-lint words its messages: "Unexpected X, expected Y". */
function reasonFor(issue: z.core.$ZodIssue, data: unknown): string {
  const key = `\`${describePath(issue.path)}\``
  const value = valueAt(data, issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `Missing ${key}, expected ${issue.expected}`
      // A custom message (e.g. how to quote a version) says more than the generic one.
      if (!issue.message.startsWith('Invalid input')) return `${key}: ${issue.message}`
      return `Unexpected ${typeOf(value)} for ${key}, expected ${issue.expected}`
    case 'invalid_value':
      return `Unexpected \`${String(value)}\` for ${key}, expected ${issue.values.length === 1 ? '' : 'one of '}${codeList(issue.values)}`
    case 'invalid_key':
      // A map's key (a language tag in `deepl.formality`): what is wrong with it is in the key's own issues.
      return `${key}: ${issue.issues.map((inner) => inner.message).join('; ')}`
    default:
      return issue.path.length > 0 ? `${key}: ${issue.message}` : issue.message
  }
}

/** Turn zod issues into fatal, positioned messages naming the key path. */
export function reportZodIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  parsed: ParsedYaml,
  file: VFile,
  ruleId: string,
  schema?: z.ZodType
): void {
  const fail = (reason: string, place: Point): void => {
    file.message(reason, {place, ruleId, source: 'policy-press'}).fatal = true
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = schema ? allowedKeys(schema, issue.path) : []
      for (const key of issue.keys) {
        const expected = allowed.length > 0 ? `expected one of ${codeList(allowed)}` : 'expected a known key'
        fail(`Unexpected key \`${describePath([...issue.path, key])}\`, ${expected}`, placeOf(parsed, [...issue.path, key], true))
      }
    } else {
      fail(reasonFor(issue, parsed.data), placeOf(parsed, issue.path))
    }
  }
}
