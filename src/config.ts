/**
 * `policy-press.config.yaml`: the zod schema, its defaults, and loading with
 * positioned errors. Every key is documented where it is defined; the JSON
 * schema for editors is generated from this file (`policy-press config-schema`).
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {z} from 'zod'
import {readProjectFile} from './boundary.js'
import {copyKinds} from './segments/copied.js'
import {parseYaml, reportZodIssues} from './yaml-source.js'

export const configFileName = 'policy-press.config.yaml'

/**
 * A BCP 47 language tag such as `de`, `pt-BR` or `sr-Latn`, in its canonical form: the tag names the language's
 * folders (`translations/pt-BR/`, `dist/pt-BR/`), so `pt-br` and `pt-BR` must not be two languages.
 */
export const languageTag = z.string().superRefine((tag, context) => {
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]
  } catch {
    // A RangeError: not a well-formed tag. Reported below.
  }
  if (canonical === undefined) {
    context.addIssue({code: 'custom', message: `Unexpected \`${tag}\`, expected a BCP 47 language tag such as \`de\` or \`pt-BR\``})
  } else if (canonical !== tag) {
    context.addIssue({code: 'custom', message: `Unexpected \`${tag}\`, expected its canonical form \`${canonical}\``})
  }
}).meta({
  // For editors, which cannot run the check above: the shape of a tag, in its canonical case.
  description: 'A BCP 47 language tag, e.g. `de`, `pt-BR` or `sr-Latn`',
  pattern: '^([a-z]{2,3}|[a-z]{5,8})(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[a-wyz0-9](-[a-z0-9]{2,8})+)*(-x(-[a-z0-9]{1,8})+)?$'
})

/** Either one string for every language, or a map from language to string. */
const localized = z.union([z.string().min(1), z.record(languageTag, z.string().min(1))])

const site = z
  .strictObject({
    title: localized.default('Publications').describe('Title of the publication site, shown in every page header (default: `\'Publications\'`).'),
    organisation: localized.optional().describe('The organisation that publishes, shown in the footer (default: none).'),
    url: z.url().optional().describe('Public address of the built site, used for canonical links (default: none).')
  })

const pdf = z
  .strictObject({
    paper: z.enum(['A4', 'Letter']).default('A4').describe("Paper size of the PDF (default: `'A4'`).")
  })

const translationOptions = z
  .strictObject({
    stale: z
      .enum(['translation', 'source'])
      .default('translation')
      .describe("What a stale passage shows: its old translation, marked, or the source text, marked (default: `'translation'`). Missing passages always show the source, marked."),
    publishMachineDrafts: z
      .boolean()
      .default(false)
      .describe('Whether machine drafts may be published unmarked (default: `false`).'),
    // A list, not a boolean: the kinds differ in whether a language writes them its own way. URLs never
    // change, but `3.5` is `3,5` in German and Latvian, so a project that localizes decimals or dates
    // drops `numbers` or `dates` and keeps the rest copied.
    copy: z
      .array(z.enum(copyKinds))
      .default([...copyKinds])
      .describe(
        "Blocks and table cells copied into every language as they are, not translated, when all they hold is one of these: `numbers` (`12`, `+3`, `−1`, `1 000,5`, `10–20`, a lone dash `–`), `dates` (`2025-12-04`, `4.12.2025`, `2025`, `9:00`), `percentages` (`12 %`), `currency` (`€ 12`, `12 EUR`, `$3.50`), `urls` (web and e-mail addresses); `[]` translates everything (default: `['numbers', 'dates', 'percentages', 'currency', 'urls']`)."
      ),
    localizedFigures: z
      .enum(['off', 'warn', 'error'])
      .default('off')
      .describe(
        "Whether to report images that have no version for a built target language (`images/cycle.lv.png` next to `images/cycle.png`): `'warn'` lists them in `build` and `check`; `'error'` also fails `check` and `build --strict` (default: `'off'`)."
      )
  })

