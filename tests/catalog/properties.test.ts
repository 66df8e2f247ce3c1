/**
 * Properties that must hold for any document (fast-check):
 * - a document rebuilt from its own segments (every translation = its source)
 *   gives the same HTML as the direct build;
 * - PO write then read gives back the same entries;
 * - sync is idempotent.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {MergedEntry} from '../../src/catalog/merge.js'
import {type CatalogEntry, parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {createHtmlRenderer} from '../../src/html/to-html.js'
import {parse} from '../../src/pipeline/parse.js'
import {translate} from '../../src/pipeline/translate.js'
import {copyKinds} from '../../src/segments/copied.js'
import {extractSegments} from '../../src/segments/extract.js'
import {fromInlineMarkdown, toInlineMarkdown} from '../../src/segments/inline-markdown.js'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown} from 'mdast-util-to-markdown'
import {loadUiStrings} from '../../src/ui-strings.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const word = fc.constantFrom('policy', 'service', 'Ziel', 'õigus', 'tiesības', 'teisė', 'ąžuolas', 'Straße', 'co-creation', '2025', '−12,5', '4.12.2025', '€ 12', 'end-users', 'ĀČĒ')
const words = fc.array(word, {minLength: 1, maxLength: 6}).map((list) => list.join(' '))
const inline = fc.oneof(
  words,
  words.map((text) => `*${text}*`),
  words.map((text) => `**${text}**`),
  words.map((text) => `\`${text}\``),
  words.map((text) => `[${text}](https://example.org/${encodeURIComponent(text)})`),
  words.map((text) => `~~${text}~~`)
)
/** A line of inline content; soft line breaks where `wrap` says. */
const line = fc.tuple(fc.array(inline, {minLength: 1, maxLength: 5}), fc.boolean()).map(([parts, wrap]) => parts.join(wrap ? '\n' : ' '))
const block = fc.oneof(
  words.map((text) => `## ${text}`),
  line,
  fc.array(line.map((text) => text.replace(/\n/g, ' ')), {minLength: 1, maxLength: 4}).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.array(words, {minLength: 1, maxLength: 3}).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  fc.tuple(words, words, words, words).map(([a, b, c, d]) => `| ${a} | ${b} |\n| --- | --- |\n| ${c} | ${d} |`),
  line.map((text) => `> ${text.replace(/\n/g, '\n> ')}`),
  words.map((text) => `\`\`\`\n${text}\n\`\`\``)
)
const markdown = fc.array(block, {minLength: 1, maxLength: 8}).map((blocks) => `---\ntitle: Generated\n---\n\n${blocks.join('\n\n')}\n`)

function parsed(text: string) {
  const file = new VFile({path: 'documents/doc.md', value: text})
  return parse({source: {slug: 'doc', files: ['documents/doc.md'], folder: false}, files: [file]})
}

