/**
 * Fuzzing the commands a pull request's files reach: generated Markdown
 * (deep nesting, long runs of delimiters, random Unicode, broken front
 * matter), PO files and XLIFF files go to `build --format html`, `sync`,
 * `import` and `import-xliff`. Whatever the input, each run ends within a
 * bound, throws nothing, reports every problem as a positioned message (or a
 * one-line usage error), and writes nothing outside its output (and the
 * translations folder, for the commands that update PO files).
 *
 * A few runs of each by default, to keep the suite fast;
 * `FUZZ_RUNS=1000 npx vitest run tests/security/fuzz.test.ts` runs longer.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {type CliRun, makeProject, runCli} from '../helpers.js'

const runs = Number(process.env.FUZZ_RUNS ?? 2)
/**
 * Longest a single command may take on any input. Real runs take well under a second; the bound leaves room
 * for a shared, loaded machine (the slowest input seen, 3,000 footnote references beside a 3,000-column
 * table row given to `import`, parses in place in 1 s alone and took 32 s under a load of 10).
 */
const bound = 60_000
const timeout = bound * runs * 2 + 60_000

// ---- What a run may print and write ----------------------------------------

const stackFrame = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m
const crash = /RangeError|TypeError|ReferenceError|SyntaxError: Unexpected|Maximum call stack|Unhandled|\[object Object\]/
const messageLine = /^\s*(\d+:\d+(?:-\d+:\d+)?\s+)?(error|warning|info)\s/

function expectCleanReport(run: CliRun): void {
  const output = `${run.stdout}\n${run.stderr}`
  expect([0, 1, 2]).toContain(run.code)
  expect(output).not.toMatch(stackFrame)
  expect(output).not.toMatch(crash)
  // Every message names its place: file, then line:column.
  for (const line of run.stderr.split('\n')) {
    const match = messageLine.exec(line)
    if (match) expect(match[1], line).toBeDefined()
  }
  // A failure says why: a positioned message, or a one-line usage error.
  if (run.code !== 0) expect(run.stderr).toMatch(/^\s*\d+:\d+.*\berror\b|^policy-press: /m)
}

/** Every file under `dir` with its size and content hash, but those under `allowed` (relative folders). */
async function snapshot(dir: string, allowed: string[]): Promise<Map<string, string>> {
  const entries = await fs.readdir(dir, {recursive: true, withFileTypes: true})
  const files = new Map<string, string>()
  for (const entry of entries) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name))
    if (allowed.some((folder) => relative === folder || relative.startsWith(`${folder}${path.sep}`))) continue
    files.set(relative, entry.isFile() ? (await fs.readFile(path.join(dir, relative))).toString('base64') : entry.isDirectory() ? 'dir' : 'other')
  }
  return files
}

const figures = {runs: 0, milliseconds: 0}

/**
 * Run `argv` on a copy of `base` with `files` added, in a sandbox folder of
 * its own: nothing may appear beside the project, nor inside it but under
 * `allowed`.
 */
async function runSandboxed(base: string, files: Record<string, string>, argv: string[], allowed: string[]): Promise<CliRun> {
  const sandbox = await makeProject({})
  const root = path.join(sandbox, 'project')
  await fs.cp(base, root, {recursive: true})
  for (const [name, contents] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, name)), {recursive: true})
    await fs.writeFile(path.join(root, name), contents)
  }
  const before = await snapshot(root, allowed)
  const started = performance.now()
  const run = await runCli([...argv, '--no-color'], root)
  const took = performance.now() - started
  figures.runs++
  figures.milliseconds += took
  expect(took, `${argv.join(' ')} took ${took} ms`).toBeLessThan(bound)
  expectCleanReport(run)
  expect(await fs.readdir(sandbox)).toEqual(['project'])
  expect(await snapshot(root, allowed)).toEqual(before)
  // `.policy-press-cache` holds the build's caches, under the project.
  await fs.rm(sandbox, {recursive: true, force: true})
  return run
}

// ---- Generators --------------------------------------------------------------

const tokens = [
  '>', '> ', '- ', '* ', '+ ', '1. ', '9) ', '  ', '    ', '\t', '\n', '\n\n', '[', ']', '(', ')', '![', '](x.md)', '](images/x.png)',
  '*', '**', '_', '__', '~~', '`', '```', '~~~', '<div>', '</div>', '<span>', '</span>', '<!--', '-->', '<!-- i18n:skip -->', '|', '| --- |',
  '---', '===', '#', '###### ', '\\', '&amp;', '&#0;', '[^1]', '[^1]: x', 'http://example.org', 'www.example.org', '<a@b.c>', ':', '{#id}',
  'text', 'ü', 'Ā', '\u0000', '\u202E', '\u200B', '\uFEFF', '\uD800', '🏳️‍🌈', '\r', '\r\n'
]
/** A long run of one token: deep nesting, long delimiter runs. */
const longRun = fc.tuple(fc.constantFrom(...tokens), fc.integer({min: 1, max: 3000})).map(([token, count]) => token.repeat(count))
/** A mixture of Markdown tokens and random text. */
const mixture = fc
  .array(fc.oneof(fc.constantFrom(...tokens), fc.string({unit: 'grapheme', maxLength: 12}), fc.string({unit: 'binary', maxLength: 6})), {maxLength: 200})
  .map((parts) => parts.join(''))
