/**
 * A fake DeepL API on 127.0.0.1, faithful to the shapes and errors of the
 * real one (https://developers.deepl.com/docs/api-reference): form-encoded
 * requests with repeated `text` fields, `Authorization: DeepL-Auth-Key …`,
 * /v2/translate, /v2/usage, /v2/languages, /v3/glossaries, the documented
 * limits (50 texts, 128 KiB) and formality rules, and failures injected by
 * the test. Its "translation" is deterministic: every word outside the tags
 * becomes «word» tagged with the language, and every tag is kept byte for byte.
 */
import http from 'node:http'
import type {AddressInfo} from 'node:net'

export interface FakeRequest {
  method: string
  path: string
  auth: string | undefined
  contentType: string | undefined
  form: URLSearchParams
}

export interface FakeDeepL {
  url: string
  key: string
  requests: FakeRequest[]
  /** Responses to give instead of the real one, in order: a status code, or `'hang'` for no answer at all. */
  failures: Array<number | 'hang'>
  /** Characters the account may still translate. */
  characterLimit: number
  characterCount: number
  glossaries: Map<string, {glossary_id: string; name: string; creation_time: string; dictionaries: Array<{source_lang: string; target_lang: string; entry_count: number; entries: string}>}>
  close(): Promise<void>
}

const targets = [
  {language: 'DE', name: 'German', supports_formality: true},
  {language: 'ET', name: 'Estonian', supports_formality: false},
  {language: 'LV', name: 'Latvian', supports_formality: false},
  {language: 'LT', name: 'Lithuanian', supports_formality: false},
  {language: 'EN-GB', name: 'English (British)', supports_formality: false}
]

/** The fake translation: words outside tags marked with the language, tags untouched. */
export function pseudoTranslate(text: string, lang: string, glossary: Map<string, string> | undefined): string {
  return text
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) return part
      let result = part
      for (const [source, target] of glossary ?? []) result = result.replace(new RegExp(`\\b${source}\\b`, 'gi'), `\uE000${target}\uE001`)
      return result
        .replace(/(?<![\uE000\w])([\p{L}]+)(?![\w\uE001])/gu, `$1·${lang.toLowerCase()}`)
        .replace(/\uE000|\uE001/g, '')
    })
    .join('')
}

export async function startFakeDeepL(options: {key?: string} = {}): Promise<FakeDeepL> {
  const key = options.key ?? 'fake-key:fx'
  const fake: FakeDeepL = {
    url: '',
    key,
    requests: [],
    failures: [],
    characterLimit: 500_000,
    characterCount: 0,
    glossaries: new Map(),
    close: async () => {}
  }
  const hanging = new Set<http.ServerResponse>()

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(request.url ?? '/', 'http://localhost')
      const form = new URLSearchParams(request.method === 'GET' ? url.search : body.toString('utf8'))
      fake.requests.push({method: request.method ?? '', path: url.pathname, auth: request.headers.authorization, contentType: request.headers['content-type'], form})
      const send = (status: number, value?: unknown) => {
        response.writeHead(status, {'Content-Type': 'application/json'})
        response.end(value === undefined ? '' : JSON.stringify(value))
      }
      const failure = fake.failures.shift()
      if (failure === 'hang') {
        hanging.add(response)
        return
      }
      if (failure !== undefined) return send(failure, {message: `Injected failure ${failure}`})
      if (request.headers.authorization !== `DeepL-Auth-Key ${key}`) return send(403, {message: 'Wrong endpoint or invalid authentication key'})

      if (url.pathname === '/v2/usage' && request.method === 'GET') {
        return send(200, {character_count: fake.characterCount, character_limit: fake.characterLimit})
      }
      if (url.pathname === '/v2/languages' && request.method === 'GET') {
        return send(200, form.get('type') === 'target' ? targets : [{language: 'EN', name: 'English'}, {language: 'DE', name: 'German'}])
      }
      if (url.pathname === '/v2/translate' && request.method === 'POST') {
        if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return send(415, {message: 'Unsupported media type'})
        if (body.length > 128 * 1024) return send(413, {message: 'Request Entity Too Large'})
        const texts = form.getAll('text')
        if (texts.length === 0) return send(400, {message: "Parameter 'text' not specified."})
        if (texts.length > 50) return send(400, {message: 'Too many texts in request (maximum 50)'})
        const target = (form.get('target_lang') ?? '').toUpperCase()
        if (!targets.some((item) => item.language === target || item.language.startsWith(`${target}-`))) return send(400, {message: "Value for 'target_lang' not supported."})
        const formality = form.get('formality')
        if ((formality === 'less' || formality === 'more') && !targets.find((item) => item.language === target)?.supports_formality) {
          return send(400, {message: "'formality' is not supported for given 'target_lang'."})
        }
        const characters = texts.reduce((sum, text) => sum + text.length, 0)
        if (fake.characterCount + characters > fake.characterLimit) return send(456, {message: 'Quota exceeded'})
        fake.characterCount += characters
        const glossaryId = form.get('glossary_id')
        const dictionary = glossaryId ? fake.glossaries.get(glossaryId)?.dictionaries.find((item) => item.target_lang.toUpperCase() === target.split('-')[0]) : undefined
        const terms = dictionary ? new Map(dictionary.entries.split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string])) : undefined
        return send(200, {
          translations: texts.map((text) => ({
            detected_source_language: (form.get('source_lang') ?? 'EN').toUpperCase(),
            text: pseudoTranslate(text, target.split('-')[0]!, terms),
            billed_characters: text.length
          }))
        })
      }
      if (url.pathname === '/v3/glossaries' && request.method === 'POST') {
        const dictionaries = []
        for (let index = 0; form.has(`dictionaries[${index}].source_lang`); index++) {
          const entries = form.get(`dictionaries[${index}].entries`) ?? ''
          dictionaries.push({
            source_lang: form.get(`dictionaries[${index}].source_lang`)!.toLowerCase(),
            target_lang: form.get(`dictionaries[${index}].target_lang`)!.toLowerCase(),
            entry_count: entries.split('\n').filter(Boolean).length,
            entries
          })
        }
        if (!form.get('name') || dictionaries.length === 0) return send(400, {message: 'Invalid glossary'})
        const glossary = {glossary_id: `g${fake.glossaries.size + 1}-${Date.now().toString(36)}`, name: form.get('name')!, creation_time: '2026-01-01T00:00:00.000Z', dictionaries}
        fake.glossaries.set(glossary.glossary_id, glossary)
        return send(201, shape(glossary))
      }
      if (url.pathname === '/v3/glossaries' && request.method === 'GET') return send(200, {glossaries: [...fake.glossaries.values()].map(shape)})
      const match = /^\/v3\/glossaries\/([^/]+)$/.exec(url.pathname)
      if (match) {
        const glossary = fake.glossaries.get(match[1]!)
        if (!glossary) return send(404, {message: 'Glossary not found'})
        if (request.method === 'GET') return send(200, shape(glossary))
        if (request.method === 'DELETE') {
          fake.glossaries.delete(match[1]!)
          return send(204)
        }
      }
      return send(404, {message: 'Not found'})
    })
  })

  function shape(glossary: FakeDeepL['glossaries'] extends Map<string, infer G> ? G : never) {
    return {...glossary, dictionaries: glossary.dictionaries.map(({entries: _entries, ...rest}) => rest)}
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.close = () =>
    new Promise((resolve) => {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}
