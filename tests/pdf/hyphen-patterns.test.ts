/**
 * The JSON copies of the `hyphen` package's patterns that scripts/bundle.js
 * writes into lib/hyphen/ (read faster than the package's JavaScript, see
 * src/pdf/hyphen-patterns.ts): one for every pattern module that loads, the
 * same data, for the installed version. And a pattern module that does not
 * load is no hyphenation, not a crash.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {hyphenator} from '../../src/pdf/hyphenate.js'

const require = createRequire(import.meta.url)
const copies = path.resolve(import.meta.dirname, '../../lib/hyphen')
const modules = path.join(path.dirname(require.resolve('hyphen/package.json')), 'patterns')

describe('hyphenation patterns as JSON', () => {
  it('are written for the installed hyphen, one for each pattern module that loads, with the same data', async () => {
    expect(JSON.parse(fs.readFileSync(path.join(copies, 'version.json'), 'utf8'))).toEqual({version: (require('hyphen/package.json') as {version: string}).version})
    const names = fs.readdirSync(modules).filter((file) => file.endsWith('.js')).map((file) => file.slice(0, -3))
    let compared = 0
    for (const name of names) {
      let patterns: unknown
      try {
        patterns = require(path.join(modules, `${name}.js`))
      } catch {
        expect(fs.existsSync(path.join(copies, `${name}.json`)), name).toBe(false)
        continue
      }
      expect(JSON.parse(fs.readFileSync(path.join(copies, `${name}.json`), 'utf8')), name).toEqual(patterns)
      compared++
    }
    expect(compared).toBeGreaterThan(70)
    // The compiled module reads the copies: the same breaks as the package's own modules.
    const compiled = (await import(path.resolve(import.meta.dirname, '../../lib/pdf/hyphen-patterns.js'))) as {loadPatterns: (name: string) => unknown}
    expect(compiled.loadPatterns('hu')).toEqual(require(path.join(modules, 'hu.js')))
  })

  it('leaves a language whose pattern module does not load (Church Slavonic) unhyphenated', () => {
    expect(hyphenator('cu')).toBeUndefined()
  })
})
