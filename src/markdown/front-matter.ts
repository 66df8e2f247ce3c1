/**
 * Document front matter: the zod schema and reading it from the `yaml` node
 * that remark-frontmatter leaves at the top of the tree.
 */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {parseYaml, reportZodIssues} from '../yaml-source.js'

export const documentTypes = ['policy-paper', 'handbook', 'roadmap', 'report'] as const

const author = z.union([
  z.string().min(1).transform((name) => ({name, organisation: undefined as string | undefined})),
  z.strictObject({
    name: z.string().min(1).describe('Person or body who wrote the document'),
    organisation: z.string().min(1).optional().describe('Their organisation')
  })
])

const text = z.string().trim().min(1)

export const frontMatterSchema = z.strictObject({
  title: text.describe('Title of the document (required)'),
  subtitle: text.optional().describe('Subtitle (default: none)'),
  summary: text.optional().describe('One or two sentences, used on the index page and as PDF subject (default: none)'),
  type: z.enum(documentTypes).default('report').describe("Kind of publication (default: `'report'`)"),
  authors: z.array(author).default([]).describe('Authors, each a name or `{name, organisation}` (default: none)'),
  date: z
    .string({error: 'Expected a date as `YYYY-MM-DD`'})
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as `YYYY-MM-DD`')
    .optional()
    .describe('Publication date as `YYYY-MM-DD` (default: none)'),
  version: z
    .string({error: (issue) => (typeof issue.input === 'number' ? 'Expected a string, quote the version (`"1.0"`)' : undefined)})
    .min(1)
    .optional()
    .describe('Version of the text, quoted, e.g. `"1.0"` (default: none)'),
  keywords: z.array(text).default([]).describe('Keywords (default: none)')
})

/** Front matter of a chapter after the first in a folder document: it may name the chapter, nothing else. */
export const chapterFrontMatterSchema = z.strictObject({
  title: text.optional().describe('Chapter title for running headers (default: its first heading)')
})

export type FrontMatter = z.infer<typeof frontMatterSchema>
export type ChapterFrontMatter = z.infer<typeof chapterFrontMatterSchema>

/**
 * Validate the front matter of `tree` against `schema`. Messages go on `file`
 * with positions; returns `undefined` when invalid (the file is then fatal).
 */
export function readFrontMatter<Schema extends z.ZodType>(
  tree: Root,
  file: VFile,
  schema: Schema
): z.infer<Schema> | undefined {
  const node = tree.children[0]
  const yaml = node?.type === 'yaml' ? (node as Yaml) : undefined
  let data: unknown = {}
  let parsed: ReturnType<typeof parseYaml>
  if (yaml) {
    // The YAML text starts on the line after the opening `---`.
    const start = {line: (yaml.position?.start.line ?? 1) + 1, column: 1}
    parsed = parseYaml(yaml.value, file, start)
    if (!parsed) return undefined
    data = parsed.data ?? {}
    if (typeof data !== 'object' || Array.isArray(data)) {
      const message = file.message('Unexpected front matter, expected a YAML mapping of keys to values', {
        place: start,
        ruleId: 'front-matter',
        source: 'policy-press'
      })
      message.fatal = true
      return undefined
    }
  }
  const result = schema.safeParse(data)
  if (result.success) return result.data
  if (parsed) {
    reportZodIssues(result.error.issues, parsed, file, 'front-matter', schema)
  } else {
    for (const issue of result.error.issues) {
      const key = issue.path.join('.')
      const reason = key === 'title' ? 'Missing front matter `title`, expected a YAML block starting with `---` and a `title:`' : `\`${key}\`: ${issue.message}`
      const message = file.message(reason, {place: {line: 1, column: 1}, ruleId: 'front-matter', source: 'policy-press'})
      message.fatal = true
    }
  }
  return undefined
}
