/**
 * The project boundary (src/boundary.ts): files named by a project are read
 * only when their real path is inside it. The links a hostile pull request
 * can add (to system files, to the build's own environment, to folders,
 * chains of links) are refused at the place that names them, nothing of
 * them is published, and a link that stays inside the project still works.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BoundaryError, checkProjectFileSync, readProjectFile} from '../../src/boundary.js'
import {makeProject, runCli} from '../helpers.js'

const front = (title: string) => `---\ntitle: ${title}\n---\n\n`

/** Every file under `dir`, relative, with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await fs.readdir(dir, {recursive: true, withFileTypes: true}).catch(() => [])
  const files = new Map<string, Buffer>()
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), await fs.readFile(full))
  }
  return files
}

let outside: string
beforeAll(async () => {
  // A folder outside the project, with a secret and a pipe: reading the pipe would block the test for ever.
  outside = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-outside-'))
  await fs.writeFile(path.join(outside, 'secret.txt'), 'TOP-SECRET-OUTSIDE\n')
  await fs.writeFile(path.join(outside, 'chapter.md'), `${front('Outside')}TOP-SECRET-OUTSIDE\n`)
  execFileSync('mkfifo', [path.join(outside, 'pipe.md')])
})
afterAll(() => fs.rm(outside, {recursive: true, force: true}))

describe('the project boundary', () => {
  it('publishes no file a link takes out of the project, and reports each at its link', async () => {
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: [de]\n',
      'documents/report.md': `${front('Report')}# Report\n\n![Chart](images/chart.png)\n\n[Data](images/data.txt) and [environment](images/env.txt).\n\n![Inside](images/inside.png) ![Chained](images/chained.png) ![Escape](images/escape.png)\n`,
      'documents/files/real.png': 'PNG-INSIDE'
    })
    const images = path.join(root, 'documents/images')
    await fs.mkdir(images)
    await fs.symlink('/etc/passwd', path.join(images, 'chart.png'))
    await fs.symlink('/etc/hostname', path.join(images, 'data.txt'))
    await fs.symlink('/proc/self/environ', path.join(images, 'env.txt'))
    // Links that stay inside: one, and a chain of two.
    await fs.symlink('../files/real.png', path.join(images, 'inside.png'))
    await fs.symlink('inside.png', path.join(images, 'chained.png'))
    // A chain that starts inside and ends outside.
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'documents/files/secret.txt'))
    await fs.symlink('../files/secret.txt', path.join(images, 'escape.png'))

    const run = await runCli(['build', '--format', 'html', '--no-color'], root)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/documents\/report\.md\n\s*7:1-7:27\s+error\s+Unexpected symbolic link to `\/etc\/passwd`, outside the project.*outside-project/)
    expect(run.stderr).toMatch(/9:1-9:24\s+error\s+Unexpected symbolic link to `\/etc\/hostname`/)
    expect(run.stderr).toMatch(/9:29-9:58\s+error\s+Unexpected path into `\/proc`.*is never read/)
    expect(run.stderr).toMatch(/11:61-11:89\s+error\s+Unexpected symbolic link to `.*secret\.txt`, outside the project/)
    expect(run.stderr).not.toMatch(/\n\s+at /)

    const out = await tree(path.join(root, 'dist'))
    // The document is built; what links inside is copied, through a chain of links too.
    expect(out.has('en/report.html')).toBe(true)
    expect(out.get('media/images/inside.png')?.toString()).toBe('PNG-INSIDE')
    expect(out.get('media/images/chained.png')?.toString()).toBe('PNG-INSIDE')
    expect([...out.keys()].filter((file) => file.startsWith('media/')).sort()).toEqual(['media/images/chained.png', 'media/images/inside.png'])
    const published = [...out.values()].map((contents) => contents.toString('latin1')).join('\n')
    expect(published).not.toContain('root:x:0:0')
    expect(published).not.toContain('TOP-SECRET-OUTSIDE')
    expect(published).not.toContain('PATH=')
  })

  it('refuses a linked document, chapter or folder out of the project without reading it', async () => {
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: []\n',
      'documents/normal.md': `${front('Normal')}Text.\n`,
      'documents/inner/01-one.md': `${front('Inner')}Inner text.\n`
    })
    const documents = path.join(root, 'documents')
    await fs.symlink('/etc/passwd', path.join(documents, 'passwd.md'))
    // Opening a pipe blocks until someone writes to it: had it been read, this test would never end.
    await fs.symlink(path.join(outside, 'pipe.md'), path.join(documents, 'pipe.md'))
    await fs.symlink('/dev/zero', path.join(documents, 'zero.md'))
    await fs.symlink(outside, path.join(documents, 'handbook'))
    // Inside: a linked document, and a linked folder of chapters.
    await fs.symlink('normal.md', path.join(documents, 'alias.md'))
    await fs.symlink('inner', path.join(documents, 'linked'))

    const run = await runCli(['build', '--format', 'html', '--no-color'], root)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/documents\/passwd\.md\n\s*1:1\s+error\s+Unexpected symbolic link to `\/etc\/passwd`, outside the project/)
    expect(run.stderr).toMatch(/documents\/pipe\.md\n\s*1:1\s+error\s+Unexpected symbolic link to `.*pipe\.md`, outside the project/)
    expect(run.stderr).toMatch(/documents\/zero\.md\n\s*1:1\s+error\s+Unexpected path into `\/dev`/)
    expect(run.stderr).toMatch(/documents\/handbook\n\s*1:1\s+error\s+Unexpected symbolic link to `.*policy-press-outside-[^`]*`, outside the project/)
    // Nothing of the passwd file is quoted (it was never parsed: no "missing title" either).
    expect(run.stderr).not.toContain('root:x:0')
    expect(run.stderr).not.toMatch(/passwd\.md\n[^\n]*front-matter/)
    const out = await tree(path.join(root, 'dist'))
    expect([...out.keys()].filter((file) => file.startsWith('en/')).sort()).toEqual(['en/alias.html', 'en/inner.html', 'en/linked.html', 'en/normal.html'])
    expect(out.get('en/linked.html')?.toString()).toContain('Inner text.')
  })

  it('refuses a project folder, template or PO file that links out of the project', async () => {
    const root = await makeProject({'policy-press.config.yaml': 'source: en\ntargets: [de]\n', 'documents/a.md': `${front('A')}Text.\n`})
    await fs.symlink(outside, path.join(root, 'translations'))
    const folder = await runCli(['build', '--format', 'html'], root)
    expect(folder.code).toBe(2)
    expect(folder.stderr).toMatch(/^policy-press: translations\/: Unexpected symbolic link to `.*`, outside the project/)

    await fs.rm(path.join(root, 'translations'))
    await fs.mkdir(path.join(root, 'translations/de'), {recursive: true})
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'translations/de/a.po'))
    const po = await runCli(['build', '--format', 'html', '--no-color'], root)
    expect(po.code).toBe(1)
    expect(po.stderr).toMatch(/translations\/de\/a\.po\n[^\n]*error\s+Cannot read PO file: Unexpected symbolic link/)
    expect(po.stderr).not.toContain('TOP-SECRET')

    await fs.rm(path.join(root, 'translations/de/a.po'))
    await fs.mkdir(path.join(root, 'templates'))
    await fs.symlink(outside, path.join(root, 'templates/assets'))
    const assets = await runCli(['build', '--format', 'html', '--force'], root)
    expect(assets.code).toBe(2)
    expect(assets.stderr).toMatch(/^policy-press: templates\/assets\/: Unexpected symbolic link to `.*`, outside the project/)
    await fs.rm(path.join(root, 'templates/assets'))
    await fs.symlink('/proc/self/environ', path.join(root, 'templates/page.html'))
    const template = await runCli(['build', '--format', 'html', '--force'], root)
    expect(template.code).toBe(2)
    expect(template.stderr).toMatch(/Cannot use template `page\.html`: Unexpected path into `\/proc`/)
    const published = [...(await tree(path.join(root, 'dist'))).values()].map((contents) => contents.toString('latin1')).join('\n')
    expect(published).not.toContain('PATH=')
  })

  it('writes nothing through a folder linked out of the project', async () => {
    const root = await makeProject({'policy-press.config.yaml': 'source: en\ntargets: [de]\n', 'documents/a.md': `${front('A')}Text.\n`})
    const target = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-target-'))
    try {
      await fs.mkdir(path.join(root, 'translations'))
      await fs.symlink(target, path.join(root, 'translations/de'))
      const sync = await runCli(['sync'], root)
      expect(sync.code).toBe(2)
      expect(sync.stderr).toMatch(/^policy-press: translations\/de\/: Unexpected symbolic link to `.*`, outside the project/)
      await fs.rm(path.join(root, 'translations/de'))
      await fs.symlink(target, path.join(root, 'dist'))
      const build = await runCli(['build', '--format', 'html'], root)
      expect(build.code).toBe(2)
      expect(build.stderr).toMatch(/^policy-press: dist\/: Unexpected symbolic link/)
      expect(await fs.readdir(target)).toEqual([])
    } finally {
      await fs.rm(target, {recursive: true, force: true})
    }
  })

  it('reads nothing too large, and says which limit to change', async () => {
    const root = await makeProject({'policy-press.config.yaml': 'source: en\ntargets: []\nlimits:\n  fileSize: 0.001\n', 'documents/big.md': `${front('Big')}${'word '.repeat(400)}\n`, 'documents/small.md': `${front('Small')}Text.\n`})
    const run = await runCli(['build', '--format', 'html', '--no-color'], root)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/documents\/big\.md\n\s*1:1\s+error\s+Unexpected file of 2 kB, expected at most 1 kB \(`limits.fileSize` in the config\)\s+file-too-large/)
    expect(await fs.readFile(path.join(root, 'dist/en/small.html'), 'utf8')).toContain('Text.')
  })

  it('tells a file inside from one outside, after every link', async () => {
    const root = await makeProject({'a.txt': 'A'})
    await fs.symlink('a.txt', path.join(root, 'b.txt'))
    await fs.symlink('/etc/hostname', path.join(root, 'c.txt'))
    expect((await readProjectFile(root, path.join(root, 'b.txt'))).toString()).toBe('A')
    await expect(readProjectFile(root, path.join(root, 'c.txt'))).rejects.toBeInstanceOf(BoundaryError)
    await expect(readProjectFile(root, path.join(root, 'missing.txt'))).rejects.toMatchObject({code: 'ENOENT'})
    // Outside the project nobody in it chose the file: only the system's folders are refused.
    expect((await readProjectFile(root, '/etc/hostname')).length).toBeGreaterThan(0)
    await expect(readProjectFile(root, '/proc/self/environ')).rejects.toMatchObject({code: 'ESYSTEM'})
    expect(checkProjectFileSync(root, path.join(root, 'c.txt'))).toMatchObject({error: {code: 'EOUTSIDE'}})
    expect(checkProjectFileSync(root, path.join(root, 'b.txt'))).toEqual({real: await fs.realpath(path.join(root, 'a.txt'))})
  })
})
