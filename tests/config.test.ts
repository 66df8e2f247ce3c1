/** The config schema: defaults, the published JSON schema, localized values. */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {configJsonSchema, loadConfig, localize} from '../src/config.js'
import {makeProject, repoRoot} from './helpers.js'

describe('config', () => {
  it('has the documented defaults when there is no config file', async () => {
    const root = await makeProject({})
    const {config, file} = await loadConfig(root)
    expect(file).toBeUndefined()
    expect(config.source).toBe('en')
    expect(config.targets).toEqual(['de', 'et', 'lv', 'lt'])
    expect(config.pdf.paper).toBe('A4')
    expect(config.translations.stale).toBe('translation')
  })

  it('rejects the source language among the targets, and duplicates', async () => {
    const root = await makeProject({'policy-press.config.yaml': 'targets: [de, en, de]\n'})
    const {file} = await loadConfig(root)
    expect(file!.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '1:15 `targets[1]`: Unexpected source language `en`, expected only languages to translate into',
      '1:19 `targets[2]`: Unexpected duplicate language `de`'
    ])
  })

  it('publishes a JSON schema that matches the zod schema', async () => {
    const published = JSON.parse(await fs.readFile(path.join(repoRoot, 'schema/policy-press.config.schema.json'), 'utf8'))
    // `npm run schema` regenerates the file.
    expect(published).toEqual(JSON.parse(JSON.stringify(configJsonSchema())))
    expect(published.additionalProperties).toBe(false)
    expect(Object.keys(published.properties)).toEqual(['source', 'targets', 'site', 'translations', 'pdf', 'deepl', 'limits'])
  })

  it('validates the sample config', async () => {
    const {config, file} = await loadConfig(repoRoot)
    expect(file?.messages).toEqual([])
    expect(localize(config.site.title, 'lv', 'en')).toBe('SEMPRE publikācijas')
    expect(localize(config.site.title, 'fr', 'en')).toBe('SEMPRE Publications')
  })
})
