/**
 * Parsing ahead in a worker thread: the trees that come back are the trees
 * the main thread would make, a file that could not be read is not sent, and
 * a worker that stops leaves its files to be parsed in place. A worker runs
 * compiled JavaScript, so this imports the module from lib/ (tests run after
 * `npm run compile`); under vitest's TypeScript loader no worker starts.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseAhead as parseAheadFromLib} from '../../lib/pipeline/parse-ahead.js'
import {markdownParser} from '../../src/markdown/parser.js'
import {parseAhead as parseAheadFromSrc} from '../../src/pipeline/parse-ahead.js'
import {repoRoot} from '../helpers.js'

const corpus = path.join(repoRoot, 'tests/fixtures/corpus/udhr')

async function udhrFiles(): Promise<VFile[]> {
  return Promise.all(
    ['en', 'de', 'et', 'lv', 'lt'].map(async (lang) => new VFile({path: `documents/udhr-${lang}.md`, value: await fs.readFile(path.join(corpus, `${lang}.md`), 'utf8')}))
  )
}

describe('parseAhead', () => {
  it('gives the trees the main thread would make, each once', async () => {
    const files = await udhrFiles()
    const unreadable = new VFile({path: 'documents/gone.md'})
    unreadable.message('Cannot read file', {place: {line: 1, column: 1}}).fatal = true
    const ahead = parseAheadFromLib([...files, unreadable])
    try {
      await ahead.wait([...files, unreadable])
      const trees = ahead.take([...files, unreadable])
      expect([...trees.keys()]).toEqual(files)
      for (const file of files) expect(trees.get(file)).toEqual(markdownParser.parse(file))
      // The text came through whole, Latvian diacritics and all.
      expect(JSON.stringify(trees.get(files[3]!))).toContain('Vispārējo cilvēka tiesību deklarāciju')
      // Taken once: a document parsed again (a link needed it) takes nothing.
      expect(ahead.take(files).size).toBe(0)
    } finally {
      await ahead.close()
    }
  })

  it('parses a file given for later only when it is waited for, and before the files still queued', async () => {
    const [first, ...rest] = await udhrFiles()
    const later = rest.pop()!
    const ahead = parseAheadFromLib([first!, ...rest], {later: [later]})
    try {
      await ahead.wait([first!])
      // Asked for while the others may still be queued: it goes next, and comes back as the main thread would make it.
      await ahead.wait([later])
      expect(ahead.take([later]).get(later)).toEqual(markdownParser.parse(later))
      // The worker has two files at a time: the last one queued is not parsed yet.
      expect(ahead.take([rest.at(-1)!]).size).toBe(0)
      await ahead.wait(rest)
      expect(ahead.take(rest).size).toBe(rest.length)
    } finally {
      await ahead.close()
    }
    // Never asked for, never parsed: a build does not parse the documents it does not make.
    const unasked = (await udhrFiles()).slice(0, 2)
    const idle = parseAheadFromLib([unasked[0]!], {later: [unasked[1]!]})
    try {
      await idle.wait([unasked[0]!])
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(idle.take(unasked).size).toBe(1)
    } finally {
      await idle.close()
    }
  })

  it('leaves every file to be parsed in place when the worker stops early', async () => {
    const files = await udhrFiles()
    const ahead = parseAheadFromLib(files)
    await ahead.close()
    await ahead.wait(files)
    // Stopped before it could start: nothing parsed, and nothing waits for it.
    expect(ahead.take(files).size).toBe(0)
  })

  it('starts no worker from TypeScript sources, and no file is lost', async () => {
    const files = await udhrFiles()
    const ahead = parseAheadFromSrc(files)
    await ahead.wait(files)
    expect(ahead.take(files).size).toBe(0)
    await ahead.close()
  })
})
