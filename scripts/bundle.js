#!/usr/bin/env node
// Bundles the command line (lib/cli/main.js, as compiled by tsc, and the packages it uses) into one
// file, lib/policy-press.js, which bin/policy-press.js runs. Node loads one file of 5 MB in about a
// third of the CPU it needs for the thousand small modules of the unified ecosystem, pdf-lib and zod
// (bench/build-pdf.js; it is on the way to every first print). The library API (lib/index.js) stays
// unbundled. The bundle sits at the top of lib/, as src's top-level modules do, so the paths they take
// from import.meta.url (templates, translations, package.json) resolve the same. Puppeteer stays
// outside (puppeteer-core): bundled it loads slower, and it reads its own files.
import fs from 'node:fs/promises'
import path from 'node:path'
import {build} from 'esbuild'

const repo = path.resolve(import.meta.dirname, '..')
const result = await build({
  entryPoints: [path.join(repo, 'lib/cli/main.js')],
  outfile: path.join(repo, 'lib/policy-press.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['puppeteer', 'puppeteer-core'],
  sourcemap: 'linked',
  // Bundled CommonJS packages call require(): give them Node's, for this file.
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
  logLevel: 'warning',
  write: false
})
// Only files whose bytes change are written: the build's fingerprint includes the code's modification times,
// so rewriting an unchanged bundle would make the next `npm run build` redo everything.
for (const file of result.outputFiles) {
  const old = await fs.readFile(file.path).catch(() => undefined)
  if (!old?.equals(file.contents)) await fs.writeFile(file.path, file.contents)
}
