#!/usr/bin/env node
// PDF throughput: cold builds (nothing cached) of 1, 10 and 50 generated
// documents of ~4,000 words in English, with HTML and PDF and with PDF only,
// the rebuild with nothing changed, peak memory (Node and Chromium), and as a
// yardstick Chromium's bare printing time for the same pages (one browser,
// one page per core, the built HTML, one page.pdf each with puppeteer's
// defaults: tagged, no outline, no contents page numbers, no metadata).
// The other tools are run on the same corpus when they are on the PATH:
// md-to-pdf and pandoc + WeasyPrint on the Markdown, pagedjs-cli on our HTML
// pages; the ones that take one file at a time run one per core.
// Each figure is the median of --runs runs; in each run every tool builds once, in turn.
//   node bench/build-pdf.js [--sizes 1,10,50] [--words 4000] [--runs 3]
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {printBare} from './bare-print.js'
import {writeCorpus} from './corpus.js'

const {values} = parseArgs({options: {sizes: {type: 'string', default: '1,10,50'}, words: {type: 'string', default: '4000'}, runs: {type: 'string', default: '3'}}})
const runs = Number(values.runs)
const repo = path.resolve(import.meta.dirname, '..')
const cores = os.availableParallelism()
const bin = path.join(repo, 'bin/policy-press.js')
const {findChromium, chromiumArgs, headlessMode} = await import(path.join(repo, 'lib/browser/find-chromium.js'))
// Every tool prints with the same browser, as policy-press would choose it.
const browserPath = findChromium()

/**
 * Run the command line; with `sample`, sample the RSS of Chromium's processes meanwhile (that costs CPU: runs
 * that are timed do not sample).
 */
async function build(args, sample = false) {
  let chromiumPeak = 0
  const sampler = setInterval(() => {
    // Process names as ps knows them: at most 15 characters ("chromium-headle" is Debian's headless shell).
    const result = spawnSync('ps', ['-C', 'chromium,chrome,headless_shell,chromium-headle', '-o', 'rss='], {encoding: 'utf8'})
    const total = result.stdout.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0)
    chromiumPeak = Math.max(chromiumPeak, total)
  }, 100)
  if (!sample) clearInterval(sampler)
  const started = process.hrtime.bigint()
  const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'build', '--quiet', ...args], {stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  clearInterval(sampler)
  if (code !== 0) throw new Error(`build failed:\n${stderr}`)
  const nodePeak = Number(stderr.trim().split('\n').at(-1))
  return {seconds: Number(process.hrtime.bigint() - started) / 1e9, nodeMb: nodePeak / 1024, chromiumMb: chromiumPeak / 1024}
}

/** Chromium alone: one browser, one page per core, each page loaded and printed once (bench/bare-print.js). */
async function barePrint(pages) {
  const started = process.hrtime.bigint()
  await printBare(pages)
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** The median of `runs` runs of `measure` (each given the run's number), by seconds. */
async function median(measure) {
  const results = []
  for (let run = 0; run < runs; run++) results.push(await measure(run))
  const seconds = (result) => (typeof result === 'number' ? result : result.seconds)
  return results.sort((a, b) => seconds(a) - seconds(b))[Math.floor(results.length / 2)]
}

const pagesOf = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], {encoding: 'utf8'}))[1])
const installed = (command) => spawnSync('sh', ['-c', `command -v ${command}`], {encoding: 'utf8'}).stdout.trim() !== ''

