/**
 * Markdown bombs: documents nested thousands of levels deep, which overflow
 * every recursive walk, or take the parser minutes. Each is an error at its
 * first too-deep node, the documents beside it are built, and nothing hangs.
 * The command line is tested here (in-process, parsing in place); the worker
 * that parses in the bundle, with its time budget, in the second part.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseAhead} from '../../lib/pipeline/parse-ahead.js'
import {findDeepLine, findTooDeep} from '../../src/markdown/depth.js'
import {parseMarkdown} from '../../src/markdown/parser.js'
import {fromInlineMarkdown} from '../../src/segments/inline-markdown.js'
import {makeProject, repoRoot, runCli} from '../helpers.js'

const front = (title: string) => `---\ntitle: ${title}\n---\n\n`
const stackTrace = /\n\s+at |RangeError|Maximum call stack/

describe('Markdown bombs', () => {
  it('reports each bomb at its place and builds the normal document, in seconds', async () => {
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: [de]\n',
      'documents/normal.md': `${front('Normal')}# Normal\n\nA normal paragraph.\n`,
      'documents/quotes.md': `${front('Quotes')}${'>'.repeat(2000)} deep\n`,
      'documents/lists.md': `${front('Lists')}${'- '.repeat(3000)}deep\n`,
      'documents/quote-lines.md': `${front('Quote lines')}${Array.from({length: 2000}, (_, index) => `${'>'.repeat(index + 1)} line`).join('\n')}\n`,
      'documents/html.md': `${front('HTML')}${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}\n`,
      'documents/emphasis.md': `${front('Emphasis')}Text ${'*a _'.repeat(200)}x${'_ a*'.repeat(200)}\n`
    })
    const started = performance.now()
    const run = await runCli(['build', '--format', 'html', '--no-color'], root)
    const seconds = (performance.now() - started) / 1000
    expect(run.code).toBe(1)
    expect(seconds).toBeLessThan(20)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(stackTrace)
    const tooDeep = 'Unexpected nesting 65 levels deep (block quotes, lists, emphasis or links inside each other), expected at most 64'
    expect(run.stderr).toContain(`documents/quotes.md\n5:65 `)
    expect(run.stderr).toContain(`documents/lists.md\n5:129 `)
    expect(run.stderr).toContain(`documents/quote-lines.md\n69:65 `)
    expect(run.stderr).toMatch(/documents\/html\.md\n5:1 +error +Unexpected HTML nested 5000 elements deep, expected at most 64 +too-deep/)
    expect(run.stderr).toMatch(/documents\/emphasis\.md\n5:\d+ +error +Unexpected nesting 65 levels deep/)
    expect(run.stderr.split(tooDeep).length - 1).toBe(4)
    expect(run.stderr).toMatch(/Build failed: 5 errors in 5 documents\n$/)
    expect(await fs.readFile(path.join(root, 'dist/en/normal.html'), 'utf8')).toContain('A normal paragraph.')
    expect(await fs.readFile(path.join(root, 'dist/de/normal.html'), 'utf8')).toContain('A normal paragraph.')
  })

  it('reports a YAML alias bomb in the front matter at the front matter', async () => {
    const laughs = `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(60)}*a]\nc: [${'*b, '.repeat(60)}*b]\ntitle: Laughs\n---\n\nText.\n`
    const root = await makeProject({'policy-press.config.yaml': 'source: en\ntargets: []\n', 'documents/laughs.md': laughs, 'documents/normal.md': `${front('Normal')}Text.\n`})
    const run = await runCli(['build', '--format', 'html', '--no-color'], root)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/documents\/laughs\.md\n2:1 +error +Invalid YAML: Excessive alias count indicates a resource exhaustion attack +yaml/)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(stackTrace)
  })

  it('finds the first too-deep node without recursion, and leaves real documents alone', () => {
    const file = new VFile({value: `${'> '.repeat(64)}ok\n\n${'- '.repeat(64)}ok\n\n${'*a '.repeat(30)}x${' a*'.repeat(30)}\n`})
    expect(parseMarkdown(file)).toBeDefined()
    expect(file.messages).toEqual([])
    // 100,000 levels: an iterative walk does not overflow.
    let deep: {type: string; children: unknown[]} = {type: 'text', children: []}
    for (let index = 0; index < 100_000; index++) deep = {type: 'blockquote', children: [deep]}
    expect(findTooDeep(deep as never)?.depth).toBe(65)
    // A line of markers in fenced code is code, not nesting.
    expect(findDeepLine(`\`\`\`\n${'> '.repeat(100)}x\n\`\`\`\n`)).toBeUndefined()
    expect(findDeepLine(`${'1. '.repeat(100)}x\n`)).toEqual({line: 1, column: 193, depth: 65})
  })

  it('reports a translation nested too deep at its PO entry, and shows it as text', async () => {
    const deep = `Tief ${'*a _'.repeat(100)}x${'_ a*'.repeat(100)}`
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: [de]\n',
      'documents/doc.md': `${front('Doc')}Alpha.\n`,
      'translations/de/doc.po': `msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Doc"\nmsgstr "Dok"\n\nmsgid "Alpha."\nmsgstr "${deep}"\n`
    })
    const run = await runCli(['build', '--format', 'html', '--no-color'], root)
    expect(run.stderr).toMatch(/translations\/de\/doc\.po\n9:1 +warning +Unexpected nesting 65 levels deep \(.*\) in translation, expected at most 64; shown as plain text +too-deep/)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(stackTrace)
    expect(await fs.readFile(path.join(root, 'dist/de/doc.html'), 'utf8')).toContain('Tief *a _*a _')
  })

  it('shows a translation nested too deep as text, without overflowing', () => {
    expect(fromInlineMarkdown(`${'['.repeat(100)}x`)).toHaveLength(1)
    expect(fromInlineMarkdown(`Text ${'<span>'.repeat(3000)}x`)).toEqual([{type: 'text', value: `Text ${'<span>'.repeat(3000)}x`}])
    expect(fromInlineMarkdown(`${'> '.repeat(3000)}x`)).toEqual([{type: 'text', value: `${'> '.repeat(3000)}x`}])
  })
})

describe('the parse worker', () => {
  it('reports a document the worker dies on, and parses the rest in a new worker', async () => {
    // Two million list items need far more than the 24 MB of heap this worker is given.
    const huge = new VFile({path: 'documents/huge.md', value: '- a\n'.repeat(2_000_000)})
    const normal = new VFile({path: 'documents/normal.md', value: '# Normal\n\nText.\n'})
    const ahead = parseAhead([huge, normal], {memory: 24})
    try {
      await ahead.wait([huge, normal])
      expect(String(huge.messages[0])).toMatch(/^documents\/huge\.md:1:1: Cannot parse the document: the parser stopped \(.*memory.*\)$/)
      expect(huge.messages[0]?.fatal).toBe(true)
      expect([...ahead.take([huge, normal]).keys()]).toEqual([normal])
    } finally {
      await ahead.close()
    }
  })

  it('parses in the shipped bundle: the bombs beside a normal document end in seconds, without a stack trace', async () => {
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: []\nlimits:\n  parseTime: 2\n',
      'documents/normal.md': `${front('Normal')}A normal paragraph.\n`,
      'documents/quotes.md': `${front('Quotes')}${'>'.repeat(2000)} deep\n`,
      'documents/lists.md': `${front('Lists')}${'- '.repeat(3000)}deep\n`,
      'documents/slow.md': `${front('Slow')}Text ${'*a _'.repeat(4000)}x${'_ a*'.repeat(4000)}\n`
    })
    const result = await new Promise<{code: number | null; output: string}>((resolve) => {
      execFile(process.execPath, [path.join(repoRoot, 'bin/policy-press.js'), 'build', '--format', 'html', '--no-color'], {cwd: root, timeout: 60_000}, (error, stdout, stderr) =>
        resolve({code: error ? (error.code as number | null) : 0, output: `${stdout}${stderr}`})
      )
    })
    expect(result.code).toBe(1)
    expect(result.output).not.toMatch(stackTrace)
    expect(result.output).toContain('documents/quotes.md\n5:65 ')
    expect(result.output).toContain('documents/lists.md\n5:129 ')
    expect(result.output).toMatch(/documents\/slow\.md\n1:1 +error +Cannot parse the document in 2 s/)
    expect(await fs.readFile(path.join(root, 'dist/en/normal.html'), 'utf8')).toContain('A normal paragraph.')
  })

  it('ends a parse that runs out of time, reports it, and parses the rest', async () => {
    // Thousands of nested emphasis delimiters take the parser many seconds (time that grows with the square of them).
    const slow = new VFile({path: 'documents/slow.md', value: `Text ${'*a _'.repeat(4000)}x${'_ a*'.repeat(4000)}\n`})
    const deep = new VFile({path: 'documents/deep.md', value: `${'>'.repeat(2000)} x\n`})
    const normal = new VFile({path: 'documents/normal.md', value: '# Normal\n\nText.\n'})
    const ahead = parseAhead([slow, deep, normal], {budget: 1000})
    const started = performance.now()
    try {
      await ahead.wait([slow, deep, normal])
      expect(performance.now() - started).toBeLessThan(15_000)
      expect(String(slow.messages[0])).toBe('documents/slow.md:1:1: Cannot parse the document in 1 s, expected a document that parses in time (`limits.parseTime` in the config)')
      expect(slow.messages[0]?.fatal).toBe(true)
      expect(String(deep.messages[0])).toMatch(/^documents\/deep\.md:1:65: Unexpected nesting 65 levels deep/)
      expect([...ahead.take([slow, deep, normal]).keys()]).toEqual([normal])
    } finally {
      await ahead.close()
    }
  })
})
