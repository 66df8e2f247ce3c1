/**
 * `check`: everything a build checks, plus terminology, without writing a
 * file; any problem fails it, so it can gate pull requests.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {usesTerm} from '../../src/catalog/terminology.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const po = (entries: Array<[string, string]>) =>
  `msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n${entries.map(([id, str]) => `msgid "${id}"\nmsgstr "${str}"\n`).join('\n')}`

describe('terminology', () => {
  it('accepts inflected forms of a term, and refuses other words', () => {
    expect(usesTerm('Soovitame võimestamise tööriistu.', 'võimestamine', 'et')).toBe(true)
    expect(usesTerm('Taikyti mokymąsi veikiant.', 'mokymasis veikiant', 'lt')).toBe(true)
    expect(usesTerm('Wir fördern die Ko-Kreation von Diensten.', 'Ko-Kreation', 'de')).toBe(true)
    expect(usesTerm('Wir fördern die Mitgestaltung von Diensten.', 'Ko-Kreation', 'de')).toBe(false)
  })
})

describe('check', () => {
  it('finds no problem in the samples', async () => {
    const run = await runCli(['check', '--root', repoRoot])
    expect(run.stderr).toBe('')
    expect(run).toMatchObject({code: 0, stdout: 'No problems found.\n'})
  })

  it('reports links, translations and terminology, writes nothing, exits 1', async () => {
    const root = await makeProject({
      'documents/a.md': '---\ntitle: A\n---\n\nWe support co-creation and [the plan](plan.md).\n\nThe SEMPRE Accelerators for Service Co-Creation project.\n',
      'policy-press.config.yaml': 'targets: [de]\n',
      'translations/glossary.yaml': 'terms:\n  co-creation: {de: Ko-Kreation}\n',
      'translations/de/a.po': po([
        ['A', 'A'],
        ['We support co-creation and [the plan](plan.md).', 'Wir fördern Mitgestaltung und den Plan.'],
        ['The SEMPRE Accelerators for Service Co-Creation project.', 'Das Projekt SEMPRE Accelerators for Service Co-Creation.']
      ])
    })
    const run = await runCli(['check', '--root', root, '--format', 'json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    const reasons = report.files.flatMap((file: {path: string; messages: Array<{ruleId: string}>}) => file.messages.map((message) => `${file.path} ${message.ruleId}`))
    expect(reasons.sort()).toEqual([
      'documents/a.md missing-document',
      'translations/de/a.po terminology',
      'translations/de/a.po translation-link'
    ])
    await expect(fs.access(path.join(root, 'dist'))).rejects.toThrow()
  })
})
