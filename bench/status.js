#!/usr/bin/env node
// `status` over a large project: N generated documents × L target languages,
// with PO files made by `sync` and translated, then a tenth of every source
// changed so that status has stale segments to diff. Prints wall-clock times.
//   node bench/status.js [--docs 1000] [--words 400] [--languages 4]   (24: the EU's official languages)
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {writeCorpus} from './corpus.js'

const {values} = parseArgs({options: {docs: {type: 'string', default: '1000'}, words: {type: 'string', default: '400'}, languages: {type: 'string', default: '4'}}})
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

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-bench-status-'))
await writeCorpus(root, {count: Number(values.docs), words: Number(values.words)})
await fs.writeFile(path.join(root, 'policy-press.config.yaml'), `targets: [${targets.join(', ')}]\n`)
const sync = run(['sync', '--root', root, '--quiet'])
console.log(`node ${process.version}, ${os.cpus().length} cores; ${values.docs} documents of ~${values.words} words × ${targets.length} languages`)
console.log(`sync (creates ${Number(values.docs) * targets.length} PO files)       ${sync.seconds.toFixed(2)} s`)
for (const lang of targets) {
  const dir = path.join(root, 'translations', lang)
  for (const name of await fs.readdir(dir)) {
    const file = path.join(dir, name)
    const catalog = parseCatalog(await fs.readFile(file, 'utf8'), new VFile())
    for (const entry of catalog.entries) entry.msgstr = `[${lang}] ${entry.msgid}`
    await fs.writeFile(file, serializeCatalog(catalog))
  }
}
const documents = path.join(root, 'documents')
for (const [index, name] of (await fs.readdir(documents)).entries()) {
  if (index % 10 !== 0) continue
  const file = path.join(documents, name)
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/\. ([A-Z])/, '. Moreover, $1'))
}
// The first run parses every document (the segment cache is empty); the next ones do not.
await fs.rm(path.join(root, '.policy-press-cache'), {recursive: true, force: true})
const cold = run(['status', '--root', root, '--format', 'json'])
const text = run(['status', '--root', root])
const json = run(['status', '--root', root, '--format', 'json'])
const report = JSON.parse(json.stdout)
const stale = report.documents.reduce((sum, document) => sum + document.stale, 0)
const segments = report.documents.reduce((sum, document) => sum + document.total, 0)
console.log(`status --format json, cold cache    ${cold.seconds.toFixed(2)} s`)
console.log(`status, text                          ${text.seconds.toFixed(2)} s`)
console.log(`status --format json                  ${json.seconds.toFixed(2)} s  (${report.documents.length} reports, ${segments} segments, ${stale} stale)`)
console.log(`sync again (rewrites the changed files) ${run(['sync', '--root', root, '--quiet']).seconds.toFixed(2)} s`)
await fs.rm(root, {recursive: true, force: true})
