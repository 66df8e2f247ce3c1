/** Interface strings: the project's file over the shipped one over English, key by key. */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, runCli} from './helpers.js'

const doc = '---\ntitle: T\n---\n\n## Section\n\nText.\n'

describe('UI strings', () => {
  it('layers a project file over the shipped strings', async () => {
    const root = await makeProject({
      'documents/t.md': doc,
      'translations/de/ui.yaml': 'contents: Inhaltsverzeichnis\n',
      'policy-press.config.yaml': 'targets: [de, fr]\n'
    })
    const run = await runCli(['build', '--format', 'html', '--root', root])
    expect(run.code, run.stderr).toBe(0)
    const de = await fs.readFile(path.join(root, 'dist/de/t.html'), 'utf8')
    expect(de).toContain('>Inhaltsverzeichnis</h2>')
    // Keys the project did not set come from the shipped German file.
    expect(de).toContain('Noch nicht übersetzt')
    // A language with no strings at all falls back to English.
    const fr = await fs.readFile(path.join(root, 'dist/fr/t.html'), 'utf8')
    expect(fr).toContain('<html lang="fr">')
    expect(fr).toContain('>Contents</h2>')
  })

  it('rejects an unknown key with its place (exit 2)', async () => {
    const root = await makeProject({'documents/t.md': doc, 'translations/lv/ui.yaml': 'contents: Saturs\ncontens: Saturs\n'})
    const run = await runCli(['build', '--format', 'html', '--root', root])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('translations/lv/ui.yaml\n2:1 error Unexpected key `contens`, expected one of `languageName`')
  })
})
