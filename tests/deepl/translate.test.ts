/**
 * `translate` against a fake DeepL on 127.0.0.1 (tests/fake-deepl): request
 * shapes, batching, tag survival, the translation memory, formality, the
 * glossary, retries and failures — and reviewed translations untouched by all.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {machineTranslate} from '../../src/deepl/machine-translate.js'
import {type FakeDeepL, startFakeDeepL} from '../fake-deepl/server.js'
import {makeProject, msgfmtCheck, runCli} from '../helpers.js'

const source = `---
title: Funding social services
---

## Why funding matters

Rural municipalities struggle to fund *social services*, see [the plan](https://example.org/plan "Plan").[^note]

Use the \`status\` command and **empowerment** tools.

Reviewed paragraph stays as the translator left it.

[^note]: As the partners reported.
`

let fake: FakeDeepL

beforeEach(async () => {
  fake = await startFakeDeepL()
})
afterEach(async () => {
  await fake.close()
})

/** The shipped command with the fake server's key. */
function cli(argv: string[], root: string) {
  return runCli(argv, root, {DEEPL_AUTH_KEY: fake.key})
}

/** A project synced for de and et, with one entry reviewed by a translator. */
async function project(files: Record<string, string> = {}): Promise<string> {
  const root = await makeProject({'documents/doc.md': source, 'policy-press.config.yaml': 'targets: [de, et]\n', ...files})
  await runCli(['sync', '--root', root])
  const po = path.join(root, 'translations/de/doc.po')
  const catalog = parseCatalog(await fs.readFile(po, 'utf8'), new VFile())!
  catalog.entries.find((entry) => entry.msgid.startsWith('Reviewed paragraph'))!.msgstr = 'Geprüfter Absatz.'
  await fs.writeFile(po, serializeCatalog(catalog))
  return root
}

const translations = (root: string, lang: string) => fs.readFile(path.join(root, `translations/${lang}/doc.po`), 'utf8')
const reviewedBlock = (po: string) => po.split('\n\n').find((block) => block.includes('Reviewed paragraph'))!

