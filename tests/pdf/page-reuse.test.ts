/**
 * A pool page that printed one document prints the next by replacing its
 * content in place (see src/pdf/load-page.ts), and when a build knows from
 * the start that it will print, its pages load an empty print page (the
 * shell) whose content the first document replaces. The result must not
 * depend on it: a document printed after another on the same page gives the
 * same bytes as the document loaded from its file on a fresh page, images
 * included.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const run = promisify(execFile)
const image = path.join(repoRoot, 'documents/empowerment-handbook/images/action-learning-cycle.png')

const first = '---\ntitle: Übersicht der Förderung\nsubtitle: Ein Vorlauf\ndate: 2024-05-01\n---\n\n## Wozu\n\nLändliche Gemeinden finanzieren soziale Dienste.\n\n## Wie\n\nKleine Zuschüsse.\n'
const second =
  '---\ntitle: Learning in action\ndate: 2024-06-01\nkeywords: [action learning]\n---\n\n## The cycle\n\n![Four steps in a circle](images/cycle.png "The action learning cycle")\n\nAsk, act, reflect, learn.\n\n## Roles\n\n| Role | Task |\n|---|---|\n| Facilitator | Keeps time |\n'

async function project(files: Record<string, string>): Promise<string> {
  const root = await makeProject(files)
  await fs.mkdir(path.join(root, 'documents/images'), {recursive: true})
  await fs.copyFile(image, path.join(root, 'documents/images/cycle.png'))
  return root
}

describe('pool pages reused from one document to the next', () => {
  it('print the same bytes as a fresh page', async () => {
    // One page in the pool: `a` replaces the shell, `b` replaces `a` in place.
    const shared = await project({'documents/a.md': first, 'documents/b.md': second})
    const both = await runCli(['build', '--root', shared, '--lang', 'en', '--jobs', '1'])
    expect(both.code, both.stderr).toBe(0)
    // A build that finds every PDF printed before does not know it will print: when one PDF has gone, that is
    // loaded from its file into a fresh page.
    const alone = await project({'documents/b.md': second})
    expect((await runCli(['build', '--root', alone, '--lang', 'en', '--jobs', '1'])).code).toBe(0)
    await fs.rm(path.join(alone, 'dist/en/b.pdf'))
    const single = await runCli(['build', '--root', alone, '--lang', 'en', '--jobs', '1'])
    expect(single.code, single.stderr).toBe(0)

    const reused = await fs.readFile(path.join(shared, 'dist/en/b.pdf'))
    const fresh = await fs.readFile(path.join(alone, 'dist/en/b.pdf'))
    expect(reused.equals(fresh)).toBe(true)
    // The image loaded before printing, and the title is the second document's, not the first's.
    expect((await run('pdfimages', ['-list', path.join(shared, 'dist/en/b.pdf')])).stdout.split('\n').filter((line) => /^\s+\d+\s+\d+\s+image/.test(line))).toHaveLength(1)
    expect((await run('pdfinfo', [path.join(shared, 'dist/en/b.pdf')])).stdout).toMatch(/^Title:\s+Learning in action$/m)
    const text = (await run('pdftotext', [path.join(shared, 'dist/en/b.pdf'), '-'])).stdout
    expect(text).toContain('The action learning cycle')
    expect(text).not.toContain('Förderung')
  })
})
