#!/usr/bin/env node
// Precision and recall of the block aligner behind `policy-press import`, on
// real parallel texts whose block structure is the same in every language
// (so the right pairing is known: block n with block n): the UDHR in de, et,
// lv and lt against en (../shared/corpus), its table variant
// (align-corpus.js), and the Contributor Covenant 2.1 in de and sv
// (bench/corpus/contributor-covenant). Each translation is aligned as it is,
// then with one block removed, added or split at each position class: the
// first block, the middle one, the last, a list item in the middle of a
// list, a table cell in the middle of the table.
//
// A link is a (source block, translation block) pair the aligner proposes;
// precision is the share of its links that are right, recall the share of
// right links it finds. "checks" counts pairs imported for an alignment
// check; "wrong sure" counts wrong pairs it was sure of (should be 0).
//   npm run compile && node bench/align.js [--positions] [--calibrate]
import path from 'node:path'
import {parseArgs} from 'node:util'
import {covenantDir, readText, tableVariant, udhrDir} from './align-corpus.js'

const {values} = parseArgs({options: {positions: {type: 'boolean', default: false}, calibrate: {type: 'boolean', default: false}}})
const repo = path.resolve(import.meta.dirname, '..')
const lib = (name) => import(path.join(repo, 'lib', name))
const [{align}, {lengthModel, calibrate}, {blocksOf}, {markdownParser}, {skeletonOf}, {VFile}] = await Promise.all([
  lib('catalog/align.js'),
  lib('catalog/length-model.js'),
  lib('catalog/align-blocks.js'),
  lib('markdown/parser.js'),
  lib('catalog/skeleton.js'),
  import('vfile')
])

function blocks(markdown) {
  const file = new VFile({value: markdown})
  const tree = markdownParser.parse(file)
  return blocksOf([{tree, file}]).map(({kind, depth, text}) => ({kind, depth, text}))
}

/** Where a perturbation goes, per position class; `undefined` when the text has no such place. */
function positionOf(list, position) {
  const middleOf = (indexes) => (indexes.length >= 3 ? indexes[Math.floor(indexes.length / 2)] : undefined)
  if (position === 'first') return 0
  if (position === 'last') return list.length - 1
  if (position === 'middle') return Math.floor(list.length / 2)
  if (position === 'list') {
    // The middle item of the longest list: runs of list items.
    let best = []
    for (let start = 0; start < list.length; ) {
      let end = start
      while (end < list.length && list[end].kind === 'list item') end++
      if (end - start > best.length) best = Array.from({length: end - start}, (_, offset) => start + offset)
      start = Math.max(end, start + 1)
    }
    return middleOf(best)
  }
  return middleOf(list.flatMap((block, index) => (block.kind === 'table cell' ? [index] : [])))
}