describe('translate', () => {
  it('sends well-formed requests and writes machine drafts with every tag kept', async () => {
    const root = await project()
    const reviewed = reviewedBlock(await translations(root, 'de'))
    const run = await cli(['translate', '--server-url', fake.url], root)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^Drafted 11 segments with DeepL; \d+ characters billed; account: \d+ of 500000 characters used/)
    expect(run.stdout + run.stderr).not.toContain(fake.key)

    const translate = fake.requests.filter((request) => request.path === '/v2/translate')
    expect(translate).toHaveLength(2)
    for (const request of translate) {
      expect(request.method).toBe('POST')
      expect(request.auth).toBe(`DeepL-Auth-Key ${fake.key}`)
      expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/)
      expect(request.form.get('tag_handling')).toBe('xml')
      expect(request.form.get('ignore_tags')).toBe('x')
      expect(request.form.get('source_lang')).toBe('en')
      expect(request.form.getAll('text').length).toBeGreaterThan(1)
    }
    const texts = translate[0]!.form.getAll('text')
    expect(texts).toContain('Rural municipalities struggle to fund <i>social services</i>, see <a n="0">the plan</a>.<x n="1"/>')
    expect(texts.join('\n')).not.toContain('example.org')

    const de = await translations(root, 'de')
    await msgfmtCheck(path.join(root, 'translations/de/doc.po'))
    expect(de).toContain('# machine translation: DeepL, ')
    const drafts = parseCatalog(de, new VFile())!.entries.map((entry) => entry.msgstr)
    expect(drafts).toContain('Rural·de municipalities·de struggle·de to·de fund·de *social·de services·de*, see·de [the·de plan·de](https://example.org/plan "Plan").[^note]')
    expect(drafts).toContain('Use·de the·de `status` command·de and·de **empowerment·de** tools·de.')
    // The reviewed entry is byte for byte what it was.
    expect(reviewedBlock(de)).toBe(reviewed)
    const status = JSON.parse((await runCli(['status', '--root', root, '--lang', 'de', '--format', 'json'])).stdout).documents[0]
    expect(status.machine).toBe(5)
    expect(status.current).toBe(1)

    // Built pages mark drafts like stale passages, unless the config publishes them.
    await runCli(['build', '--root', root, '--lang', 'de', '--format', 'html'])
    expect(await fs.readFile(path.join(root, 'dist/de/doc.html'), 'utf8')).toContain('<p data-translation="stale">Rural·de')
  })

  it('costs nothing the second time: the translation memory answers', async () => {
    const root = await project()
    await cli(['translate', '--server-url', fake.url], root)
    const sent = fake.requests.length
    // Drafts are no longer "missing", so bring one back to missing by hand.
    const po = path.join(root, 'translations/et/doc.po')
    await fs.writeFile(po, (await fs.readFile(po, 'utf8')).replace(/msgstr "Use·et[^"]*"/, 'msgstr ""'))
    const again = await cli(['translate', '--server-url', fake.url], root)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/^Drafted 1 segment with DeepL; 0 characters billed/)
    expect(fake.requests.slice(sent).filter((request) => request.path === '/v2/translate')).toEqual([])
  })

  it('lists what would be sent in a dry run, without calling the API', async () => {
    const root = await project()
    const run = await cli(['translate', '--dry-run', '--server-url', fake.url], root)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/de {2}5 segments to fill, 5 texts to send, \d+ characters billed/)
    expect(run.stdout).toMatch(/et {2}6 segments to fill, 6 texts to send, \d+ characters billed/)
    expect(fake.requests).toEqual([])
  })

  it('batches within 50 texts a request, sends identical texts once, keeps the order', async () => {
    const paragraphs = Array.from({length: 120}, (_, index) => `Paragraph number ${index} says something.`)
    const root = await makeProject({
      'documents/long.md': `---\ntitle: Long\n---\n\n${paragraphs.join('\n\n')}\n\n| A | B |\n| --- | --- |\n| Same | Same |\n| Same | Same |\n`,
      'policy-press.config.yaml': 'targets: [lv]\n'
    })
    await runCli(['sync', '--root', root])
    const run = await cli(['translate', '--server-url', fake.url], root)
    expect(run.code, run.stderr).toBe(0)
    const sizes = fake.requests.filter((request) => request.path === '/v2/translate').map((request) => request.form.getAll('text').length)
    expect(sizes).toEqual([50, 50, 24])
    const all = fake.requests.flatMap((request) => request.form.getAll('text'))
    expect(all.filter((text) => text === 'Same')).toHaveLength(1)
    const po = await fs.readFile(path.join(root, 'translations/lv/long.po'), 'utf8')
    expect(po).toContain('msgid "Paragraph number 77 says something."\nmsgstr "Paragraph·lv number·lv 77 says·lv something·lv."')
  })

  it('sends formality as each language allows: less/more for German, prefer_* otherwise', async () => {
    const root = await project({'policy-press.config.yaml': 'targets: [de, et]\ndeepl:\n  formality: {de: more, et: more}\n'})
    const run = await cli(['translate', '--server-url', fake.url], root)
    expect(run.code, run.stderr).toBe(0)
    const formality = Object.fromEntries(fake.requests.filter((request) => request.path === '/v2/translate').map((request) => [request.form.get('target_lang'), request.form.get('formality')]))
    expect(formality).toEqual({de: 'more', et: 'prefer_more'})
  })

  it('uploads the glossary once, reuses it while unchanged, replaces it when it changes', async () => {
    const glossary = 'terms:\n  empowerment: {de: Befähigung, et: võimestamine}\n'
    const root = await project({'translations/glossary.yaml': glossary})
    await cli(['translate', '--server-url', fake.url], root)
    const created = fake.requests.filter((request) => request.path === '/v3/glossaries' && request.method === 'POST')
    expect(created).toHaveLength(1)
    expect(created[0]!.form.get('dictionaries[0].source_lang')).toBe('en')
    expect(created[0]!.form.get('dictionaries[0].entries')).toBe('empowerment\tBefähigung')
    expect(created[0]!.form.get('dictionaries[1].entries')).toBe('empowerment\tvõimestamine')
    const id = [...fake.glossaries.keys()][0]!
    expect(fake.requests.filter((request) => request.path === '/v2/translate').every((request) => request.form.get('glossary_id') === id)).toBe(true)
    expect(await translations(root, 'de')).toContain('**Befähigung**')

    const po = path.join(root, 'translations/de/doc.po')
    await fs.writeFile(po, (await fs.readFile(po, 'utf8')).replace(/msgstr "Use·de[^"]*"/, 'msgstr ""'))
    await fs.appendFile(path.join(root, 'translations/de/doc.po'), '')
    await cli(['translate', '--server-url', fake.url], root)
    expect(fake.requests.filter((request) => request.path === '/v3/glossaries' && request.method === 'POST')).toHaveLength(1)

    await fs.writeFile(path.join(root, 'translations/glossary.yaml'), 'terms:\n  empowerment: {de: Ermächtigung}\n')
    await fs.writeFile(po, (await fs.readFile(po, 'utf8')).replace(/msgstr "Use·de[^"]*"/, 'msgstr ""'))
    await cli(['translate', '--server-url', fake.url, '--lang', 'de'], root)
    expect(fake.requests.filter((request) => request.method === 'DELETE' && request.path === `/v3/glossaries/${id}`)).toHaveLength(1)
    expect(fake.glossaries.size).toBe(1)
  })

  it('retries 429 and 503 and then succeeds', async () => {
    const root = await project()
    fake.failures.push(429, 503)
    const run = await cli(['translate', '--server-url', fake.url, '--lang', 'de'], root)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^Drafted 5 segments/)
  }, 30_000)

  it('stops on 456 quota exceeded half-way: the first batches are kept, nothing else changes', async () => {
    const paragraphs = Array.from({length: 80}, (_, index) => `Paragraph number ${index} says something.`)
    const root = await makeProject({'documents/long.md': `---\ntitle: Long\n---\n\n${paragraphs.join('\n\n')}\n`, 'policy-press.config.yaml': 'targets: [lt]\n'})
    await runCli(['sync', '--root', root])
    const po = path.join(root, 'translations/lt/long.po')
    fake.characterLimit = 2000
    const run = await cli(['translate', '--server-url', fake.url], root)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('DeepL quota exceeded (456)')
    const catalog = parseCatalog(await fs.readFile(po, 'utf8'), new VFile())!
    const drafted = catalog.entries.filter((entry) => entry.msgstr !== '')
    expect(drafted).toHaveLength(50)
    expect(drafted.every((entry) => entry.msgstr.includes('·lt'))).toBe(true)
    await msgfmtCheck(po)
  })

  it('says plainly when the key is refused (403), and changes nothing', async () => {
    const root = await project()
    const before = await translations(root, 'de')
    const {code, stderr} = await runCli(['translate', '--server-url', fake.url], root, {DEEPL_AUTH_KEY: 'wrong-key:fx'})
    expect(code).toBe(1)
    expect(stderr).toContain('DeepL refused the key (403): check DEEPL_AUTH_KEY')
    expect(stderr).not.toContain('wrong-key')
    expect(await translations(root, 'de')).toBe(before)
  })

  it('gives up on a server that never answers, with a clear message', async () => {
    const root = await project()
    fake.failures.push('hang', 'hang')
    const result = await machineTranslate({root, langs: ['de'], serverUrl: fake.url, env: {DEEPL_AUTH_KEY: fake.key}, timeout: 500, maxRetries: 1})
    expect(result.stopped).toMatch(/^Cannot reach DeepL/)
    expect(result.drafted).toBe(0)
  }, 30_000)

  it('needs DEEPL_AUTH_KEY', async () => {
    const root = await project()
    const run = await runCli(['translate', '--root', root])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Missing DEEPL_AUTH_KEY')
  })
})

