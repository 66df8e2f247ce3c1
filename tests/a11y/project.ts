/**
 * The project the accessibility tests build: the repository's samples plus a
 * paper with every kind of block (tables wide and narrow, a figure, a task
 * list, a footnote, a quote, code, links), in five languages, every other
 * passage of the paper translated.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {expect} from 'vitest'
import {VFile} from 'vfile'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

export const languages = ['en', 'de', 'et', 'lv', 'lt']
export const slugs = ['policy-recommendations', 'empowerment-handbook', 'accessibility-paper']
const fixture = path.join(repoRoot, 'tests/fixtures/a11y')

/** Translate every other entry of a PO file: the page then shows translated and untranslated passages. */
async function translateHalf(file: string, lang: string): Promise<void> {
  const catalog = parseCatalog(await fs.readFile(file, 'utf8'), new VFile())!
  catalog.entries.forEach((entry, index) => {
    if (index % 2 === 0) entry.msgstr = `[${lang}] ${entry.msgid}`
  })
  await fs.writeFile(file, serializeCatalog(catalog))
}

/** Make the project and build it with `buildArgs` (e.g. `--format html`); the output folder. */
export async function buildA11yProject(buildArgs: string[]): Promise<string> {
  const root = await makeProject({})
  for (const folder of ['documents', 'translations']) await fs.cp(path.join(repoRoot, folder), path.join(root, folder), {recursive: true})
  await fs.cp(path.join(repoRoot, 'policy-press.config.yaml'), path.join(root, 'policy-press.config.yaml'))
  await fs.cp(path.join(fixture, 'accessibility-paper.md'), path.join(root, 'documents/accessibility-paper.md'))
  await fs.cp(path.join(fixture, 'images'), path.join(root, 'documents/images'), {recursive: true})
  const sync = await runCli(['sync', '--root', root, '--quiet'])
  expect(sync.code, sync.stderr).toBe(0)
  for (const lang of languages.slice(1)) await translateHalf(path.join(root, 'translations', lang, 'accessibility-paper.po'), lang)
  const out = path.join(root, 'dist')
  const build = await runCli(['build', ...buildArgs, '--root', root, '--out', out, '--quiet'])
  expect(build.code, build.stderr).toBe(0)
  return out
}
