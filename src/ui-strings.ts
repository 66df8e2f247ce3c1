/**
 * Interface strings ("Contents", "Download PDF", …) per language, from
 * `translations/<lang>/ui.yaml`: the project's file first, then the one that
 * ships with policy-press, then English, key by key, so a half-translated file
 * still gives a whole page.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {z} from 'zod'
import {BoundaryError, readErrorRule, readProjectFile} from './boundary.js'
import {documentTypes} from './markdown/front-matter.js'
import {parseYaml, reportZodIssues} from './yaml-source.js'

export const packageTranslations = fileURLToPath(new URL('../translations/', import.meta.url))

const text = z.string().min(1)

export const uiStringsSchema = z.strictObject({
  languageName: text.describe('Name of the language in itself, e.g. `Deutsch`'),
  contents: text,
  language: text,
  languages: text,
  downloadPdf: text,
  notYetTranslated: text,
  untranslatedNotice: text,
  untranslatedPassage: text,
  skipToContent: text,
  documents: text,
  published: text,
  version: text,
  authors: text,
  keywords: text,
  footnotes: text,
  backToContent: text.describe('Label of a footnote back link; `{index}` is the reference number'),
  original: text,
  translationStatus: text.describe('Statement on a translated page; `{percent}` is the share current'),
  staleCount: text.describe('`{count}` is the number of outdated passages'),
  missingCount: text.describe('`{count}` is the number of untranslated passages'),
  legendStale: text,
  legendMissing: text,
  review: text.describe('Title of the review page of a translation'),
  readPage: text,
  allStates: text,
  state: text,
  stateCurrent: text,
  stateStale: text,
  stateMissing: text,
  stateMachine: text,
  documentTypes: z.strictObject(Object.fromEntries(documentTypes.map((type) => [type, text])) as Record<
    (typeof documentTypes)[number],
    typeof text
  >)
})

export type UiStrings = z.infer<typeof uiStringsSchema>
const partialSchema = uiStringsSchema.partial().extend({documentTypes: uiStringsSchema.shape.documentTypes.partial().optional()})
type PartialUiStrings = z.infer<typeof partialSchema>

async function readStrings(dir: string, lang: string, files: VFile[], root: string): Promise<PartialUiStrings> {
  const full = path.join(dir, lang, 'ui.yaml')
  let value: string
  try {
    value = await readProjectFile(root, full, {}, 'utf8')
  } catch (error) {
    // A link out of the project is an error; a missing file is no strings.
    if (error instanceof BoundaryError) {
      const file = new VFile({path: path.relative(root, full) || full, cwd: root})
      file.message(error.message, {ruleId: readErrorRule(error), source: 'policy-press'}).fatal = true
      files.push(file)
    }
    return {}
  }
  const file = new VFile({path: path.relative(root, full) || full, cwd: root, value})
  const parsed = parseYaml(value, file, {line: 1, column: 1})
  const result = parsed ? partialSchema.safeParse(parsed.data ?? {}) : undefined
  if (parsed && result && !result.success) reportZodIssues(result.error.issues, parsed, file, 'ui-strings', partialSchema)
  if (file.messages.length > 0) files.push(file)
  return result?.success ? result.data : {}
}

export interface LoadedUiStrings {
  strings: Map<string, UiStrings>
  /** Files with messages (invalid keys or YAML); fatal ones stop the build. */
  files: VFile[]
}

/** Load the strings of every language in `languages`, falling back to English. */
export async function loadUiStrings(translationsDir: string, root: string, languages: string[]): Promise<LoadedUiStrings> {
  const files: VFile[] = []
  // The project's own strings over the shipped ones; when the project is policy-press itself they are one folder.
  const dirs = path.resolve(translationsDir) === path.resolve(packageTranslations) ? [translationsDir] : [packageTranslations, translationsDir]
  const layered = async (lang: string): Promise<PartialUiStrings> => {
    const layers = await Promise.all(dirs.map((dir) => readStrings(dir, lang, files, root)))
    return layers.reduce((merged, layer) => ({...merged, ...layer, documentTypes: {...merged.documentTypes, ...layer.documentTypes}}), {})
  }
  const english = (await layered('en')) as UiStrings
  const strings = new Map<string, UiStrings>()
  for (const lang of languages) {
    const own = lang === 'en' ? english : await layered(lang)
    strings.set(lang, {...english, ...own, documentTypes: {...english.documentTypes, ...own.documentTypes}})
  }
  return {strings, files}
}