describe('drafts that lose their tags', () => {
  it('are not written, and each is reported at its entry', async () => {
    const {fromXml, toXml} = await import('../../src/deepl/inline-xml.js')
    const segment = toXml('See [the plan](https://example.org) and `code`.')
    expect(segment.xml).toBe('See <a n="0">the plan</a> and <x n="1"/>.')
    expect(fromXml('Siehe <a n="0">den Plan</a> und <x n="1"/>.', segment.kept)).toBe('Siehe [den Plan](https://example.org) und `code`.')
    expect(() => fromXml('Siehe den Plan und <x n="1"/>.', segment.kept)).toThrow('Missing 1 kept element(s) in the translation')
    expect(() => fromXml('Siehe <a n="0">den Plan und <x n="1"/>.', segment.kept)).toThrow('Missing closing tag </a>')
  })
})

describe('the fake DeepL keeps the real limits', () => {
  it('refuses what the real API refuses', async () => {
    const deepl = await import('deepl-node')
    const client = new deepl.DeepLClient(fake.key, {serverUrl: fake.url, maxRetries: 0})
    await expect(client.translateText(Array.from({length: 51}, () => 'a'), 'en', 'de')).rejects.toThrow(/Too many texts/)
    await expect(client.translateText(['x'.repeat(130 * 1024)], 'en', 'de')).rejects.toThrow(/413|Too Large/i)
    await expect(client.translateText(['Hello'], 'en', 'et', {formality: 'more'})).rejects.toThrow(/formality/)
    const [result] = await client.translateText(['Hello'], 'en', 'et', {formality: 'prefer_more'})
    expect(result!.text).toBe('Hello·et')
    const languages = await client.getTargetLanguages()
    expect(languages.find((language) => language.code === 'de')?.supportsFormality).toBe(true)
    expect(languages.find((language) => language.code === 'lv')?.supportsFormality).toBe(false)
    const usage = await client.getUsage()
    expect(usage.character?.limit).toBe(500_000)
  })
})
