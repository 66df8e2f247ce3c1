/**
 * A figure or file per language: `images/cycle.lv.png` replaces
 * `images/cycle.png` in the Latvian page (and so in its PDF, which prints
 * that same page), and is copied to `media/` like the original; other
 * languages keep the original. With `translations.localizedFigures`,
 * `check` lists every image that lacks a version for a built target
 * language, at the image's place. Messages are compared whole with golden
 * files in tests/fixtures/localized-figures/ (`UPDATE=1` rewrites them).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {localizedFile} from '../../src/markdown/localized-files.js'
import {golden, makeProject, pageBody, repoRoot, runCli, translateAll} from '../helpers.js'

const goldenDir = path.join(repoRoot, 'tests/fixtures/localized-figures')

const handbook = `---
title: Handbook
---

## The cycle

![Four steps in a circle](images/cycle.png "The action learning cycle")

Read [the full report](files/report.pdf#page=2) or see the ![logo][logo] of the project.

[logo]: images/logo.png
`

const files = {
  'documents/handbook.md': handbook,
  'documents/images/cycle.png': 'english cycle',
  'documents/images/cycle.lv.png': 'latvian cycle',
  'documents/images/logo.png': 'logo',
  'documents/files/report.pdf': 'english report',
  'documents/files/report.lv.pdf': 'latvian report'
}

async function body(root: string, lang: string): Promise<string> {
  return pageBody(await fs.readFile(path.join(root, `dist/${lang}/handbook.html`), 'utf8'))
}

describe('localizedFile', () => {
  it('puts the language before the last extension', () => {
    expect(localizedFile('documents/images/cycle.png', 'lv')).toBe('documents/images/cycle.lv.png')
    expect(localizedFile('documents/v1.2/report.pdf', 'pt-BR')).toBe('documents/v1.2/report.pt-BR.pdf')
    expect(localizedFile('documents/data/README', 'de')).toBe('documents/data/README.de')
  })
})

describe('files per language', () => {
  it('links the Latvian page to the Latvian figure and file, the others to the originals, and copies both', async () => {
    const root = await makeProject({...files, 'policy-press.config.yaml': 'targets: [de, lv]\n'})
    const run = await runCli(['build', '--format', 'html', '--root', root, '--quiet'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lv = await body(root, 'lv')
    expect(lv).toContain('<img src="../media/images/cycle.lv.png" alt="Four steps in a circle">')
    expect(lv).toContain('<a href="../media/files/report.lv.pdf#page=2">the full report</a>')
    // No Latvian logo: the original.
    expect(lv).toContain('<img src="../media/images/logo.png" alt="logo">')
    for (const lang of ['en', 'de']) {
      const page = await body(root, lang)
      expect(page).toContain('<img src="../media/images/cycle.png" alt="Four steps in a circle">')
      expect(page).toContain('<a href="../media/files/report.pdf#page=2">the full report</a>')
      expect(page).not.toContain('.lv.')
    }
    expect(await fs.readFile(path.join(root, 'dist/media/images/cycle.lv.png'), 'utf8')).toBe('latvian cycle')
    expect(await fs.readFile(path.join(root, 'dist/media/files/report.lv.pdf'), 'utf8')).toBe('latvian report')
    expect(await fs.readFile(path.join(root, 'dist/media/images/cycle.png'), 'utf8')).toBe('english cycle')
  })

  it('uses a Latvian figure added after the last build', async () => {
    const english: Record<string, string> = {...files}
    delete english['documents/images/cycle.lv.png']
    const root = await makeProject({...english, 'policy-press.config.yaml': 'targets: [lv]\n'})
    expect((await runCli(['build', '--format', 'html', '--root', root, '--quiet'])).code).toBe(0)
    expect(await body(root, 'lv')).toContain('src="../media/images/cycle.png"')
    await fs.writeFile(path.join(root, 'documents/images/cycle.lv.png'), 'latvian cycle')
    expect((await runCli(['build', '--format', 'html', '--root', root, '--quiet'])).code).toBe(0)
    expect(await body(root, 'lv')).toContain('src="../media/images/cycle.lv.png"')
  })

  it('a translated figure keeps its translated alt text and caption', async () => {
    const root = await makeProject({...files, 'policy-press.config.yaml': 'targets: [lv]\n'})
    expect((await runCli(['sync', '--root', root])).code).toBe(0)
    await translateAll(path.join(root, 'translations/lv/handbook.po'), '[lv] ')
    const run = await runCli(['build', '--strict', '--format', 'html', '--root', root])
    expect(run.code, run.stderr).toBe(0)
    expect(await body(root, 'lv')).toContain(
      '<figure><img src="../media/images/cycle.lv.png" alt="[lv] Four steps in a circle"><figcaption>[lv] The action learning cycle</figcaption></figure>'
    )
  })
})

describe('check lists figures without a version per language', () => {
  async function check(name: string, config: string, argv: string[] = []) {
    const root = await makeProject({...files, 'policy-press.config.yaml': config})
    const run = await runCli(['check', '--root', root, ...argv])
    const report = `exit ${run.code}\n${run.stdout}${run.stderr}`
    expect(report).toBe(await golden(path.join(goldenDir, `${name}.txt`), report))
    return run
  }

  it('says nothing by default', async () => {
    const run = await check('off', 'targets: [de, lv, lt]\n')
    expect(run.code).toBe(0)
  })

  it('warns at each image, naming the languages that lack one, and passes', async () => {
    const run = await check('warn', 'targets: [de, lv, lt]\ntranslations:\n  localizedFigures: warn\n')
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^7:1-7:72 +warning Missing version of figure `images\/cycle.png` in `de`, `lt`,/m)
    // At the image, not at its definition.
    expect(run.stderr).toMatch(/^9:60-9:73 +warning Missing version of figure `images\/logo.png` in `de`, `lv`, `lt`,/m)
  })

  it('fails with `error`, and lists the messages in JSON with their severity', async () => {
    const run = await check('error', 'targets: [de, lv, lt]\ntranslations:\n  localizedFigures: error\n', ['--format', 'json'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({errors: 2, warnings: 0})
  })

  it('names only the languages built', async () => {
    const run = await check('one-language', 'targets: [lv]\ntranslations:\n  localizedFigures: warn\n')
    expect(run.stderr).not.toContain('cycle.png')
    expect(run.stderr).toContain('Missing version of figure `images/logo.png` in `lv`, expected `images/logo.lv.png`')
  })

  it('fails a strict build with `error`, and only warns in a plain one', async () => {
    const root = await makeProject({...files, 'policy-press.config.yaml': 'targets: [lv]\ntranslations:\n  localizedFigures: error\n'})
    expect((await runCli(['sync', '--root', root])).code).toBe(0)
    await translateAll(path.join(root, 'translations/lv/handbook.po'), '[lv] ')
    const plain = await runCli(['build', '--format', 'html', '--root', root])
    expect(plain.code).toBe(0)
    expect(plain.stderr).toContain('warning Missing version of figure `images/logo.png`')
    const strict = await runCli(['build', '--strict', '--format', 'html', '--root', root])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('error Missing version of figure `images/logo.png`')
  })
})
