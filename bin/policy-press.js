#!/usr/bin/env node
// The compiled command line lives in lib/, bundled into one file (built by `npm ci` through the prepare
// script; see scripts/bundle.js).
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const main = new URL('../lib/policy-press.js', import.meta.url)
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('policy-press: lib/ is missing; run `npm run compile` (or `npm ci`) in the policy-press folder first.\n')
  process.exit(2)
}
const {main: run} = await import(main.href)
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
})
