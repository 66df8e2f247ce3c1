/**
 * The `hyphen` package's patterns for a language, read as JSON where it can.
 *
 * The package ships each language's patterns as a JavaScript module: an
 * object literal of up to 1.2 MB (Hungarian), which V8 must compile before
 * it can build it. The same data as JSON is read in less than half the time
 * (Hungarian: 47 against 117 ms; German: 29 against 57 ms), and a build in
 * 25 languages loads 25 of them in every process: every shard of a build
 * split over many machines pays it again. So scripts/bundle.js writes each
 * pattern module of the installed `hyphen` as JSON into `lib/hyphen/`, with
 * the package's version; a copy of another version is not used.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {codeFolder} from '../version.js'

const require = createRequire(import.meta.url)

/** Where scripts/bundle.js writes the JSON copies: `<name>.json`, and `version.json` with `hyphen`'s version. */
export const patternsFolder = path.join(codeFolder, 'hyphen')

let current: boolean | undefined

/** Whether `lib/hyphen/` holds the patterns of the installed `hyphen`. */
function copiesCurrent(): boolean {
  if (current === undefined) {
    try {
      const copied = (JSON.parse(readFileSync(path.join(patternsFolder, 'version.json'), 'utf8')) as {version?: unknown}).version
      current = copied === (require('hyphen/package.json') as {version: string}).version
    } catch {
      current = false
    }
  }
  return current
}

/** The patterns named `name` (a file of `hyphen/patterns/`, checked by the caller), as the package gives them. */
export function loadPatterns(name: string): unknown {
  if (copiesCurrent()) {
    try {
      return JSON.parse(readFileSync(path.join(patternsFolder, `${name}.json`), 'utf8'))
    } catch {
      // No copy of this one: the package's own module.
    }
  }
  return require(`hyphen/patterns/${name}`)
}
