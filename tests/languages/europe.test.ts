/**
 * A project in eight languages of three scripts (tests/fixtures/languages:
 * two articles of the UDHR in bg, da, el, fi, pl, ru, sv and uk, with the
 * U+2010 hyphen of "non‐political" in the source and in da, fi, pl, sv;
 * and an untranslated note with U+2010, U+2011, U+2012, U+202F and an em
 * space in its title, heading and text), built as HTML and PDF and read
 * back with poppler: every font in every PDF
 * is one of ours (no DejaVu or Liberation from the machine), only the font
 * subsets the languages need are shipped, the print is hyphenated, each
 * cover names its own language, and the languages without interface strings
 * get one warning each.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)
const targets = ['bg', 'da', 'el', 'fi', 'pl', 'ru', 'sv', 'uk'] as const
const languages = ['en', ...targets]
/** Each language's name in itself, as the switcher and the cover show it. */
const names: Record<string, string> = {
  en: 'English',
  bg: 'Български',
  da: 'Dansk',
  el: 'Ελληνικά',
  fi: 'Suomi',
  pl: 'Polski',
  ru: 'Русский',
  sv: 'Svenska',
  uk: 'Українська'
}
/** The label of the cover's language line: the shipped strings' word, English where none are shipped. */
const languageLabel: Record<string, string> = {en: 'Language', bg: 'Language', da: 'Sprog', el: 'Language', fi: 'Kieli', pl: 'Język', ru: 'Язык', sv: 'Språk', uk: 'Language'}

/** The fonts of a PDF as `pdffonts` lists them: name and whether embedded. */
async function fonts(pdf: string): Promise<Array<{name: string; embedded: boolean}>> {
  const {stdout} = await run('pdffonts', [pdf])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/)
      // name … emb sub uni object ID: "emb" is the fifth column from the end.
      return {name: columns[0]!, embedded: columns.at(-5) === 'yes'}
    })
}

describe('every language of Europe', () => {
  let root: string
  let stderr: string

  beforeAll(async () => {
    root = await makeProject({})
    await fs.cp(path.join(repoRoot, 'tests/fixtures/languages'), root, {recursive: true})
    const result = await runCli(['build', '--root', root])
    expect(result.code, result.stderr).toBe(0)
    stderr = result.stderr
  }, 180_000)

  it.each(languages)('%s: embeds only Source Serif 4 and Source Sans 3, never a system font', async (lang) => {
    for (const slug of ['udhr', 'notes']) {
      const list = await fonts(path.join(root, 'dist', lang, `${slug}.pdf`))
      expect(list.length).toBeGreaterThan(0)
      for (const font of list) {
        expect(font.name, `${lang}/${slug}.pdf`).toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3)/)
        expect(font.name).not.toMatch(/DejaVu|Liberation/)
        expect(font.embedded, font.name).toBe(true)
      }
    }
  })

  it('ships the font files of the latin, latin-ext, cyrillic and greek subsets, and no others', async () => {
    const files = await fs.readdir(path.join(root, 'dist/assets/fonts'))
    const subsets = new Set(files.map((file) => /-(latin-ext|latin|cyrillic-ext|cyrillic|greek-ext|greek|vietnamese)-\d{3}-/.exec(file)?.[1]))
    expect([...subsets].sort()).toEqual(['cyrillic', 'greek', 'latin', 'latin-ext'])
    const css = await fs.readFile(path.join(root, 'dist/assets/style.css'), 'utf8')
    expect(css).toContain('source-serif-4-cyrillic-400-normal.woff2')
    expect(css).not.toContain('cyrillic-ext')
    expect(css).not.toContain('greek-ext')
    // Every face the stylesheet declares has its file next to it.
    for (const [, file] of css.matchAll(/url\("fonts\/([^"]+)"\)/g)) expect(files).toContain(file)
  })

  it.each(languages)('%s: the cover names the language in itself', async (lang) => {
    const {stdout} = await run('pdftotext', ['-f', '1', '-l', '1', path.join(root, 'dist', lang, 'udhr.pdf'), '-'])
    expect(stdout).toContain(languageLabel[lang]!)
    expect(stdout).toContain(names[lang]!)
    if (lang !== 'en') expect(stdout).not.toContain('English')
  })

  it('names every language in itself in the language switcher', async () => {
    const html = await fs.readFile(path.join(root, 'dist/fi/udhr.html'), 'utf8')
    const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html)![0]
    for (const lang of languages) expect(switcher).toMatch(new RegExp(`lang="${lang}"(?: aria-current="page")?>${names[lang]}</a>`))
  })

  it.each(targets)('%s: the print is hyphenated by the language’s patterns, U+2010 printed as a hyphen of our fonts', async (lang) => {
    const print = await fs.readFile(path.join(root, '.policy-press-cache/print', lang, 'udhr.html'), 'utf8')
    const body = print.slice(print.indexOf('class="document-body"'))
    expect(body).toContain('\u00ad')
    expect(body).not.toContain('\u2010')
  })

  it('keeps U+2010 in the web page, as written', async () => {
    expect(await fs.readFile(path.join(root, 'dist/fi/udhr.html'), 'utf8')).toContain('ei\u2010poliittiseen')
  })

  it('warns once for each language without interface strings, naming the file to add', () => {
    const warnings = stderr.split('\n').filter((line) => line.includes('missing-ui-strings'))
    expect(warnings).toHaveLength(3)
    for (const lang of ['bg', 'el', 'uk']) {
      expect(stderr).toContain(`translations/${lang}/ui.yaml\n warning Missing interface strings for \`${lang}\`, expected \`translations/${lang}/ui.yaml\``)
    }
  })
})
