/**
 * The files a built site needs besides its pages: everything under
 * `templates/assets/` (the project's files win over the shipped ones), the
 * web fonts its stylesheets name, taken from the @fontsource packages (or
 * from `templates/assets/fonts/` when a project brings its own), and the
 * images and files that documents link to, under `media/`. Of the font
 * faces a stylesheet declares, only those of the subsets the site's
 * languages need are kept (see font-subsets.ts), and only their files copied.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {BoundaryError, checkProjectFileSync, resolveInsideSync} from '../boundary.js'
import {ProjectError} from '../project.js'
import {fontSubsets} from './font-subsets.js'

export interface Asset {
  /** Output path relative to the output folder, POSIX. */
  path: string
  /** Absolute path of the file to copy. */
  from: string
}

const require = createRequire(import.meta.url)
const fontUrl = /url\(\s*["']?fonts\/([^"')]+)["']?\s*\)/g
const fontsourceName = /^(.+?)-(latin-ext|latin|cyrillic-ext|cyrillic|greek-ext|greek|vietnamese|math|symbols)-(\d{3}|variable|standard)-(normal|italic)\.woff2?$/

function listFiles(dir: string, prefix = ''): string[] {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true})
  } catch {
    return []
  }
  return entries.flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.isFile()
        ? [`${prefix}${entry.name}`]
        : []
  )
}

/** The folder of each @fontsource package found so far (`null`: not installed). */
const fontPackages = new Map<string, string | null>()

/** The folder of the installed package `name`, found once: resolving each font file on its own costs a lookup of every `node_modules` up the tree. */
function packageFolder(name: string): string | null {
  let folder = fontPackages.get(name)
  if (folder === undefined) {
    try {
      folder = path.dirname(require.resolve(`${name}/package.json`))
    } catch {
      folder = null
    }
    fontPackages.set(name, folder)
  }
  return folder
}

/** Find a font file in the @fontsource package its name comes from. */
export function resolveFont(name: string): string {
  const match = fontsourceName.exec(name)
  if (!match) throw new Error(`Unexpected font file name \`${name}\`, expected a @fontsource file such as \`source-serif-4-latin-400-normal.woff2\``)
  const family = match[1]!
  for (const scope of ['@fontsource', '@fontsource-variable']) {
    const folder = packageFolder(`${scope}/${family}`)
    const file = folder && path.join(folder, 'files', name)
    if (file && fs.existsSync(file)) return file
  }
  throw new Error(`Cannot find font \`${name}\`: install it with \`npm install @fontsource/${family}\` or put it in \`templates/assets/fonts/\``)
}

/** A folder of assets that is a link out of its templates folder would publish what it points at: a usage error. */
function assetsInside(dir: string, assetsDir: string): void {
  try {
    resolveInsideSync(dir, assetsDir)
  } catch (error) {
    if (error instanceof BoundaryError) throw new ProjectError(`${path.join(path.basename(dir), 'assets')}/: ${error.message}`)
  }
}

const fontFace = /@font-face\s*\{[^}]*\}\s*/g

/** `css` without the @font-face rules of @fontsource subsets not in `subsets`; other rules as they are. */
export function keepFontSubsets(css: string, subsets: Set<string>): string {
  return css.replace(fontFace, (rule) => {
    const files = [...rule.matchAll(fontUrl)].map((match) => fontsourceName.exec(match[1]!))
    return files.some((file) => file && !subsets.has(file[2]!)) ? '' : rule
  })
}

/**
 * A stylesheet with only the font faces `subsets` need, as a file to copy: the output's writer and the print
 * cache read stylesheets from files. Named by its contents, in the temporary folder, so builds share it.
 */
function filteredStylesheet(asset: Asset, subsets: Set<string>): Asset {
  const css = fs.readFileSync(asset.from, 'utf8')
  const kept = keepFontSubsets(css, subsets)
  if (kept === css) return asset
  const dir = path.join(os.tmpdir(), 'policy-press-styles')
  const from = path.join(dir, `${createHash('sha256').update(kept).digest('hex').slice(0, 32)}.css`)
  if (!fs.existsSync(from)) {
    fs.mkdirSync(dir, {recursive: true})
    // Written whole under another name first: a build running at the same time never reads half of it.
    const partial = `${from}.${process.pid}.tmp`
    fs.writeFileSync(partial, kept)
    fs.renameSync(partial, from)
  }
  return {path: asset.path, from}
}

/**
 * The files under the template folders' `assets/`, and the font files their stylesheets name. With `languages`,
 * only the font faces of the subsets those languages need are kept; without, every face (default: all).
 */
export function templateAssets(templateDirs: string[], languages?: readonly string[]): Asset[] {
  const byPath = new Map<string, Asset>()
  // The shipped templates come last in `templateDirs`; walk them first so the project's win.
  for (const dir of [...templateDirs].reverse()) {
    const assetsDir = path.join(dir, 'assets')
    assetsInside(dir, assetsDir)
    for (const file of listFiles(assetsDir)) byPath.set(`assets/${file}`, {path: `assets/${file}`, from: path.join(assetsDir, file)})
  }
  const subsets = languages && fontSubsets(languages)
  for (let asset of [...byPath.values()]) {
    if (!asset.path.endsWith('.css')) continue
    if (subsets) byPath.set(asset.path, (asset = filteredStylesheet(asset, subsets)))
    const css = fs.readFileSync(asset.from, 'utf8')
    for (const match of css.matchAll(fontUrl)) {
      const output = `assets/fonts/${match[1]}`
      if (!byPath.has(output)) byPath.set(output, {path: output, from: resolveFont(match[1]!)})
    }
  }
  return [...byPath.values()]
}

/**
 * The linked files to copy to `media/`, each from its real path. One that
 * is missing or leaves the project (reported at its link) is left out, so
 * nothing outside the project is ever published.
 */
export function mediaAssets(root: string, files: Iterable<string>): Asset[] {
  return [...files].flatMap((file) => {
    const checked = checkProjectFileSync(root, path.join(root, ...file.split('/')), {maxBytes: Number.POSITIVE_INFINITY})
    return checked && 'real' in checked ? [{path: `media/${file.slice('documents/'.length)}`, from: checked.real}] : []
  })
}
