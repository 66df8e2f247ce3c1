#!/usr/bin/env node
// The build split over N machines, run here one shard after another: a generated corpus of documents in
// 25 languages (HTML and PDF), built once as a whole and as N = 2, 4, 8 shards. Prints each shard's wall
// time, the critical path (the slowest shard, what a CI matrix waits for), the shards' sum against the
// single build, and the time of assemble. Untranslated languages print the English text marked as such:
// the same work per page as a translation. Then the same split for Chromium alone (bench/bare-print.js) printing
// the same print pages: the share of a shard's cost that any tool printing with one Chromium per machine pays.
//   node bench/shards.js [--docs 20] [--words 600] [--shards 2,4,8]
import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {writeCorpus} from './corpus.js'

const {values} = parseArgs({options: {docs: {type: 'string', default: '20'}, words: {type: 'string', default: '600'}, shards: {type: 'string', default: '2,4,8'}}})
const bin = path.resolve(import.meta.dirname, '../bin/policy-press.js')
// 24 official languages of the EU besides English, as BCP 47 tags.
const targets = ['bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'nb']

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-shards-'))
await writeCorpus(root, {count: Number(values.docs), words: Number(values.words)})
await fs.writeFile(path.join(root, 'policy-press.config.yaml'), `targets: [${targets.join(', ')}]\n`)
const env = {...process.env, SOURCE_DATE_EPOCH: '1700000000'}

/** Wall time of a command in seconds; a fresh cache each time, so every PDF is printed. */
function timed(args) {
  const started = performance.now()
  // Warnings (no interface strings for most of these languages) are expected; a failure still throws.
  execFileSync(process.execPath, [bin, ...args, '--quiet'], {cwd: root, env, stdio: ['ignore', 'ignore', 'pipe']})
  return (performance.now() - started) / 1000
}
const fresh = () => fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})

await fresh()
const single = timed(['build', '--out', 'single'])
console.log(`${values.docs} documents × ${targets.length + 1} languages, HTML and PDF, on ${os.cpus().length} cores`)
console.log(`single build: ${single.toFixed(1)} s\n`)
console.log('| N | each shard (s) | slowest | slowest ÷ (single ÷ N) | sum ÷ single | assemble |')
console.log('|---|---|---|---|---|---|')
for (const count of values.shards.split(',').map(Number)) {
  const times = []
  for (let index = 1; index <= count; index++) {
    // Each shard runs on a machine of its own, with its own (here: empty) cache.
    await fresh()
    times.push(timed(['build', '--shard', `${index}/${count}`, '--out', `shard-${count}-${index}`]))
  }
  const assemble = timed(['assemble', '--out', `assembled-${count}`, ...times.map((_, index) => `shard-${count}-${index + 1}`)])
  const same = execFileSync('diff', ['-rq', 'single', `assembled-${count}`], {cwd: root, encoding: 'utf8'}).trim() === ''
  const slowest = Math.max(...times)
  const sum = times.reduce((total, time) => total + time, 0)
  console.log(
    `| ${count} | ${times.map((time) => time.toFixed(1)).join(', ')} | ${slowest.toFixed(1)} | ${(slowest / (single / count)).toFixed(2)}× | ${(sum / single).toFixed(2)}× | ${assemble.toFixed(2)} s${same ? '' : ' (DIFFERS)'} |`
  )
}

// The yardstick: Chromium alone printing the same print pages, as one process and split into N, each process with
// a browser of its own. What Chromium's and Node's start cost a shard even with no work of ours around them.
const printDir = path.join(root, 'print-pages')
await fs.rm(printDir, {recursive: true, force: true})
await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})
execFileSync(process.execPath, [bin, 'build', '--out', 'single', '--force', '--quiet'], {cwd: root, env, stdio: ['ignore', 'ignore', 'pipe']})
await fs.cp(path.join(root, '.policy-press-cache', 'print'), printDir, {recursive: true})
const printPages = []
for (const lang of (await fs.readdir(printDir)).sort()) {
  const stat = await fs.stat(path.join(printDir, lang))
  if (!stat.isDirectory()) continue
  for (const name of (await fs.readdir(path.join(printDir, lang))).sort()) printPages.push(path.join(printDir, lang, name))
}
/** Wall time of bare Chromium printing `pages`, in a process of its own. */
async function bare(pages) {
  const list = path.join(root, 'bare-list.txt')
  await fs.writeFile(list, `${pages.join('\n')}\n`)
  const started = performance.now()
  execFileSync(process.execPath, [path.join(import.meta.dirname, 'bare-print.js'), list], {stdio: ['ignore', 'ignore', 'inherit']})
  return (performance.now() - started) / 1000
}
const bareSingle = await bare(printPages)
console.log(`\nChromium alone, the same ${printPages.length} print pages (bench/bare-print.js): ${bareSingle.toFixed(1)} s in one process\n`)
console.log('| N | each process (s) | slowest ÷ (single ÷ N) | sum ÷ single |')
console.log('|---|---|---|---|')
for (const count of values.shards.split(',').map(Number)) {
  const times = []
  for (let index = 0; index < count; index++) {
    const from = Math.round((printPages.length * index) / count)
    times.push(await bare(printPages.slice(from, Math.round((printPages.length * (index + 1)) / count))))
  }
  const slowest = Math.max(...times)
  const sum = times.reduce((total, time) => total + time, 0)
  console.log(`| ${count} | ${times.map((time) => time.toFixed(1)).join(', ')} | ${(slowest / (bareSingle / count)).toFixed(2)}× | ${(sum / bareSingle).toFixed(2)}× |`)
}
await fs.rm(root, {recursive: true, force: true})
