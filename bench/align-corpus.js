// The parallel texts bench/align.js measures the aligner on, and the table
// variant of the UDHR that tests/catalog/import-corpus.test.ts uses too: the
// corpus has no table, so the longest run of articles that are a heading and
// one paragraph becomes a two-column table (heading | paragraph), one row an
// article. The same articles have the same shape in every language, so the
// variant keeps the block structure identical across languages.
import fs from 'node:fs/promises'
import path from 'node:path'

const repo = path.resolve(import.meta.dirname, '..')

/** The shared corpus, beside the repository (CI puts it there too). */
export const udhrDir = path.resolve(repo, '../shared/corpus/udhr')
export const covenantDir = path.join(repo, 'bench/corpus/contributor-covenant')

export async function readText(dir, lang) {
  return fs.readFile(path.join(dir, `${lang}.md`), 'utf8')
}

/** Split Markdown (one block a line, no hard wrapping) into heading sections: the heading line and the lines up to the next one. */
function sections(markdown) {
  const result = []
  for (const line of markdown.split('\n')) {
    if (/^#{1,6} /.test(line) || result.length === 0) result.push([line])
    else result.at(-1).push(line)
  }
  return result
}

const single = (section) => /^## /.test(section[0]) && section.slice(1).filter((line) => line.trim() !== '').length === 1 && !/^\d+\. /.test(section.slice(1).find((line) => line.trim() !== ''))

/** The document with its longest run of one-paragraph `##` sections turned into a table. */
export function tableVariant(markdown) {
  const parts = sections(markdown)
  let best = {start: 0, length: 0}
  for (let start = 0; start < parts.length; start++) {
    let length = 0
    while (start + length < parts.length && single(parts[start + length])) length++
    if (length > best.length) best = {start, length}
  }
  if (best.length < 2) return markdown
  const cell = (text) => text.trim().replace(/^#+ /, '').replace(/\|/g, '\\|')
  const rows = parts.slice(best.start, best.start + best.length).map((section) => `| ${cell(section[0])} | ${cell(section.slice(1).find((line) => line.trim() !== ''))} |`)
  const table = [rows[0], '| --- | --- |', ...rows.slice(1), '']
  return [...parts.slice(0, best.start).flat(), ...table, ...parts.slice(best.start + best.length).flat()].join('\n')
}