/** Run `command` on each input, `cores` at a time (as our build uses every core); the seconds for all. */
async function eachInput(inputs, run) {
  const started = process.hrtime.bigint()
  const queue = [...inputs]
  await Promise.all(
    Array.from({length: cores}, async () => {
      for (let input = queue.shift(); input; input = queue.shift()) {
        const [command, args, env] = run(input)
        const child = spawn(command, args, {stdio: 'ignore', env: {...process.env, ...env}})
        const code = await new Promise((resolve) => child.on('exit', resolve))
        if (code !== 0) throw new Error(`${command} failed on ${input}`)
      }
    })
  )
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** The other tools, on the same corpus, each when it is installed. */
const others = [
  {
    name: 'md-to-pdf',
    installed: installed('md-to-pdf'),
    // One process for all files (its own way of batching), on the same Chromium with the same flags.
    async run({documents}) {
      const started = process.hrtime.bigint()
      const launch = JSON.stringify({executablePath: browserPath, headless: headlessMode(browserPath), args: chromiumArgs})
      spawnSync('md-to-pdf', ['--launch-options', launch, ...documents], {stdio: 'ignore'})
      return Number(process.hrtime.bigint() - started) / 1e9
    }
  },
  {
    name: 'pandoc + WeasyPrint',
    installed: installed('pandoc') && installed('weasyprint'),
    run: ({documents, scratch}) => eachInput(documents, (file) => ['pandoc', ['--pdf-engine=weasyprint', '-o', path.join(scratch, `${path.basename(file, '.md')}.pdf`), file]])
  },
  {
    name: 'pagedjs-cli',
    installed: installed('pagedjs-cli'),
    // Our HTML pages, paginated by Paged.js in the same Chromium.
    run: ({pages, scratch}) =>
      eachInput(pages, (file) => [
        'pagedjs-cli',
        ['--browserArgs', chromiumArgs.join(','), file, '-o', path.join(scratch, `${path.basename(file, '.html')}.pdf`)],
        {PUPPETEER_EXECUTABLE_PATH: browserPath}
      ])
  }
]

const seconds = (value) => `${value.toFixed(2).padStart(7)} s`
console.log(`node ${process.version}, ${cores} cores, ${os.cpus()[0].model}; documents of ~${values.words} words, English, cold = empty output and cache`)
console.log(`other tools: ${others.map((tool) => `${tool.name} ${tool.installed ? 'yes' : 'not installed'}`).join(', ')}`)
for (const size of values.sizes.split(',').map(Number)) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-bench-pdf-'))
  await writeCorpus(root, {count: size, words: Number(values.words)})
  await fs.writeFile(path.join(root, 'policy-press.config.yaml'), 'targets: []\n')
  const out = path.join(root, 'dist')
  /** A cold build into `folder`: no output, no cache. */
  const cold = async (folder, args = [], sample = false) => {
    await fs.rm(path.join(root, folder), {recursive: true, force: true})
    await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})
    return build(['--root', root, '--out', path.join(root, folder), ...args], sample)
  }
  // The pages that bare Chromium and pagedjs-cli print, and the page count, come from a first cold build.
  await cold('dist')
  const pdfs = (await fs.readdir(path.join(out, 'en'))).filter((name) => name.endsWith('.pdf'))
  const pages = pdfs.reduce((sum, name) => sum + pagesOf(path.join(out, 'en', name)), 0)
  const htmlPages = pdfs.map((name) => path.join(out, 'en', name.replace(/\.pdf$/, '.html')))
  const documents = (await fs.readdir(path.join(root, 'documents'))).map((name) => path.join(root, 'documents', name))
  // Every tool once per run, in turn: the machine's speed drifts over minutes, and each ratio compares runs
  // made side by side.
  const contenders = [
    {name: 'both', run: async () => (await cold('dist')).seconds},
    {name: 'pdf-only', run: async () => (await cold('pdf-only', ['--format', 'pdf'])).seconds},
    {name: 'bare', run: () => barePrint(htmlPages)},
    ...others
      .filter((tool) => tool.installed)
      .map((tool) => ({
        name: tool.name,
        run: async () => tool.run({documents, pages: htmlPages, scratch: await fs.mkdtemp(path.join(root, 'other-'))})
      }))
  ]
  const times = new Map(contenders.map((contender) => [contender.name, []]))
  for (let run = 0; run < runs; run++) {
    for (const contender of contenders) times.get(contender.name).push(await contender.run())
  }
  const middle = (name) => [...times.get(name)].sort((a, b) => a - b)[Math.floor(runs / 2)]
  const both = middle('both')
  const pdfOnly = middle('pdf-only')
  const bare = middle('bare')
  const memory = await cold('dist', [], true)
  const warm = await median(() => build(['--root', root, '--out', out]))
  console.log(`\n${size} document${size === 1 ? '' : 's'}, ${pages} pages (median of ${runs} runs each, the tools taking turns)`)
  console.log(`  policy-press build (HTML + PDF)  ${seconds(both)}  ${(size / both).toFixed(2)} docs/s, ${(pages / both).toFixed(1)} pages/s; peak memory: Node ${memory.nodeMb.toFixed(0)} MB, Chromium ${memory.chromiumMb.toFixed(0)} MB`)
  console.log(`  policy-press build --format pdf  ${seconds(pdfOnly)}  ${(size / pdfOnly).toFixed(2)} docs/s, ${(pages / pdfOnly).toFixed(1)} pages/s`)
  console.log(`  rebuild, nothing changed         ${seconds(warm.seconds)}`)
  console.log(`  Chromium's bare printing         ${seconds(bare)}  (policy-press --format pdf takes ${(pdfOnly / bare).toFixed(2)}× as long)`)
  // Each run's own ratio too: runs made side by side compare best when the machine's speed drifts.
  const ratios = (name) => times.get(name).map((time, run) => time / times.get('pdf-only')[run])
  const speedup = (ratio) => (ratio >= 1 ? `${ratio.toFixed(2)}× faster` : `${(1 / ratio).toFixed(2)}× slower`)
  for (const tool of others.filter((other) => other.installed)) {
    const time = middle(tool.name)
    const perRun = ratios(tool.name).map((ratio) => ratio.toFixed(2)).join(', ')
    console.log(`  ${tool.name.padEnd(31)} ${seconds(time)}  (policy-press --format pdf is ${speedup(time / pdfOnly)}; its time ÷ ours, run by run: ${perRun})`)
  }
  await fs.rm(root, {recursive: true, force: true})
}
