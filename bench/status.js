#!/usr/bin/env node
// `status` and `sync` over a large project: N generated documents × L target languages, with PO files
// made by `sync` and translated, then a tenth of every source changed so that status has stale segments
// to diff. Prints the wall-clock time of each run.
//   node bench/status.js [--docs 1000] [--words 400] [--languages 24] [--keep DIR]
// --keep DIR makes the project in DIR (emptied first) and leaves it there, for profiling.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {writeCorpus} from './corpus.js'

const {values} = parseArgs({
  options: {docs: {type: 'string', default: '1000'}, words: {type: 'string', default: '400'}, languages: {type: 'string', default: '24'}, keep: {type: 'string'}}
})
const allTargets = ['de', 'et', 'lv', 'lt', 'bg', 'cs', 'da', 'el', 'es', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'nb']
const targets = allTargets.slice(0, Number(values.languages))
const repo = path.resolve(import.meta.dirname, '..')
const bin = path.join(repo, 'bin/policy-press.js')
const {parseCatalog, serializeCatalog} = await import(path.join(repo, 'lib/catalog/po.js'))
const {VFile} = await import('vfile')

function run(args) {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', maxBuffer: 1 << 30})
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args[0]} failed:\n${result.stderr}`)
  return {seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout: result.stdout}
}

function line(label, {seconds}, note = '') {
  console.log(`${label.padEnd(52)}${seconds.toFixed(2).padStart(7)} s${note ? `  ${note}` : ''}`)
}

let root
if (values.keep) {
  root = path.resolve(values.keep)
  await fs.rm(root, {recursive: true, force: true})
  await fs.mkdir(root, {recursive: true})
} else {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-bench-status-'))
}
const sync = (label) => {
  const result = run(['sync', '--root', root])
  line(label, result, result.stdout.trim().replace(/^Synced /, ''))
}
await writeCorpus(root, {count: Number(values.docs), words: Number(values.words)})
await fs.writeFile(path.join(root, 'policy-press.config.yaml'), `targets: [${targets.join(', ')}]\n`)
console.log(`node ${process.version}, ${os.availableParallelism()} cores; ${values.docs} documents of ~${values.words} words × ${targets.length} languages`)
sync('sync, creating every PO file')
// Translators fill every entry.
for (const lang of targets) {
  const dir = path.join(root, 'translations', lang)
  for (const name of await fs.readdir(dir)) {
    const file = path.join(dir, name)
    const catalog = parseCatalog(await fs.readFile(file, 'utf8'), new VFile())
    for (const entry of catalog.entries) entry.msgstr = `[${lang}] ${entry.msgid}`
    await fs.writeFile(file, serializeCatalog(catalog))
  }
}
sync('sync after translators edited every file')
sync('sync again, nothing changed')
const documents = path.join(root, 'documents')
for (const [index, name] of (await fs.readdir(documents)).entries()) {
  if (index % 10 !== 0) continue
  const file = path.join(documents, name)
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/\. ([A-Z])/, '. Moreover, $1'))
}
sync('sync after a tenth of the sources changed')
// The first status parses every document and PO file (no cache at all); the next ones take them from the cache.
await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})
line('status, cold (no cache)', run(['status', '--root', root]))
line('status, warm', run(['status', '--root', root]))
const open = run(['status', '--root', root, '--format', 'json', '--segments', 'open'])
line('status --format json --segments open, warm', open)
const json = run(['status', '--root', root, '--format', 'json'])
const report = JSON.parse(json.stdout)
const stale = report.documents.reduce((sum, document) => sum + document.stale, 0)
const segments = report.documents.reduce((sum, document) => sum + document.total, 0)
line('status --format json (every segment), warm', json, `${report.documents.length} reports, ${segments} segments, ${stale} stale; ${(json.stdout.length / 1e6).toFixed(0)} MB`)
if (!values.keep) await fs.rm(root, {recursive: true, force: true})