/** Split a block's text in two at the sentence end (else the space) nearest its middle, outside any markup. */
function splitText(text) {
  const balanced = (prefix) => (prefix.match(/\*\*/g) ?? []).length % 2 === 0 && (prefix.match(/`/g) ?? []).length % 2 === 0 && (prefix.match(/\[/g) ?? []).length === (prefix.match(/\)/g) ?? []).length
  const candidates = (pattern) => [...text.matchAll(pattern)].map((match) => match.index + match[0].length).filter((at) => at > 0 && at < text.length && balanced(text.slice(0, at)))
  const sentences = candidates(/[.;:!?] +/g)
  const spaces = candidates(/ +/g)
  const points = sentences.length > 0 ? sentences : spaces
  if (points.length === 0) return [text.slice(0, Math.ceil(text.length / 2)), text.slice(Math.ceil(text.length / 2))]
  const at = points.reduce((best, point) => (Math.abs(point - text.length / 2) < Math.abs(best - text.length / 2) ? point : best))
  return [text.slice(0, at).trim(), text.slice(at).trim()]
}

/** The perturbed translation and the right links, for a translation whose block n translates source block n. */
function perturb(translation, kind, at) {
  const identity = translation.map((_, index) => [[index, index]])
  if (kind === 'none') return {blocks: translation, gold: identity.flat()}
  if (kind === 'removed') {
    return {blocks: translation.filter((_, index) => index !== at), gold: translation.flatMap((_, index) => (index === at ? [] : [[index, index < at ? index : index - 1]]))}
  }
  if (kind === 'added') {
    // A block of the same kind from the other half of the document: a paragraph pasted twice.
    const block = translation[at]
    const others = translation.map((other, index) => ({other, index})).filter(({other, index}) => other.kind === block.kind && other.depth === block.depth && index !== at)
    const far = others.reduce((best, item) => (Math.abs(item.index - at) > Math.abs(best.index - at) ? item : best), others[0] ?? {other: {...block, text: `${block.text} (2)`}, index: at})
    const insertAt = at === translation.length - 1 ? at + 1 : at
    const blocks = [...translation.slice(0, insertAt), {...far.other}, ...translation.slice(insertAt)]
    return {blocks, gold: translation.map((_, index) => [index, index < insertAt ? index : index + 1])}
  }
  const [first, second] = splitText(translation[at].text)
  const blocks = [...translation.slice(0, at), {...translation[at], text: first}, {...translation[at], text: second}, ...translation.slice(at + 1)]
  return {
    blocks,
    gold: translation.flatMap((_, index) => (index < at ? [[index, index]] : index === at ? [[index, index], [index, index + 1]] : [[index, index + 1]]))
  }
}

function score(alignment, gold) {
  const links = alignment.beads.flatMap((bead) => bead.source.flatMap((s) => bead.translation.map((t) => `${s}:${t}`)))
  const right = new Set(gold.map(([s, t]) => `${s}:${t}`))
  const correct = links.filter((link) => right.has(link)).length
  const wrongSure = alignment.beads.filter((bead) => bead.certain && !right.has(`${bead.source[0]}:${bead.translation[0]}`)).length
  return {correct, proposed: links.length, gold: right.size, checks: alignment.beads.filter((bead) => !bead.certain).length, wrongSure}
}

const texts = [
  ...['de', 'et', 'lv', 'lt'].map((lang) => ({corpus: 'udhr', dir: udhrDir, lang, variant: (text) => text, positions: ['first', 'middle', 'last', 'list']})),
  ...['de', 'et', 'lv', 'lt'].map((lang) => ({corpus: 'udhr-table', dir: udhrDir, lang, variant: tableVariant, positions: ['table']})),
  ...['de', 'sv'].map((lang) => ({corpus: 'covenant', dir: covenantDir, lang, variant: (text) => text, positions: ['first', 'middle', 'last', 'list']}))
]

if (values.calibrate) {
  console.log('pair    ratio  variance  (chars of plain text, block pairs of the unperturbed text)')
  for (const {corpus, dir, lang} of texts.filter((text) => text.corpus !== 'udhr-table')) {
    const source = blocks(await readText(dir, 'en'))
    const translation = blocks(await readText(dir, lang))
    const model = calibrate(source.map((block, index) => ({source: skeletonOf(block.text).length, target: skeletonOf(translation[index].text).length})))
    console.log(`en-${lang}   ${model.ratio.toFixed(3)}  ${model.variance.toFixed(2)}      ${corpus}`)
  }
  process.exit(0)
}

const rows = []
for (const {corpus, dir, lang, variant, positions} of texts) {
  const source = blocks(variant(await readText(dir, 'en')))
  const translation = blocks(variant(await readText(dir, lang)))
  if (source.length !== translation.length) throw new Error(`${corpus} ${lang}: ${translation.length} blocks, expected ${source.length}`)
  const model = lengthModel('en', lang)
  const cases = [...(corpus === 'udhr-table' ? [] : [['none', '-', 0]]), ...['removed', 'added', 'split'].flatMap((kind) => positions.map((position) => [kind, position, positionOf(translation, position)]))]
  for (const [kind, position, at] of cases) {
    if (at === undefined) continue
    const {blocks: perturbed, gold} = perturb(translation, kind, at)
    rows.push({corpus: corpus === 'udhr-table' ? 'udhr' : corpus, lang, kind, position, ...score(align(source, perturbed, {model}), gold)})
  }
}

const percent = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`)
function print(groups, label) {
  const header = ['corpus', 'language', 'perturbation', ...(label ? ['position'] : []), 'precision', 'recall', 'checks', 'wrong sure']
  const lines = [...groups.entries()].map(([key, group]) => {
    const sum = (field) => group.reduce((total, row) => total + row[field], 0)
    return [...key.split('|'), percent(sum('correct'), sum('proposed')), percent(sum('correct'), sum('gold')), String(sum('checks')), String(sum('wrongSure'))]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)))
  const format = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()
  console.log([format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n'))
}
const groupBy = (key) => rows.reduce((groups, row) => groups.set(key(row), [...(groups.get(key(row)) ?? []), row]), new Map())

// Micro-averaged over the position classes of each perturbation.
print(groupBy((row) => `${row.corpus}|${row.lang}|${row.kind}`), false)
console.log()
print(groupBy((row) => `all|all|${row.kind}`), false)
if (values.positions) {
  console.log()
  print(groupBy((row) => `${row.corpus}|${row.lang}|${row.kind}|${row.position}`), true)
}
