/**
 * Interface strings for the languages of the Baltic Sea Region ship complete;
 * any other language builds with English ones, one warning naming the
 * ui.yaml to add, and its own name from CLDR.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {loadUiStrings, nativeLanguageName, uiStringsSchema, type UiStrings} from '../../src/ui-strings.js'
import {makeProject, repoRoot} from '../helpers.js'

const baltic = ['da', 'de', 'en', 'et', 'fi', 'lt', 'lv', 'nb', 'pl', 'ru', 'sv']
const read = async (lang: string): Promise<UiStrings> =>
  uiStringsSchema.parse(parse(await fs.readFile(path.join(repoRoot, 'translations', lang, 'ui.yaml'), 'utf8')))
const values = (strings: UiStrings): Array<[string, string]> =>
  Object.entries(strings).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[key, value]] : Object.entries(value).map(([type, text]) => [`documentTypes.${type}`, text])
  )
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort()

describe('shipped interface strings', () => {
  it.each(baltic)('%s: every key, the placeholders of English, its own name, translated', async (lang) => {
    // The full schema, not the partial one a project's file may use: nothing falls back to English.
    const strings = await read(lang)
    const english = new Map(values(await read('en')))
    for (const [key, text] of values(strings)) expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english.get(key)!))
    expect(strings.languageName).toBe(nativeLanguageName(lang))
    if (lang !== 'en') {
      // Words such as "Version", "Original" or "Status" may be the same; sentences may not.
      const same = values(strings).filter(([key, text]) => english.get(key) === text)
      expect(same.length, same.map(([key]) => key).join(', ')).toBeLessThanOrEqual(3)
    }
  })

  it('ships in the package', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8'))
    expect(pkg.files).toContain('translations/*/ui.yaml')
  })
})

describe('languages without interface strings', () => {
  it('get English strings, their own name and one warning naming the file to add', async () => {
    const root = await makeProject({'translations/ga/ui.yaml': 'contents: Clár\n'})
    const {strings, files} = await loadUiStrings(path.join(root, 'translations'), root, ['en', 'uk', 'ru', 'ga', 'el'])
    expect(files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason} (${message.ruleId}, fatal: ${message.fatal})`))).toEqual([
      'translations/uk/ui.yaml: Missing interface strings for `uk`, expected `translations/uk/ui.yaml`; built with the English ones (missing-ui-strings, fatal: false)',
      'translations/el/ui.yaml: Missing interface strings for `el`, expected `translations/el/ui.yaml`; built with the English ones (missing-ui-strings, fatal: false)'
    ])
    expect(strings.get('uk')).toMatchObject({languageName: 'Українська', contents: 'Contents', language: 'Language'})
    expect(strings.get('el')!.languageName).toBe('Ελληνικά')
    expect(strings.get('ru')).toMatchObject({languageName: 'Русский', contents: 'Содержание', language: 'Язык'})
    // A project's partial file is enough: no warning, its own name from CLDR, the rest in English.
    expect(strings.get('ga')).toMatchObject({languageName: 'Gaeilge', contents: 'Clár', language: 'Language'})
  })

  it('capitalise names CLDR writes in lower case, in the language’s own way', () => {
    expect(['da', 'sv', 'fi', 'ru', 'uk', 'bg', 'el', 'lt', 'nb'].map(nativeLanguageName)).toEqual([
      'Dansk',
      'Svenska',
      'Suomi',
      'Русский',
      'Українська',
      'Български',
      'Ελληνικά',
      'Lietuvių',
      'Norsk bokmål'
    ])
  })
})