const markdownBody = fc.array(fc.oneof(longRun, mixture, fc.string({unit: 'grapheme', maxLength: 300})), {minLength: 1, maxLength: 4}).map((parts) => parts.join('\n'))
const frontMatter = fc.oneof(
  {weight: 3, arbitrary: fc.constant('---\ntitle: Fuzz\n---\n\n')},
  fc.constantFrom(
    '',
    '---\n',
    '---\ntitle: [\n---\n',
    '---\ntitle: !!js/function "function () { process.exit(9) }"\n---\n',
    '---\ntitle: !!binary aGVsbG8=\n---\n',
    '---\ntitle: *alias\n---\n',
    `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(60)}*a]\nc: [${'*b, '.repeat(60)}*b]\ntitle: Laughs\n---\n`,
    '---\ntitle: Fuzz\nunknown: 1\n---\n',
    '---\ntitle: Fuzz\n',
    '+++\ntitle = "toml"\n+++\n'
  ),
  fc.string({unit: 'grapheme', maxLength: 80}).map((yaml) => `---\n${yaml}\n---\n`)
)
const markdownDocument = fc.tuple(frontMatter, markdownBody).map(([front, body]) => `${front}${body}\n`)

/** A PO string literal, escaped as gettext does (or not quite, sometimes). */
const poString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`
const poGarbage = fc.constantFrom('', 'msgid "unterminated\n', 'msgstr "orphan"\n', '#, fuzzy\n', 'msgid "Doc"\nmsgstr "twice"\n', '\u0000\n', 'msgid_plural "x"\n', '"continuation"\n', '#~ msgid "old"\n#~ msgstr "alt"\n')
const poFile = fc
  .tuple(fc.array(fc.oneof(markdownBody, fc.string({unit: 'grapheme', maxLength: 100})), {minLength: 3, maxLength: 3}), poGarbage, fc.boolean())
  .map(([translations, garbage, fuzzy]) =>
    [
      'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n"X-Policy-Press-Segmentation: 1\\n"\n',
      ...['Doc', 'Alpha paragraph.', 'Beta *paragraph*.'].map((msgid, index) => `${fuzzy && index === 1 ? '#, fuzzy\n' : ''}msgid ${poString(msgid)}\nmsgstr ${poString(translations[index]!)}\n`),
      garbage
    ].join('\n')
  )

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const doctypes = [
  '',
  '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
  `<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">${Array.from({length: 9}, (_, index) => `<!ENTITY ${String.fromCharCode(98 + index)} "${`&${String.fromCharCode(97 + index)};`.repeat(10)}">`).join('')}]>\n`
]
const xliffTarget = fc.oneof(
  markdownBody.map(xmlEscape),
  fc.string({unit: 'grapheme', maxLength: 100}),
  fc.constantFrom('&xxe;', '&j;', '<bpt id="i0">*</bpt>x', '<ept id="i9"/>', '<g id="1">x</g>', ']]>', '<![CDATA[<script>]]>')
)

// ---- The properties --------------------------------------------------------

let base: string
let xliff: string
beforeAll(async () => {
  base = await makeProject({
    'policy-press.config.yaml': 'source: en\ntargets: [de]\nlimits:\n  parseTime: 20\n',
    'documents/doc.md': '---\ntitle: Doc\n---\n\nAlpha paragraph.\n\nBeta *paragraph*.\n'
  })
  expect((await runCli(['sync'], base)).code).toBe(0)
  expect((await runCli(['export-xliff', '--lang', 'de'], base)).code).toBe(0)
  xliff = await fs.readFile(path.join(base, 'xliff/doc.de.xlf'), 'utf8')
  await fs.rm(path.join(base, '.policy-press-cache'), {recursive: true, force: true})
}, 60_000)

describe('fuzzing', () => {
  it('build --format html: any Markdown document', {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (document) => {
        await runSandboxed(base, {'documents/fuzz.md': document}, ['build', '--format', 'html'], ['dist', '.policy-press-cache'])
      }),
      {numRuns: runs}
    )
  })

  it('sync: any Markdown document, and any PO file', {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, poFile, async (document, po) => {
        await runSandboxed(base, {'documents/fuzz.md': document, 'translations/de/doc.po': po}, ['sync'], ['translations', '.policy-press-cache'])
      }),
      {numRuns: runs}
    )
  })

  it('build --format html: any PO file', {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(poFile, async (po) => {
        await runSandboxed(base, {'translations/de/doc.po': po}, ['build', '--format', 'html'], ['dist', '.policy-press-cache'])
      }),
      {numRuns: runs}
    )
  })

  it('import: any translated Markdown document', {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (document) => {
        await runSandboxed(base, {'incoming/doc.de.md': document}, ['import', '--lang', 'de', '--doc', 'doc', 'incoming/doc.de.md'], ['translations', '.policy-press-cache'])
      }),
      {numRuns: runs}
    )
  })

  it('import-xliff: any XLIFF file', {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...doctypes), fc.array(xliffTarget, {minLength: 3, maxLength: 3}), fc.option(fc.nat()), async (doctype, targets, cut) => {
        let index = 0
        let text = xliff.replace('<xliff ', `${doctype}<xliff `).replace(/<\/source>/g, (end) => `${end}\n        <target state="translated">${targets[index++ % 3]}</target>`)
        if (cut !== null) text = text.slice(0, cut % (text.length + 1))
        const run = await runSandboxed(base, {'incoming/doc.de.xlf': text}, ['import-xliff', 'incoming/doc.de.xlf'], ['translations', '.policy-press-cache'])
        expect(`${run.stdout}${run.stderr}`).not.toContain('root:x:0:0')
      }),
      {numRuns: runs}
    )
  })

  it('reports its figures', () => {
    // Read by whoever runs it longer: how many inputs, how long.
    console.info(`fuzz: ${figures.runs} inputs in ${(figures.milliseconds / 1000).toFixed(1)} s (${(figures.milliseconds / Math.max(1, figures.runs)).toFixed(0)} ms each)`)
    expect(figures.runs).toBeGreaterThanOrEqual(runs)
  })
})
