#!/usr/bin/env node
// PDF throughput: cold builds (HTML + PDF, nothing cached) of 1, 10 and 50
// generated documents of ~4,000 words in English, the rebuild with nothing
// changed, peak memory (Node and Chromium), and as a yardstick Chromium's
// bare printing time for the same pages (one browser, the built HTML, one
// untagged page.pdf each, no contents page numbers, no metadata).
// md-to-pdf is run on the same Markdown when it is on the PATH.
//   node bench/build-pdf.js [--sizes 1,10,50] [--words 4000]
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {writeCorpus} from './corpus.js'

const {values} = parseArgs({options: {sizes: {type: 'string', default: '1,10,50'}, words: {type: 'string', default: '4000'}}})
const repo = path.resolve(import.meta.dirname, '..')
const bin = path.join(repo, 'bin/policy-press.js')
const {findChromium, chromiumArgs} = await import(path.join(repo, 'lib/browser/find-chromium.js'))

/** Run the command line; sample the RSS of Chromium's processes meanwhile. */
async function build(args) {
  let chromiumPeak = 0
  const sampler = setInterval(() => {
    const result = spawnSync('ps', ['-C', 'chromium,chrome,headless_shell', '-o', 'rss='], {encoding: 'utf8'})
    const total = result.stdout.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0)
    chromiumPeak = Math.max(chromiumPeak, total)
  }, 100)
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

async function barePrint(out, pages) {
  const {default: puppeteer} = await import('puppeteer')
  const started = process.hrtime.bigint()
  const browser = await puppeteer.launch({executablePath: findChromium(), args: chromiumArgs})
  const page = await browser.newPage()
  for (const file of pages) {
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    await page.pdf({format: 'A4', printBackground: true})
  }
  await browser.close()
  return Number(process.hrtime.bigint() - started) / 1e9
}

const pagesOf = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], {encoding: 'utf8'}))[1])
const hasMdToPdf = spawnSync('sh', ['-c', 'command -v md-to-pdf'], {encoding: 'utf8'}).stdout.trim() !== ''

console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0].model}; documents of ~${values.words} words, English, cold = empty output and cache`)
console.log('docs  cold build   docs/s  pages/s   bare print  ratio   no change   peak node  peak chromium')
for (const size of values.sizes.split(',').map(Number)) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-bench-pdf-'))
  await writeCorpus(root, {count: size, words: Number(values.words)})
  await fs.writeFile(path.join(root, 'policy-press.config.yaml'), 'targets: []\n')
  const out = path.join(root, 'dist')
  const cold = await build(['--root', root, '--out', out])
  const warm = await build(['--root', root, '--out', out])
  const pdfs = (await fs.readdir(path.join(out, 'en'))).filter((name) => name.endsWith('.pdf'))
  const pages = pdfs.reduce((sum, name) => sum + pagesOf(path.join(out, 'en', name)), 0)
  const bare = await barePrint(out, pdfs.map((name) => path.join(out, 'en', name.replace(/\.pdf$/, '.html'))))
  console.log(
    `${String(size).padStart(4)}  ${cold.seconds.toFixed(2).padStart(8)} s  ${(size / cold.seconds).toFixed(2).padStart(6)}  ${(pages / cold.seconds).toFixed(1).padStart(7)}  ${bare.toFixed(2).padStart(9)} s  ${(cold.seconds / bare).toFixed(2).padStart(5)}×  ${warm.seconds.toFixed(2).padStart(8)} s  ${cold.nodeMb.toFixed(0).padStart(6)} MB  ${cold.chromiumMb.toFixed(0).padStart(9)} MB`
  )
  if (hasMdToPdf) {
    const started = process.hrtime.bigint()
    // md-to-pdf drives its own puppeteer: point it at the same Chromium, with the same flags.
    const launch = JSON.stringify({executablePath: findChromium(), args: chromiumArgs})
    spawnSync('md-to-pdf', ['--launch-options', launch, ...(await fs.readdir(path.join(root, 'documents'))).map((name) => path.join(root, 'documents', name))], {stdio: 'ignore'})
    console.log(`      md-to-pdf on the same files: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s`)
  }
  await fs.rm(root, {recursive: true, force: true})
}
if (!hasMdToPdf) console.log('(md-to-pdf is not installed here: no comparison run)')
