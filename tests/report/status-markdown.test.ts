/**
 * `status --format markdown` goes into GitHub job summaries and comments:
 * whatever the documents and translations say, it must show as text. Read
 * back with a GFM parser (micromark's, as GitHub's renderer is CommonMark
 * with the same extensions), it has no link, image, emphasis or HTML but our
 * own markup (and the empty comments that keep GFM from making links of
 * URLs), and every table row keeps its cells.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {toString} from 'mdast-util-to-string'
import {gfm} from 'micromark-extension-gfm'
import {describe, expect, it} from 'vitest'
import {makeProject, runCli, translateAll} from '../helpers.js'

const hostile = 'See [x](https://evil.example) and <img src=x onerror=alert(1)> | a *b* _c_ `d` www.evil.example mail@evil.example &amp; \\* # e'

function nodes(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? (tree.children as Nodes[]).flatMap(nodes) : [])]
}

describe('status --format markdown', () => {
  it('shows source and translation text as text', async () => {
    const root = await makeProject({
      'documents/doc.md': `---\ntitle: Funding\n---\n\nFirst ${hostile}\n\nSecond paragraph.\n`,
      'policy-press.config.yaml': 'targets: [de]\n'
    })
    await runCli(['sync', '--root', root])
    await translateAll(path.join(root, 'translations/de/doc.po'), `[de] ${hostile} `)
    // The first paragraph goes stale (a diff), a new one is missing.
    await fs.writeFile(path.join(root, 'documents/doc.md'), `---\ntitle: Funding\n---\n\nChanged ${hostile}\n\nSecond paragraph.\n\nNew ${hostile}\n`)
    const run = await runCli(['status', '--root', root, '--format', 'markdown'])
    expect(run.stderr).toBe('')
    const tree: Root = fromMarkdown(run.stdout, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
    const all = nodes(tree)
    expect(all.filter((node) => ['link', 'image', 'emphasis', 'inlineCode', 'linkReference', 'imageReference', 'delete'].includes(node.type)).map((node) => node.type)).toEqual(
      // Only the locations are code.
      ['inlineCode', 'inlineCode']
    )
    expect(all.filter((node) => node.type === 'html').map((node) => (node as {value: string}).value)).toEqual(expect.arrayContaining(['<del>', '</del>', '<ins>', '</ins>', '<br>']))
    expect(all.filter((node) => node.type === 'html').every((node) => /^(<\/?(del|ins|br)>|<!-- -->)$/.test((node as {value: string}).value))).toBe(true)
    expect(all.filter((node) => node.type === 'strong').map((node) => toString(node))).toEqual(['stale', 'missing'])
    const table = all.find((node) => node.type === 'table')!
    expect((table as {children: Array<{children: unknown[]}>}).children.map((row) => row.children.length)).toEqual([9, 9])
    // The text reads as it is in the PO file (the source's Markdown as segments normalize it).
    const json = JSON.parse((await runCli(['status', '--root', root, '--format', 'json'])).stdout) as {documents: Array<{segments: Array<{state: string; source: string; translation?: string}>}>}
    const segments = json.documents[0]!.segments
    const stale = segments.find((segment) => segment.state === 'stale')!
    const missing = segments.find((segment) => segment.state === 'missing')!
    const items = all.filter((node) => node.type === 'listItem').map((node) => toString(node, {includeHtml: false}))
    expect(items).toEqual([`stale documents/doc.md:5: FirstChanged${stale.source.slice('Changed'.length)}\nTranslation: ${stale.translation}`, `missing documents/doc.md:9: ${missing.source}`])
    expect(missing.source).toContain('[x](https://evil.example) and <img src=x onerror=alert(1)> |')
  })
})
