/**
 * The typography of the printed page, read back from the PDFs with poppler
 * (`pdftotext -layout`, page by page) and from the print page in Chromium:
 * a contents page never holds one entry alone, a wrapped contents entry has
 * its leader on its last line, notes print without the web's back-links and
 * never alone on a page after their text, a table keeps its header and first
 * two rows together (and its last two rows), and passages that are not a
 * current translation are marked quietly: once per table, a figure by its
 * caption, the notice apart from the contents heading.
 *
 * Where a case depends on where a page happens to end, the fixture is a sweep:
 * the same case after a little more text each time, so that one of them lands
 * on the page end whatever the fonts' exact metrics.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import puppeteer, {type Browser} from 'puppeteer'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {chromiumArgs, findChromium} from '../../src/browser/find-chromium.js'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)

/** The text of each page of a PDF, laid out by lines (poppler's `pdftotext -layout`). */
async function pages(pdf: string): Promise<string[]> {
  const info = (await run('pdfinfo', [pdf])).stdout
  const count = Number(/^Pages:\s+(\d+)$/m.exec(info)![1])
  const texts: string[] = []
  for (let page = 1; page <= count; page++) texts.push((await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'])).stdout)
  return texts
}

/** A contents entry's last line: its leader dots, then its page number. */
const entryEnd = /\.(?: \.){2,}\s+\d+\s*$/

/** The lines of a page with text, the running header (its first line) left out. */
const bodyLines = (page: string) => page.split('\n').map((line) => line.trim()).filter(Boolean).slice(1)

const sentence = 'Municipalities in rural areas lose residents, jobs and services, and social work has to reach people who live far apart. '
const filler = `${sentence.repeat(7)}\n\n`.repeat(3)
const items = (count: number, label: string) => Array.from({length: count}, (_, n) => `- ${label} item ${n + 1}.\n`).join('')

/** Single-file documents whose contents run just over a page: flat (29 to 33 entries), and nested (9 parts, then one with 0 to 3 sections). */
function contentsDocuments(): Record<string, string> {
  const files: Record<string, string> = {}
  const front = (title: string) => `---\ntitle: ${title}\ndate: 2024-05-01\n---\n\n`
  for (let count = 29; count <= 33; count++) {
    files[`documents/flat-${count}.md`] = front('Flat contents') + Array.from({length: count}, (_, n) => `## Heading number ${n + 1}\n\nA sentence.\n`).join('\n')
  }
  for (let last = 0; last <= 3; last++) {
    const part = (n: number, sections: number) =>
      `## Part ${n}\n\nA sentence.\n\n` + Array.from({length: sections}, (_, s) => `### Section ${n}.${s + 1}\n\nA sentence.\n\n`).join('')
    files[`documents/nested-${last}.md`] = front('Nested contents') + Array.from({length: 9}, (_, n) => part(n + 1, 3)).join('') + part(10, last)
  }
  return files
}

/**
 * A handbook of chapters that each end near a page's end, a little later each time: chapters "Notes case N" end
 * with a note after N list items, chapters "Table case N" with a table (header and six rows) after N list items.
 * Its first chapter has a section whose heading wraps in the contents.
 */
const longHeading = 'How the end-users of social services in the rural areas around the Baltic Sea took part in designing them'
function handbook(): Record<string, string> {
  const files: Record<string, string> = {
    'documents/book/00-start.md': `---\ntitle: Sweep Book\ndate: 2024-05-01\n---\n\n# Start\n\nA sentence.\n\n## ${longHeading}\n\nA sentence.\n`
  }
  for (let n = 0; n <= 12; n++) {
    const number = String(n).padStart(2, '0')
    files[`documents/book/1${number}-notes.md`] =
      `# Notes case ${n}\n\nThe project's reports say so.[^n${n}]\n\n${filler}${items(n, `N${n}`)}\n[^n${n}]: Note of case ${n}, from the project's reports.\n`
    const rows = Array.from({length: 6}, (_, row) => `| T${n} row ${row + 1} | ${row * 10} |`).join('\n')
    files[`documents/book/2${number}-table.md`] = `# Table case ${n}\n\n${filler}${items(n, `T${n}`)}\nFigures of case ${n}:\n\n| T${n} head | Value |\n|---|---:|\n${rows}\n`
  }
  return files
}

describe('print typography', () => {
  let out: string

  beforeAll(async () => {
    const root = await makeProject({'policy-press.config.yaml': 'source: en\ntargets: []\n', ...contentsDocuments(), ...handbook()})
    const result = await runCli(['build', '--root', root, '--quiet'], root)
    expect(result.code, result.stderr).toBe(0)
    out = path.join(root, 'dist/en')
  }, 180_000)

  it('never leaves one contents entry alone on a page', async () => {
    const names = [...[29, 30, 31, 32, 33].map((count) => `flat-${count}`), ...[0, 1, 2, 3].map((last) => `nested-${last}`), 'book']
    let spilled = 0
    for (const name of names) {
      const texts = await pages(path.join(out, `${name}.pdf`))
      // The contents start on page 2 and run until a page without leaders: the text.
      const counts: number[] = []
      for (const page of texts.slice(1)) {
        const entries = page.split('\n').filter((line) => entryEnd.test(line)).length
        if (entries === 0) break
        counts.push(entries)
      }
      expect(counts.length, name).toBeGreaterThan(0)
      for (const count of counts) expect(count, `${name}: entries per contents page ${counts.join(', ')}`).toBeGreaterThanOrEqual(2)
      if (counts.length > 1) spilled++
    }
    // The sweep did reach past a page: otherwise it proved nothing.
    expect(spilled).toBeGreaterThanOrEqual(4)
  })

  it('puts the leader of a wrapped contents entry on its last line', async () => {
    const contents = (await pages(path.join(out, 'book.pdf')))[1]!
    const lines = contents.split('\n')
    const first = lines.findIndex((line) => line.includes('How the end-users'))
    expect(first, contents).toBeGreaterThan(-1)
    // The entry wraps: its first line has no leader and no number, the next line ends it with both.
    expect(lines[first]).not.toMatch(/\. \.|\d\s*$/)
    expect(lines[first + 1]).toMatch(/designing them \.(?: \.)+\s+\d+\s*$/)
  })

  it('prints notes without back-links, never alone on a page after their text', async () => {
    const texts = await pages(path.join(out, 'book.pdf'))
    expect(texts.join('\n')).not.toContain('↑')
    // The web page keeps its back-links.
    expect(await fs.readFile(path.join(out, 'book.html'), 'utf8')).toContain('data-footnote-backref')
    let moved = 0
    for (let n = 0; n <= 12; n++) {
      const index = texts.findIndex((page) => page.includes(`Note of case ${n},`))
      expect(index, `note ${n}`).toBeGreaterThan(-1)
      const lines = bodyLines(texts[index]!)
      const heading = lines.findIndex((line) => line.trim() === 'Notes')
      // The heading is on the note's page, and text of the chapter comes before it there.
      expect(heading, `notes of case ${n}`).toBeGreaterThan(0)
      expect(lines.slice(0, heading).join('\n'), `notes of case ${n}`).toMatch(/rural areas|item \d+\./)
      if (!lines.includes(`Notes case ${n}`)) moved++
    }
    // Some notes did land on the page after their chapter's start: the sweep reached the page end.
    expect(moved).toBeGreaterThan(0)
  })

  it("keeps a table's header with its first two rows, and its last two rows together", async () => {
    const texts = await pages(path.join(out, 'book.pdf'))
    let moved = 0
    for (let n = 0; n <= 12; n++) {
      const pageOf = (text: string) => texts.findIndex((page) => page.includes(text))
      const header = pageOf(`T${n} head`)
      expect(header, `table ${n}`).toBeGreaterThan(-1)
      expect(pageOf(`T${n} row 1 `), `table ${n}, row 1`).toBe(header)
      expect(pageOf(`T${n} row 2 `), `table ${n}, row 2`).toBe(header)
      expect(pageOf(`T${n} row 5 `), `table ${n}, row 5`).toBe(pageOf(`T${n} row 6 `))
      // The sentence that introduces the table stays with it.
      expect(pageOf(`Figures of case ${n}:`), `table ${n}, its sentence`).toBe(header)
      const last = pageOf(`T${n} row 6 `)
      // A table that breaks repeats its header.
      if (last !== header) expect(texts[last], `table ${n}`).toContain(`T${n} head`)
      if (!bodyLines(texts[header]!).includes(`Table case ${n}`)) moved++
    }
    // Some tables did start near a page's end and went on, or over, to the next page: the sweep reached it.
    expect(moved).toBeGreaterThan(0)
  })
})

/** Translate a third of the entries, mark a third stale (fuzzy) and leave a third missing. */
async function translateThirds(file: string): Promise<void> {
  const catalog = parseCatalog(await fs.readFile(file, 'utf8'), new VFile())!
  catalog.entries.forEach((entry, index) => {
    if (index % 3 === 2) return
    entry.msgstr = `[de] ${entry.msgid}`
    entry.fuzzy = index % 3 === 1
  })
  await fs.writeFile(file, serializeCatalog(catalog))
}

/** What the marks of a page look like: each marked element's left border and background, as Chromium computes them. */
interface Mark {
  tag: string
  state: string
  border: string
  background: string
}

/**
 * The marks are drawn, not text: they are read from Chromium's computed styles, in print media on the print page
 * the build printed (kept in the cache folder, `.policy-press-cache/print/<lang>/<slug>.html`) and in screen media
 * on the web page.
 */
describe('marks of passages that are not a current translation', () => {
  let root: string
  let browser: Browser

  beforeAll(async () => {
    root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: [de]\n',
      'documents/not-yet.md': '---\ntitle: Not yet translated\ndate: 2024-05-01\n---\n\n## One\n\nA sentence.\n\n## Two\n\nA sentence.\n'
    })
    await fs.cp(path.join(repoRoot, 'tests/fixtures/a11y/accessibility-paper.md'), path.join(root, 'documents/accessibility-paper.md'))
    await fs.cp(path.join(repoRoot, 'tests/fixtures/a11y/images'), path.join(root, 'documents/images'), {recursive: true})
    const sync = await runCli(['sync', '--root', root, '--quiet'], root)
    expect(sync.code, sync.stderr).toBe(0)
    await translateThirds(path.join(root, 'translations/de/accessibility-paper.po'))
    const result = await runCli(['build', '--root', root, '--quiet'], root)
    expect(result.code, result.stderr).toBe(0)
    browser = await puppeteer.launch({executablePath: findChromium(process.env, {headlessShell: false}), args: chromiumArgs, headless: true})
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
  })

  /** The marks of `file` (relative to the project) in `media`, by kind: table cells, tables, figures and their captions, other blocks, legend. */
  async function marks(file: string, media: 'print' | 'screen') {
    const page = await browser.newPage()
    await page.emulateMediaType(media)
    await page.goto(pathToFileURL(path.join(root, file)).href, {waitUntil: 'load'})
    const found = await page.evaluate(() => {
      const look = (element: Element, state: string) => {
        const style = getComputedStyle(element)
        return {tag: element.tagName.toLowerCase(), state, border: `${style.borderLeftWidth} ${style.borderLeftStyle}`, background: style.backgroundColor}
      }
      const marked = Array.from(document.querySelectorAll('.document-body [data-translation]'))
      const state = (element: Element) => element.getAttribute('data-translation') ?? ''
      return {
        cells: marked.filter((element) => /^t[dh]$/i.test(element.tagName)).map((element) => look(element, state(element))),
        tables: Array.from(document.querySelectorAll('.table-scroll'), (region) => {
          const states = Array.from(region.querySelectorAll('[data-translation]'), state)
          return look(region, states.includes('missing') ? 'missing' : states.length > 0 ? 'stale' : '')
        }),
        figures: marked.filter((element) => element.tagName === 'FIGURE').map((element) => look(element, state(element))),
        captions: marked.filter((element) => element.tagName === 'FIGURE').map((element) => look(element.querySelector('figcaption')!, state(element))),
        blocks: marked.filter((element) => !/^(t[dh]|figure)$/i.test(element.tagName)).map((element) => look(element, state(element))),
        legend: Array.from(document.querySelectorAll('.legend-mark[data-translation]'), (element) => look(element, state(element)))
      }
    })
    await page.close()
    return found
  }

  const none = 'rgba(0, 0, 0, 0)'
  const bar = (mark: Mark) => `${mark.state}: ${mark.border.split(' ')[1]}`
  const barOf = {stale: 'stale: solid', missing: 'missing: dashed'} as Record<string, string>

  it('marks a table once at its edge and a figure by its caption, in print and on the web', async () => {
    for (const [file, media] of [
      ['.policy-press-cache/print/de/accessibility-paper.html', 'print'],
      ['dist/de/accessibility-paper.html', 'screen']
    ] as const) {
      const found = await marks(file, media)
      expect(found.cells.length, media).toBeGreaterThan(4)
      expect(new Set(found.cells.map((cell) => cell.state)), media).toEqual(new Set(['stale', 'missing']))
      for (const cell of found.cells) expect(cell.border, `${media}: a cell`).toMatch(/^0px/)
      const markedTables = found.tables.filter((table) => table.state !== '')
      expect(markedTables.length, media).toBe(2)
      for (const table of markedTables) {
        expect(table.border, `${media}: a table`).not.toMatch(/^0px/)
        expect(bar(table)).toBe(barOf[table.state])
      }
      expect(found.figures.length, media).toBe(1)
      expect(found.figures[0]!.border, `${media}: the figure`).toMatch(/^0px/)
      expect(found.figures[0]!.background, `${media}: the figure`).toBe(none)
      expect(found.captions[0]!.border, `${media}: its caption`).not.toMatch(/^0px/)
      expect(bar(found.captions[0]!)).toBe(barOf[found.captions[0]!.state])
      for (const block of found.blocks) expect(bar(block), `${media}: a ${block.tag}`).toBe(barOf[block.state])
    }
  })

  it('marks quietly in print: a bar, no tinted box, as the legend shows', async () => {
    const found = await marks('.policy-press-cache/print/de/accessibility-paper.html', 'print')
    expect(found.legend.map(bar)).toEqual(['stale: solid', 'missing: dashed'])
    for (const mark of [...found.blocks, ...found.cells, ...found.captions, ...found.legend]) {
      expect(mark.background, `a ${mark.state} ${mark.tag}`).toBe(none)
    }
    for (const mark of [...found.blocks, ...found.captions, ...found.legend]) expect(mark.border, `a ${mark.state} ${mark.tag}`).toMatch(/^2px/)
    // The web page keeps its tinted boxes.
    const web = await marks('dist/de/accessibility-paper.html', 'screen')
    for (const block of web.blocks) expect(block.background, `a ${block.state} ${block.tag}`).not.toBe(none)
  })

  it('leaves room between the "not yet translated" notice and the contents heading', async () => {
    const page = await browser.newPage()
    await page.emulateMediaType('print')
    await page.goto(pathToFileURL(path.join(root, '.policy-press-cache/print/de/not-yet.html')).href, {waitUntil: 'load'})
    const gap = await page.evaluate(() => document.querySelector('#pdf-toc-title')!.getBoundingClientRect().top - document.querySelector('.notice-untranslated')!.getBoundingClientRect().bottom)
    await page.close()
    // At least 4 mm (15 CSS pixels).
    expect(gap).toBeGreaterThanOrEqual(15)
  })
})
