/**
 * PDFs are printed only when their inputs change; stale and missing passages
 * carry their marks and legend in print too; a handbook gets its chapters as
 * running headers.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {makeProject, runCli, translateAll} from '../helpers.js'

const run = promisify(execFile)
const doc = (extra = '') => `---\ntitle: Funding\ndate: 2024-05-01\n---\n\n## Why\n\nRural municipalities struggle to fund social services.${extra}\n\n## How\n\nGive small grants.\n`

describe('PDF builds', () => {
  it('prints only what changed, and marks stale and missing passages', async () => {
    const root = await makeProject({'documents/a.md': doc(), 'documents/b.md': doc(), 'policy-press.config.yaml': 'targets: [de]\n'})
    await runCli(['sync', '--root', root])
    await translateAll(path.join(root, 'translations/de/a.po'))
    await translateAll(path.join(root, 'translations/de/b.po'))
    const first = await runCli(['build', '--root', root])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('4 PDFs (4 printed)')
    const before = await fs.readFile(path.join(root, 'dist/de/b.pdf'))

    // Only `a` changes: its two PDFs are printed again, `b`'s are not.
    await fs.writeFile(path.join(root, 'documents/a.md'), doc(' Staff are hard to find.\n\n## New section\n\nNot translated yet.'))
    const second = await runCli(['build', '--root', root])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain('4 PDFs (2 printed)')
    expect((await fs.readFile(path.join(root, 'dist/de/b.pdf'))).equals(before)).toBe(true)

    const text = (await run('pdftotext', [path.join(root, 'dist/de/a.pdf'), '-'])).stdout.replace(/\s+/g, ' ')
    expect(text).toContain('Veraltete Übersetzung.')
    expect(text).toContain('Noch nicht übersetzt.')
    expect(text).toContain('[de] Rural municipalities struggle')
    expect(text).toContain('Not translated yet.')
    const info = (await run('pdfinfo', [path.join(root, 'dist/de/a.pdf')])).stdout
    expect(info).toMatch(/CreationDate:\s+Wed May\s+1 00:00:00 2024 UTC/)
  })

  it('prints a PDF again when an image it shows changes under the same name', async () => {
    const svg = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${colour}"/></svg>\n`
    const root = await makeProject({
      'documents/a.md': '---\ntitle: Figures\n---\n\n![A red bar](images/bar.svg)\n',
      'documents/images/bar.svg': svg('red')
    })
    expect((await runCli(['build', '--root', root, '--lang', 'en'])).stdout).toContain('1 PDF (1 printed)')
    // The page's HTML is the same; the figure is not.
    await fs.writeFile(path.join(root, 'documents/images/bar.svg'), svg('blue'))
    expect((await runCli(['build', '--root', root, '--lang', 'en'])).stdout).toContain('1 PDF (1 printed)')
  })

  it('gives each chapter of a handbook its running header', async () => {
    const root = await makeProject({
      'documents/book/01-one.md': '---\ntitle: The Book\n---\n\n# First chapter\n\nText one.\n',
      'documents/book/02-two.md': '# Second chapter\n\nText two.\n'
    })
    const result = await runCli(['build', '--root', root, '--lang', 'en'])
    expect(result.code, result.stderr).toBe(0)
    const pdf = path.join(root, 'dist/en/book.pdf')
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1])
    const last = (await run('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', pdf, '-'])).stdout
    expect(last).toMatch(/The Book\s+Second chapter/)
    expect(last).toMatch(new RegExp(`\\b${pages}\\s*/\\s*${pages}\\b`))
    const cover = (await run('pdftotext', ['-f', '1', '-l', '1', pdf, '-'])).stdout
    expect(cover).not.toMatch(new RegExp(`\\b1\\s*/\\s*${pages}\\b`))
    // Short entries stay on one line, their leader fills the rest.
    const contents = (await run('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'])).stdout
    expect(contents).toMatch(/First chapter[ .]+3\n/)
  })
})
