#!/usr/bin/env node
// The compiled command line lives in lib/, bundled into one file (built by `npm ci` through the prepare
// script; see scripts/bundle.js).
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import v8 from 'node:v8'

// A build is a short run: V8's optimising compiler, left at its default eagerness, spends more CPU on
// its background threads (a fifth of a cold PDF build) than the optimised code gives back. Only the
// really hot functions are worth it (a 10-document cold PDF build: about a tenth less CPU in all).
v8.setFlagsFromString('--interrupt-budget=1000000')

const main = new URL('../lib/policy-press.js', import.meta.url)
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('policy-press: lib/ is missing; run `npm run compile` (or `npm ci`) in the policy-press folder first.\n')
  process.exit(2)
}
// Output piped into a reader that stops early (`| head`) is a normal end, not a crash with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}
const {main: run} = await import(main.href)
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
})