describe('properties', () => {
  it('rebuilding a document from its own segments gives the same HTML', async () => {
    const {strings} = await loadUiStrings(path.join(repoRoot, 'translations'), repoRoot, ['en', 'de'])
    const renderer = createHtmlRenderer(strings.get('en')!)
    fc.assert(
      // Blocks copied as they are (a table cell `2025`) must come out the same whether or not they are copied.
      fc.property(markdown, fc.boolean(), (text, copyAll) => {
        const copy = copyAll ? copyKinds : []
        const document = parsed(text)
        const entries = new Map<string, MergedEntry>(
          extractSegments(document, copy).map((segment) => [
            segment.msgid,
            {state: 'current', entry: {msgid: segment.msgid, msgstr: segment.msgid, fuzzy: false, previous: undefined, references: [], extracted: '', translator: '', flags: [], line: 1}}
          ])
        )
        const direct = translate(document, 'en', {source: 'en', catalog: undefined, stale: 'translation', report: false, copy})
        const rebuilt = translate(document, 'de', {source: 'en', catalog: {entries, file: new VFile()}, stale: 'translation', report: false, copy})
        expect(rebuilt.counts.current).toBe(rebuilt.counts.total)
        // Soft line breaks of the source become spaces in a segment: the same HTML, up to white space.
        const html = (tree: typeof direct.chapters[0]['tree']) => renderer.render(tree, undefined).replace(/\s+/g, ' ')
        expect(html(rebuilt.chapters[0]!.tree)).toBe(html(direct.chapters[0]!.tree))
      }),
      {numRuns: 150}
    )
  })

  it('plain text takes the short way through inline Markdown and comes out the same', () => {
    // The short way must agree with the parser and serializer it skips.
    const text = fc.string({unit: fc.constantFrom('a', 'Ž', ' ', '#', '+', '-', '.', '1', '=', '(', ')', '"', "'", ',', ';', '%', '$', '?', '/', '{', '}', 'w', 'q'), minLength: 1, maxLength: 30})
    fc.assert(
      fc.property(text, (value) => {
        const slow = toMarkdown({type: 'paragraph', children: [{type: 'text', value: `\u200B${value.trim()}`}]}, {extensions: [gfmToMarkdown()]})
          .replace('\u200B', '')
          .trim()
        const fast = toInlineMarkdown([{type: 'text', value}])
        // The serializer may escape more than needed ("w\\.a"); unescaped, both are the same text.
        if (fast === value.replace(/[ \t\r\n]+/g, ' ').trim()) expect(fast).toBe(slow.replace(/[ \t\r\n]+/g, ' ').replace(/\\(.)/g, '$1'))
        const parsed = fromInlineMarkdown(fast)
        expect(parsed.map((node) => (node.type === 'text' ? node.value : node.type)).join('')).toBe(fast)
      }),
      {numRuns: 500}
    )
  })

  it('writing a PO file and reading it back gives the same entries', () => {
    const text = fc.string({unit: fc.constantFrom('a', 'ä', 'ž', ' ', '"', '\\', '\n', '\t', '#', 'x', 'ų', '*', '[', ']'), minLength: 1, maxLength: 40})
    const entry = fc.record({
      msgid: text,
      msgstr: fc.oneof(fc.constant(''), text),
      fuzzy: fc.boolean(),
      previous: fc.option(text.filter((value) => !value.includes('\n')), {nil: undefined}),
      references: fc.array(fc.constantFrom('documents/a.md:1', 'documents/b/c.md:22'), {maxLength: 2}),
      extracted: fc.constantFrom('', 'paragraph', 'heading · A › B'),
      translator: fc.constantFrom('', 'checked by Anna'),
      flags: fc.constantFrom<string[]>([], ['no-wrap']),
      line: fc.constant(0)
    })
    fc.assert(
      fc.property(fc.uniqueArray(entry, {selector: (item) => item.msgid, minLength: 1, maxLength: 12}), (entries) => {
        const catalog = {headers: {Language: 'de', 'Content-Type': 'text/plain; charset=UTF-8'}, entries: entries as CatalogEntry[], obsolete: []}
        const back = parseCatalog(serializeCatalog(catalog), new VFile())!
        const strip = (list: CatalogEntry[]) => list.map(({line: _line, ...rest}) => ({...rest, previous: rest.fuzzy || rest.previous !== undefined ? rest.previous : undefined}))
        expect(strip(back.entries)).toEqual(strip(entries as CatalogEntry[]))
      }),
      {numRuns: 300}
    )
  })

  it('sync is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, markdown, async (first, second) => {
        const root = await makeProject({'documents/doc.md': first, 'policy-press.config.yaml': 'targets: [de]\n'})
        await runCli(['sync', '--root', root])
        await fs.writeFile(path.join(root, 'documents/doc.md'), second)
        await runCli(['sync', '--root', root])
        const once = await fs.readFile(path.join(root, 'translations/de/doc.po'), 'utf8')
        const again = await runCli(['sync', '--root', root])
        expect(again.stdout).toContain('1 unchanged')
        expect(await fs.readFile(path.join(root, 'translations/de/doc.po'), 'utf8')).toBe(once)
      }),
      {numRuns: 20}
    )
  })
})
