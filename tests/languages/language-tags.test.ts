/**
 * `targets` (and every other key that names a language) takes any BCP 47
 * tag in its canonical form; anything else is a config error at its place.
 */
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config.js'
import {makeProject, runCli} from '../helpers.js'

const messages = async (yaml: string): Promise<string[]> => {
  const {file} = await loadConfig(await makeProject({'policy-press.config.yaml': yaml}))
  return (file?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.reason}`)
}

describe('language tags', () => {
  it('accepts the languages of Europe, scripts, regions and variants', async () => {
    const targets = ['bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv']
    expect(await messages(`targets: [${targets.join(', ')}, nb, ru, uk, sr-Latn, pt-BR, de-CH-1996, fil]\n`)).toEqual([])
  })

  it('rejects a malformed tag and a tag not in its canonical form, each at its place', async () => {
    expect(await messages('targets: [de, en_GB, pt-br]\ndeepl:\n  formality: {EN: more}\n')).toEqual([
      '1:15 `targets[1]`: Unexpected `en_GB`, expected a BCP 47 language tag such as `de` or `pt-BR`',
      '1:22 `targets[2]`: Unexpected `pt-br`, expected its canonical form `pt-BR`',
      expect.stringMatching(/^3:\d+ `deepl.formality.*Unexpected `EN`, expected its canonical form `en`/)
    ])
  })

  it('stops a build with the config error, no stack trace (exit 2)', async () => {
    const root = await makeProject({'policy-press.config.yaml': 'targets: [ru, x-klingon]\n', 'documents/a.md': '# A\n'})
    const run = await runCli(['build', '--format', 'html', '--root', root])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('policy-press.config.yaml\n1:15 error `targets[1]`: Unexpected `x-klingon`, expected a BCP 47 language tag')
  })
})
