/** A project for XLIFF tests: one German entry of each state. */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {expect} from 'vitest'
import {parseCatalog, serializeCatalog} from '../../src/catalog/po.js'
import {makeProject, runCli} from '../helpers.js'

const run = promisify(execFile)

export const source = `---
title: Funding
---

## Why funding really matters

Rural municipalities struggle to fund *social services*, see [the plan](https://example.org/plan).

Reviewed text.

A & B <c>.
`

/** A project whose German has one entry of each state: current, stale, missing (two) and a machine draft. */
export async function fourStates(): Promise<string> {
  const root = await makeProject({'documents/doc.md': source, 'policy-press.config.yaml': 'targets: [de]\n'})
  expect((await runCli(['sync', '--root', root])).code).toBe(0)
  const po = path.join(root, 'translations/de/doc.po')
  const catalog = parseCatalog(await fs.readFile(po, 'utf8'), new VFile())!
  const entry = (start: string) => catalog.entries.find((item) => item.msgid.startsWith(start))!
  Object.assign(entry('Funding'), {msgstr: 'Finanzierung'})
  Object.assign(entry('Why'), {msgstr: 'Warum Finanzierung zählt', fuzzy: true, previous: 'Why funding matters'})
  Object.assign(entry('Reviewed'), {msgstr: 'Geprüfter Text.', fuzzy: true, translator: 'machine translation: DeepL, 2026-01-01'})
  await fs.writeFile(po, serializeCatalog(catalog))
  return root
}

/** Export every state of the German; the XLIFF file's path. */
export async function exported(root: string, version = '1.2'): Promise<string> {
  const run = await runCli(['export-xliff', '--root', root, '--lang', 'de', '--states', 'current,stale,machine,missing', '--xliff', version])
  expect(run.code, run.stderr).toBe(0)
  return path.join(root, 'xliff/doc.de.xlf')
}


/** Run a Python script with translate-toolkit's own Python, as its commands run it. */
export async function python(script: string, ...args: string[]): Promise<string> {
  const pocountPath = (await run('sh', ['-c', 'command -v pocount'])).stdout.trim()
  const interpreter = (await fs.readFile(pocountPath, 'utf8')).split('\n')[0]!.replace(/^#!\s*/, '').split(/\s+/)
  return (await run(interpreter[0]!, [...interpreter.slice(1), '-c', script, ...args])).stdout
}
