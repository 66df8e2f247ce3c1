/**
 * Interface strings ("Contents", "Download PDF", …) per language, from
 * `translations/<lang>/ui.yaml`: the project's file first, then the one that
 * ships with policy-press, then English, key by key, so a half-translated file
 * still gives a whole page. A language with no `ui.yaml` anywhere is built
 * with English strings and one warning naming the file to add; its name
 * (`languageName`, on covers and in the language switcher) is always its
 * own, from CLDR (`Intl.DisplayNames`) when no `ui.yaml` gives it.
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
  taskDone: text.describe('State of a done task-list item, read before its text (the box is drawn)'),
  taskOpen: text.describe('State of an open task-list item, read before its text'),
  tableLabel: text.describe('Name of a table without a caption, for its scroll region; `{index}` is its number on the page'),
  documentTypes: z.strictObject(Object.fromEntries(documentTypes.map((type) => [type, text])) as Record<
    (typeof documentTypes)[number],
    typeof text
  >)
})

export type UiStrings = z.infer<typeof uiStringsSchema>
const partialSchema = uiStringsSchema.partial().extend({documentTypes: uiStringsSchema.shape.documentTypes.partial().optional()})
type PartialUiStrings = z.infer<typeof partialSchema>

/** The strings of one `ui.yaml`, or `undefined` when there is no such file. */
async function readStrings(dir: string, lang: string, files: VFile[], root: string): Promise<PartialUiStrings | undefined> {
  const full = path.join(dir, lang, 'ui.yaml')
  let value: string
  try {
    value = await readProjectFile(root, full, {}, 'utf8')
  } catch (error) {
    // A link out of the project is an error (the file is there, but refused); a missing file is no strings.
    if (error instanceof BoundaryError) {
      const file = new VFile({path: path.relative(root, full) || full, cwd: root})
      file.message(error.message, {ruleId: readErrorRule(error), source: 'policy-press'}).fatal = true
      files.push(file)
      return {}
    }
    return undefined
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

/**
 * The name of a language in itself, as it starts a line or a list item: `Dansk`, `Русский`, `Ελληνικά`. CLDR gives
 * many names in lower case (`dansk`, `svenska`, `русский`) because that is how they are written inside a
 * sentence; our names stand alone (a switcher's items, a cover's "Language:" line), where these languages
 * capitalise (CLDR's own `uiListOrMenu` and `stand-alone` context transforms say so), as the shipped `ui.yaml`
 * files do (`Eesti`, `Latviešu`). The tag itself when CLDR has no name.
 */
export function nativeLanguageName(lang: string): string {
  let name: string | undefined
  try {
    name = new Intl.DisplayNames([lang], {type: 'language', fallback: 'none'}).of(lang)
  } catch {
    // Not a well-formed tag: the config refuses those, but a name is no reason to fail.
  }
  if (!name) return lang
  const [first = ''] = name
  return first.toLocaleUpperCase(lang) + name.slice(first.length)
}

/** Load the strings of every language in `languages`, falling back to English. */
export async function loadUiStrings(translationsDir: string, root: string, languages: string[]): Promise<LoadedUiStrings> {
  const files: VFile[] = []
  // The project's own strings over the shipped ones; when the project is policy-press itself they are one folder.
  const dirs = path.resolve(translationsDir) === path.resolve(packageTranslations) ? [translationsDir] : [packageTranslations, translationsDir]
  const layered = async (lang: string): Promise<PartialUiStrings | undefined> => {
    const layers = (await Promise.all(dirs.map((dir) => readStrings(dir, lang, files, root)))).filter((layer) => layer !== undefined)
    if (layers.length === 0) return undefined
    return layers.reduce((merged, layer) => ({...merged, ...layer, documentTypes: {...merged.documentTypes, ...layer.documentTypes}}), {})
  }
  const english = ((await layered('en')) ?? {}) as UiStrings
  const strings = new Map<string, UiStrings>()
  for (const lang of languages) {
    let own = lang === 'en' ? english : await layered(lang)
    if (!own) {
      // Named as the project would add it: the project's own file wins over the shipped one.
      const wanted = path.relative(root, path.join(translationsDir, lang, 'ui.yaml')).split(path.sep).join('/')
      const file = new VFile({path: wanted, cwd: root})
      file.message(`Missing interface strings for \`${lang}\`, expected \`${wanted}\`; built with the English ones`, {
        ruleId: 'missing-ui-strings',
        source: 'policy-press'
      })
      files.push(file)
      own = {}
    }
    strings.set(lang, {...english, ...own, languageName: own.languageName ?? nativeLanguageName(lang), documentTypes: {...english.documentTypes, ...own.documentTypes}})
  }
  return {strings, files}
}