const deepl = z
  .strictObject({
    serverUrl: z.url().optional().describe('DeepL API address; the key itself comes only from `DEEPL_AUTH_KEY` (default: chosen from the key).'),
    formality: z
      .record(languageTag, z.enum(['default', 'more', 'less', 'prefer_more', 'prefer_less']))
      .default({})
      .describe('Formality per target language, e.g. `{de: more}` (default: none).')
  })

const limits = z
  .strictObject({
    fileSize: z
      .number()
      .positive()
      .default(10)
      .describe('Largest file a build reads from the project (a document, a linked file, a PO file, a template), in megabytes; a larger one is an error (default: `10`).'),
    parseTime: z
      .number()
      .positive()
      .default(60)
      .describe('Longest time to parse one document, in seconds; a document that takes longer is an error and the others are built (default: `60`).')
  })

export const configSchema = z
  .strictObject({
    source: languageTag.default('en').describe('Language the documents are written in (default: `\'en\'`).'),
    targets: z.array(languageTag).default(['de', 'et', 'lv', 'lt']).describe('Languages to translate into and build (default: `[\'de\', \'et\', \'lv\', \'lt\']`).'),
    site: site.prefault({}).describe('The publication site as a whole'),
    translations: translationOptions.prefault({}).describe('How translations are used in builds'),
    pdf: pdf.prefault({}).describe('PDF output'),
    deepl: deepl.prefault({}).describe('Machine pre-translation with DeepL'),
    limits: limits.prefault({}).describe('Limits that keep a build of hostile input short')
  })
  .superRefine((value, context) => {
    const sourceAt = value.targets.indexOf(value.source)
    if (sourceAt !== -1) {
      context.addIssue({
        code: 'custom',
        path: ['targets', sourceAt],
        message: `Unexpected source language \`${value.source}\`, expected only languages to translate into`
      })
    }
    const seen = new Set<string>()
    for (const [index, lang] of value.targets.entries()) {
      if (seen.has(lang)) {
        context.addIssue({code: 'custom', path: ['targets', index], message: `Unexpected duplicate language \`${lang}\``})
      }
      seen.add(lang)
    }
  })

export type Config = z.infer<typeof configSchema>
export type Localized = z.infer<typeof localized>

/** Pick the value of a localized string for `lang`, falling back to `source`. */
export function localize(value: Localized | undefined, lang: string, source: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  return value[lang] ?? value[source] ?? Object.values(value)[0]
}

export interface LoadedConfig {
  config: Config
  /** The config file, carrying any messages; `undefined` when there is none. */
  file: VFile | undefined
}

/**
 * Read and validate `ROOT/policy-press.config.yaml`. A missing file gives the
 * defaults; an invalid one gives a file with fatal messages naming the key.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const filePath = path.join(root, configFileName)
  let text: string
  try {
    text = await readProjectFile(root, filePath, {}, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {config: configSchema.parse({}), file: undefined}
    }
    const file = new VFile({path: configFileName, cwd: root})
    file.message(`Cannot read config: ${(error as Error).message}`, {ruleId: 'unreadable', source: 'policy-press'}).fatal =
      true
    return {config: configSchema.parse({}), file}
  }
  const file = new VFile({path: configFileName, cwd: root, value: text})
  const parsed = parseYaml(text, file, {line: 1, column: 1})
  if (!parsed) return {config: configSchema.parse({}), file}
  const result = configSchema.safeParse(parsed.data ?? {})
  if (!result.success) {
    reportZodIssues(result.error.issues, parsed, file, 'config', configSchema)
    return {config: configSchema.parse({}), file}
  }
  return {config: result.data, file}
}

/** The JSON schema of the config file, for editors (yaml-language-server, VS Code). */
export function configJsonSchema(): unknown {
  return {
    $id: 'https://policy-press.dev/schema/policy-press.config.schema.json',
    title: 'policy-press configuration',
    ...z.toJSONSchema(configSchema, {io: 'input', unrepresentable: 'any'})
  }
}
