/**
 * `translations/glossary.yaml`: the project's terms per language, e.g.
 *
 *     terms:
 *       empowerment: {de: Empowerment, et: võimestamine, lv: iespēcināšana, lt: įgalinimas}
 *
 * Uploaded as one DeepL multilingual glossary (API v3, a dictionary per
 * language), reused while the file is unchanged and replaced when it changes.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import {VFile} from 'vfile'
import {z} from 'zod'
import {BoundaryError, readErrorRule, readProjectFile} from '../boundary.js'
import {languageTag} from '../config.js'
import {parseYaml, reportZodIssues} from '../yaml-source.js'

export const glossarySchema = z.strictObject({
  terms: z.record(z.string().min(1), z.record(languageTag, z.string().min(1))).default({})
})

export interface Glossary {
  /** Source term → language → target term. */
  terms: Record<string, Record<string, string>>
  /** Hash of the terms: a new one means a new DeepL glossary. */
  hash: string
  file: VFile | undefined
}

export async function readGlossary(root: string, translationsDir: string): Promise<Glossary> {
  const full = path.join(translationsDir, 'glossary.yaml')
  let value: string
  try {
    value = await readProjectFile(root, full, {}, 'utf8')
  } catch (error) {
    // A link out of the project is an error; a missing glossary is none.
    if (!(error instanceof BoundaryError)) return {terms: {}, hash: '', file: undefined}
    const file = new VFile({path: path.relative(root, full), cwd: root})
    file.message(error.message, {ruleId: readErrorRule(error), source: 'policy-press'}).fatal = true
    return {terms: {}, hash: '', file}
  }
  const file = new VFile({path: path.relative(root, full), cwd: root, value})
  const parsed = parseYaml(value, file, {line: 1, column: 1})
  const result = parsed ? glossarySchema.safeParse(parsed.data ?? {}) : undefined
  if (parsed && result && !result.success) reportZodIssues(result.error.issues, parsed, file, 'glossary', glossarySchema)
  const terms = result?.success ? result.data.terms : {}
  return {terms, hash: createHash('sha256').update(JSON.stringify(terms)).digest('hex').slice(0, 16), file}
}

/** The glossary's entries for one target language, as DeepL's TSV. */
export function entriesFor(glossary: Glossary, lang: string): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const [source, targets] of Object.entries(glossary.terms)) {
    const target = targets[lang]
    if (target) entries[source] = target
  }
  return entries
}
