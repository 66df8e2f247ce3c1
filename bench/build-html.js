#!/usr/bin/env node
// HTML build times: the repository's samples, and a generated corpus of 50
// documents, each cold (empty output folder) and warm (nothing changed).
// Figures are wall-clock times of the whole command (`node bin/policy-press.js
// build`), the median of several runs, as a user would see them.
//   npm run bench            (or: node bench/build-html.js [--runs N] [--docs N])
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {writeCorpus} from './corpus.js'

const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}, docs: {type: 'string', default: '50'}}})
const runs = Number(values.runs)
const repo = path.resolve(import.meta.dirname, '..')
const bin = path.join(repo, 'bin/policy-press.js')

function time(args) {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [bin, 'build', '--quiet', '--format', 'html', ...args], {encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`)
  return Number(process.hrtime.bigint() - started) / 1e9
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

async function measure(label, root, pages) {
  const out = path.join(os.tmpdir(), `policy-press-bench-out-${process.pid}`)
  const cold = []
  const warm = []
  for (let run = 0; run < runs; run++) {
    await fs.rm(out, {recursive: true, force: true})
    cold.push(time(['--root', root, '--out', out]))
    warm.push(time(['--root', root, '--out', out]))
  }
  await fs.rm(out, {recursive: true, force: true})
  const c = median(cold)
  console.log(`${label.padEnd(34)} ${String(pages).padStart(5)} pages  cold ${c.toFixed(3)} s (${((c * 1000) / pages).toFixed(1)} ms/page)  no change ${median(warm).toFixed(3)} s`)
}

const started = process.hrtime.bigint()
spawnSync(process.execPath, ['-e', '0'])
console.log(`node ${process.version}, ${os.cpus().length} cores; node start-up alone ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms; median of ${runs} runs`)
await measure('samples (2 documents × 5 languages)', repo, 10)
const corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-bench-'))
await writeCorpus(corpus, {count: Number(values.docs)})
const words = (await Promise.all((await fs.readdir(path.join(corpus, 'documents'))).map(async (name) => (await fs.readFile(path.join(corpus, 'documents', name), 'utf8')).split(/\s+/).length))).reduce((a, b) => a + b, 0)
await measure(`${values.docs} generated (${Math.round(words / Number(values.docs))} words each) × 5`, corpus, Number(values.docs) * 5)
await fs.rm(corpus, {recursive: true, force: true})
