#!/usr/bin/env node
// Bundles the command line (lib/cli/main.js, as compiled by tsc, and the packages it uses) into
// lib/policy-press.js, which bin/policy-press.js runs, and a few dozen chunks beside it. Node loads these
// with about a third of the CPU it needs for the thousand small modules of the unified ecosystem, pdf-lib
// and zod (bench/build-pdf.js; it is on the way to every first print). What a command imports when it
// runs is in chunks of its own, so a command loads only its part: a build with nothing to do does not
// compile the build's stages, nor any command DeepL, XLIFF or the preview server. The library API
// (lib/index.js) stays unbundled. The bundle sits at the top of lib/, as src's top-level modules do, so
// the paths they take from import.meta.url (templates, translations, package.json) resolve the same.
// puppeteer-core is bundled too: the build imports only its `connect` (src/pdf/browser.ts), and with splitting
// its launcher, downloader and WebDriver BiDi stay in chunks loaded only if asked for (one shard's start: 80 ms
// less than importing the package from node_modules). `puppeteer` (the full package) is only for tests.
// deepl-node stays outside too: it is CommonJS, and esbuild's chunk of it exported only `default`, so
// `import('deepl-node')` found no `DeepLClient` in the bundle while it did in the sources. Node's own loader
// gives it the named exports the sources use; `translate` waits on the network anyway, so bundling gains nothing.
import fs from 'node:fs/promises'
import path from 'node:path'
import {createRequire} from 'node:module'
import {build} from 'esbuild'

const repo = path.resolve(import.meta.dirname, '..')
const result = await build({
  entryPoints: {'policy-press': path.join(repo, 'lib/cli/main.js')},
  outdir: path.join(repo, 'lib'),
  // What a command imports when it runs (the build's stages, DeepL, XLIFF, the preview server) is a chunk of
  // its own, loaded only by that command; chunks sit beside the entry at the top of lib/, like src's modules.
  splitting: true,
  chunkNames: 'policy-press-[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['puppeteer', 'deepl-node'],
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
// Chunks of earlier bundles (their names carry their content's hash) go.
const current = new Set(result.outputFiles.map((file) => path.basename(file.path)))
for (const name of await fs.readdir(path.join(repo, 'lib'))) {
  if (/^policy-press-.*\.js(\.map)?$/.test(name) && !current.has(name)) await fs.rm(path.join(repo, 'lib', name))
}

// The hyphenation patterns of the installed `hyphen` as JSON (see src/pdf/hyphen-patterns.ts): read in less than
// half the time the package's JavaScript takes to compile. Written only when their bytes change, like the chunks.
const require = createRequire(import.meta.url)
const patternsDir = path.join(path.dirname(require.resolve('hyphen/package.json')), 'patterns')
const patternsOut = path.join(repo, 'lib', 'hyphen')
await fs.mkdir(patternsOut, {recursive: true})
const copies = new Map([['version.json', JSON.stringify({version: require('hyphen/package.json').version})]])
for (const name of (await fs.readdir(patternsDir)).filter((file) => file.endsWith('.js'))) {
  let patterns
  try {
    patterns = require(path.join(patternsDir, name))
  } catch {
    // Not loadable (hyphen 1.14's Church Slavonic is not valid JavaScript): no copy, and none at run time either.
    continue
  }
  copies.set(name.replace(/\.js$/, '.json'), JSON.stringify(patterns))
}
for (const [name, text] of copies) {
  const file = path.join(patternsOut, name)
  if ((await fs.readFile(file, 'utf8').catch(() => undefined)) !== text) await fs.writeFile(file, text)
}
for (const name of await fs.readdir(patternsOut)) if (!copies.has(name)) await fs.rm(path.join(patternsOut, name))
