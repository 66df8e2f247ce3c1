/**
 * The PDFs of the sample publications, read back with poppler, qpdf and
 * pdf-lib: valid, tagged, outlined, with full metadata, our fonts only
 * (embedded, subset), the exact letters of every language, and a table of
 * contents whose every number is the page its heading starts on.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {PDFDict, PDFDocument, PDFName} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)
const languages = ['en', 'de', 'et', 'lv', 'lt'] as const
const slugs = ['policy-recommendations', 'empowerment-handbook'] as const
/** Letters each language's text must give back, as written. */
const letters: Record<string, string[]> = {
  en: ['š', 'ž', 'å'],
  de: ['ä', 'ö', 'ü', 'ß', 'Ü'],
  et: ['õ', 'ä', 'ö', 'ü', 'š', 'Õ'],
  lv: ['ā', 'č', 'ē', 'ģ', 'ī', 'ķ', 'ļ', 'ņ', 'š', 'ū', 'ž'],
  lt: ['ą', 'č', 'ę', 'ė', 'į', 'š', 'ų', 'ū', 'ž']
}

/** The text of a PDF as poppler gives it: laid out by lines (`layout`), or as reading text, words across line breaks joined. */
async function text(pdf: string, first?: number, last?: number, layout = true): Promise<string> {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)]
  return (await run('pdftotext', [...(layout ? ['-layout'] : []), ...range, pdf, '-'], {maxBuffer: 1 << 26})).stdout
}

const squash = (value: string) => value.replace(/\s+/g, ' ').trim()

describe('sample PDFs', () => {
  let out: string

  beforeAll(async () => {
    out = path.join(await makeProject({}), 'dist')
    const result = await runCli(['build', '--root', repoRoot, '--out', out, '--force'])
    expect(result.code, result.stderr).toBe(0)
  }, 180_000)

  it('are valid for qpdf', async () => {
    for (const lang of languages) for (const slug of slugs) await run('qpdf', ['--check', path.join(out, lang, `${slug}.pdf`)])
  })

  it.each(languages)('%s: tagged, outlined, with metadata and only our fonts, embedded and subset', async (lang) => {
    for (const slug of slugs) {
      const pdf = path.join(out, lang, `${slug}.pdf`)
      const info = (await run('pdfinfo', [pdf])).stdout
      expect(info).toMatch(/^Tagged:\s+yes$/m)
      expect(info).toMatch(/^Creator:\s+policy-press \d+\.\d+\.\d+$/m)
      expect(info).toMatch(/^Producer:\s+policy-press \d+\.\d+\.\d+$/m)
      const html = await fs.readFile(path.join(out, lang, `${slug}.html`), 'utf8')
      const title = /<h1 class="document-title">([^<]*)<\/h1>/.exec(html)![1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
      expect(info).toContain(`Title:           ${title}\n`)
      expect(info).toMatch(/^Author:\s+\S/m)
      expect(info).toMatch(/^Subject:\s+\S/m)
      expect(info).toMatch(/^Keywords:\s+\S/m)
      const document = await PDFDocument.load(await fs.readFile(pdf), {updateMetadata: false})
      expect(document.catalog.get(PDFName.of('Lang'))?.toString()).toBe(`(${lang})`)
      expect(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)).toBeDefined()
      expect(document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)).toBeDefined()
      const preferences = document.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)
      expect(preferences?.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true')

      const fonts = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter(Boolean)
      expect(fonts.length).toBeGreaterThan(3)
      for (const font of fonts) {
        const [name, , , , embedded, subset] = font.split(/\s+/)
        expect(name).toMatch(/^[A-Z]{6}\+Source(Serif4|Sans3)/)
        expect([embedded, subset]).toEqual(['yes', 'yes'])
      }
    }
  })

  it.each(languages)('%s: the text comes back with every letter of the language', async (lang) => {
    const pdfText = (await Promise.all(slugs.map((slug) => text(path.join(out, lang, `${slug}.pdf`))))).join('\n')
    const htmlText = (await Promise.all(slugs.map((slug) => fs.readFile(path.join(out, lang, `${slug}.html`), 'utf8')))).join('\n').replace(/<[^>]*>/g, ' ')
    // Every letter beyond ASCII that the page has, the PDF gives back; and each language's own letters are among them.
    const used = new Set(htmlText.match(/[^\u0020-\u007F\s\u00A0-\u00BF\u2000-\u2BFF]/gu))
    for (const letter of letters[lang]!) expect(used).toContain(letter)
    for (const letter of used) expect(pdfText, `letter ${letter}`).toContain(letter)
    // Soft hyphens shape the lines but are not part of the words.
    expect(pdfText).not.toContain('\u00AD')
    // A whole sentence of the translation, from the PO file (or the source), survives word for word.
    const html = await fs.readFile(path.join(out, lang, 'policy-recommendations.html'), 'utf8')
    const sentence = /<h2 id="summary">[^<]*<\/h2>\n<p>([^<]+?[.!?])\s/.exec(html)![1]!
    expect(squash(await text(path.join(out, lang, 'policy-recommendations.pdf'), undefined, undefined, false))).toContain(squash(sentence))
  })

  it.each(languages)('%s: every contents entry gives the page its heading starts on', async (lang) => {
    for (const slug of slugs) {
      const pdf = path.join(out, lang, `${slug}.pdf`)
      const contents = await text(pdf, 2, 3)
      // "Heading . . . . . 12": the dots are the leader.
      const entries = [...contents.matchAll(/^ {0,8}(\S.*?\S)[\s.]{3,}(\d+)$/gm)].map((match) => ({heading: match[1]!, page: Number(match[2])}))
      expect(entries.length).toBeGreaterThan(10)
      for (const entry of entries) {
        const page = squash(await text(pdf, entry.page))
        expect(page, `${lang}/${slug}: "${entry.heading}" on page ${entry.page}`).toContain(squash(entry.heading))
      }
    }
  })

  it('links to other documents point at their PDFs, not at the build machine', async () => {
    const raw = (await fs.readFile(path.join(out, 'de/policy-recommendations.pdf'))).toString('latin1')
    expect(raw).not.toContain('file://')
    expect(raw).toMatch(/\/S \/GoToR/)
    expect(raw).toContain('(empowerment-handbook.pdf)')
  })

  it('prints the same bytes from the same input', async () => {
    const again = path.join(await makeProject({}), 'dist')
    const result = await runCli(['build', '--root', repoRoot, '--out', again, '--lang', 'lt', '--doc', 'policy-recommendations', '--force'])
    expect(result.code, result.stderr).toBe(0)
    const first = await fs.readFile(path.join(out, 'lt/policy-recommendations.pdf'))
    const second = await fs.readFile(path.join(again, 'lt/policy-recommendations.pdf'))
    expect(second.equals(first)).toBe(true)
  })
})
