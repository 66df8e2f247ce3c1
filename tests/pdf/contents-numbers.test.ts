/**
 * The contents page numbers are set into the one print of a document; when
 * that cannot be done (the digits are not in the placeholder's font), the
 * page is printed a second time with the numbers filled in. Either way each
 * number is the page its heading starts on.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {parseToUnicode} from '../../src/pdf/contents-numbers.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)

/** Three chapters of a few pages each, so the numbers run past 9. */
const paragraph = 'Municipalities in rural areas lose residents, jobs and services, and social work has to reach people who live far apart. '.repeat(9)
const book = {
  'documents/book/01-one.md': `---\ntitle: The Book\ndate: 2024-05-01\n---\n\n# First chapter\n\n${`${paragraph}\n\n`.repeat(12)}## A section of the first\n\n${paragraph}\n`,
  'documents/book/02-two.md': `# Second chapter\n\n${`${paragraph}\n\n`.repeat(14)}## A section of the second\n\n${paragraph}\n`,
  'documents/book/03-three.md': `# Third chapter\n\n${`${paragraph}\n\n`.repeat(10)}`
}

/** Each contents entry of the PDF and whether its heading is on the page it names. */
async function checkContents(pdf: string): Promise<Array<{heading: string; page: number}>> {
  const contents = (await run('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'])).stdout
  const entries = [...contents.matchAll(/^ {0,8}(\S.*?\S)[\s.]{3,}(\d+)$/gm)].map((match) => ({heading: match[1]!, page: Number(match[2])}))
  for (const entry of entries) {
    const page = (await run('pdftotext', ['-f', String(entry.page), '-l', String(entry.page), pdf, '-'])).stdout
    expect(page, `"${entry.heading}" on page ${entry.page}`).toContain(entry.heading)
  }
  return entries
}

/** Build with policy-press's PDF debug lines captured (the `debug` package writes them to stderr). */
async function buildLogged(root: string): Promise<{code: number; stderr: string; log: string}> {
  const result = await runCli(['build', '--root', root, '--lang', 'en'], root, {DEBUG: 'policy-press:pdf'})
  const log = result.stderr.split('\n').filter((line) => line.includes('policy-press:pdf'))
  return {...result, stderr: result.stderr.split('\n').filter((line) => !line.includes('policy-press:pdf')).join('\n'), log: log.join('\n')}
}

describe('contents page numbers', () => {
  it('are set into the one print', async () => {
    const root = await makeProject(book)
    const result = await buildLogged(root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.log).not.toContain('second pass')
    const entries = await checkContents(path.join(root, 'dist/en/book.pdf'))
    expect(entries.map((entry) => entry.heading)).toEqual(['First chapter', 'A section of the first', 'Second chapter', 'A section of the second', 'Third chapter'])
    expect(entries.at(-1)!.page).toBeGreaterThan(9)
  })

  it('are printed in a second pass when the placeholder font lacks the digits', async () => {
    // Italic serif figures appear nowhere else in this document, so its PDF has no glyphs for them but the placeholders' zeros.
    const shipped = await fs.readFile(path.join(repoRoot, 'templates/assets/print.css'), 'utf8')
    const root = await makeProject({...book, 'templates/assets/print.css': `${shipped}\n.pdf-toc .toc-page { font-family: var(--serif); font-style: italic; }\n`})
    const result = await buildLogged(root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.log).toMatch(/en\/book: contents numbers printed in a second pass/)
    const entries = await checkContents(path.join(root, 'dist/en/book.pdf'))
    expect(entries).toHaveLength(5)
  })
})

describe('parseToUnicode', () => {
  it('reads single codes and ranges', () => {
    const cmap = '2 beginbfchar\n<0003> <0020>\n<0084> <0030>\nendbfchar\n1 beginbfrange\n<0085> <0087> <0031>\nendbfrange\n'
    expect([...parseToUnicode(cmap)]).toEqual([
      ['0003', ' '],
      ['0084', '0'],
      ['0085', '1'],
      ['0086', '2'],
      ['0087', '3']
    ])
  })
})
