/**
 * Align the blocks of a translated document with those of its source.
 *
 * When the two documents have the same sequence of block kinds (and heading
 * depths), block n translates block n: real translations do not keep the
 * source's word count, and unless the inline skeletons argue strongly for
 * another pairing (a block removed and another added elsewhere, with the
 * numbers of every heading between them off by one), every pair is certain.
 *
 * The pairing comes from a dynamic program in the manner of Gale and Church (1993) finds
 * the cheapest chain of beads: 1-1, 1-0 (a block the translation lacks), 0-1
 * (one it adds), 2-1 (two blocks it joins) and 1-2 (one it splits), each
 * costed by bead-cost.ts. A bead is certain when it is a 1-1 of one kind and
 * every alignment without it costs clearly more: its margin, found from the
 * cheapest paths to and from each cell of the table.
 */
import {type AlignBlock, beadCosts, kindOf, shapes} from './bead-cost.js'
import {defaultLengthModel, type LengthModel} from './length-model.js'

export type {AlignBlock} from './bead-cost.js'

export interface Bead {
  /** Source blocks, one or two, in order. */
  source: number[]
  /** Translation blocks, one or two, in order. */
  translation: number[]
  /** `true` for a 1-1 pair of one kind that no alternative comes close to. */
  certain: boolean
  /** How much more the best alignment without this bead costs (nats); `Infinity` when kinds match one to one. */
  margin: number
}

export interface Alignment {
  /** The beads that pair blocks (1-1, 2-1, 1-2), in order. */
  beads: Bead[]
  /** Source blocks with no counterpart. */
  missing: number[]
  /** Translation blocks with no counterpart. */
  extra: number[]
}

export interface AlignOptions {
  /** Translated length given source length (default: Gale and Church's, ratio 1, variance 6.8). */
  model?: LengthModel | undefined
}

/** A bead is certain when every alignment without it costs at least this much more (nats). */
const certainMargin = 3
/**
 * How far from the straight line between the two ends a path may stray,
 * beyond the difference in block counts: a translation lacking a chapter of
 * 64 blocks and adding another elsewhere still aligns, and a long document
 * costs time in proportion to its length, not its square.
 */
const band = 64

function diagonal(source: AlignBlock[]): Alignment {
  return {beads: source.map((_, index) => ({source: [index], translation: [index], certain: true, margin: Infinity})), missing: [], extra: []}
}

export function align(source: AlignBlock[], translation: AlignBlock[], options: AlignOptions = {}): Alignment {
  const result = alignBeads(source, translation, options)
  // Same kinds one to one, and nothing (say, the numbers of every heading from some point on) argues for another pairing.
  const sameKinds = source.length === translation.length && source.every((block, index) => kindOf(block) === kindOf(translation[index]!))
  return sameKinds && result.beads.length === source.length && result.beads.every((bead, index) => bead.translation.length === 1 && bead.source[0] === index && bead.translation[0] === index) ? diagonal(source) : result
}

function alignBeads(source: AlignBlock[], translation: AlignBlock[], options: AlignOptions): Alignment {
  const cost = beadCosts(source, translation, options.model ?? defaultLengthModel)
  const rows = source.length
  const columns = translation.length
  const reach = Math.abs(rows - columns) + band
  // The band of each row, and the cost of every bead that starts inside it, computed once for the three passes.
  const lows = new Int32Array(rows + 1)
  const highs = new Int32Array(rows + 1)
  const offsets = new Int32Array(rows + 2)
  for (let i = 0; i <= rows; i++) {
    const centre = rows === 0 ? 0 : (i * columns) / rows
    lows[i] = Math.max(0, Math.floor(centre - reach))
    highs[i] = Math.min(columns, Math.ceil(centre + reach))
    offsets[i + 1] = offsets[i]! + highs[i]! - lows[i]! + 1
  }
  const span = (i: number): [number, number] => [lows[i]!, highs[i]!]
  const size = offsets[rows + 1]!
  /** Index of a cell in the band's arrays; -1 outside the band. */
  const cell = (i: number, j: number) => (j < lows[i]! || j > highs[i]! ? -1 : offsets[i]! + j - lows[i]!)
  const costs = new Float64Array(size * shapes.length).fill(Infinity)
  for (let i = 0; i <= rows; i++) {
    for (let j = lows[i]!; j <= highs[i]!; j++) {
      for (let shape = 0; shape < shapes.length; shape++) {
        const [take, give] = shapes[shape]!
        if (i + take <= rows && j + give <= columns && cell(i + take, j + give) !== -1) costs[cell(i, j) * shapes.length + shape] = cost(i, j, shape)
      }
    }
  }
  /** Each bead that starts at (i, j) and ends inside the table and the band, with its cost. */
  const beadsFrom = (i: number, j: number, visit: (shape: number, take: number, give: number, value: number) => void): void => {
    const base = cell(i, j) * shapes.length
    for (let shape = 0; shape < shapes.length; shape++) {
      const value = costs[base + shape]!
      if (value !== Infinity) visit(shape, shapes[shape]![0], shapes[shape]![1], value)
    }
  }

  // Cheapest cost from the start to each cell (forward) and from each cell to the end (backward).
  const forward = new Float64Array(size).fill(Infinity)
  const backward = new Float64Array(size).fill(Infinity)
  const via = new Int8Array(size).fill(-1)
  forward[0] = 0
  for (let i = 0; i <= rows; i++) {
    const [low, high] = span(i)
    for (let j = low; j <= high; j++) {
      const here = forward[cell(i, j)]!
      if (here === Infinity) continue
      beadsFrom(i, j, (shape, take, give, value) => {
        const next = cell(i + take, j + give)
        if (here + value < forward[next]!) {
          forward[next] = here + value
          via[next] = shape
        }
      })
    }
  }
  backward[cell(rows, columns)] = 0
  for (let i = rows; i >= 0; i--) {
    const [low, high] = span(i)
    for (let j = high; j >= low; j--) {
      beadsFrom(i, j, (_, take, give, value) => {
        const total = value + backward[cell(i + take, j + give)]!
        if (total < backward[cell(i, j)]!) backward[cell(i, j)] = total
      })
    }
  }

  // The cheapest chain, from the end.
  const chosen: Array<{i: number; j: number; shape: number}> = []
  for (let i = rows, j = columns; i > 0 || j > 0; ) {
    const shape = via[cell(i, j)]!
    const [take, give] = shapes[shape]!
    i -= take
    j -= give
    chosen.push({i, j, shape})
  }
  chosen.reverse()

  // For each block, the cheapest alignment that covers it with another bead than the chosen one.
  const best = forward[cell(rows, columns)]!
  const isChosen = new Set(chosen.map(({i, j, shape}) => cell(i, j) * shapes.length + shape))
  const otherSource = new Float64Array(rows).fill(Infinity)
  const otherTranslation = new Float64Array(columns).fill(Infinity)
  for (let i = 0; i <= rows; i++) {
    const [low, high] = span(i)
    for (let j = low; j <= high; j++) {
      if (forward[cell(i, j)] === Infinity) continue
      beadsFrom(i, j, (shape, take, give, value) => {
        if (isChosen.has(cell(i, j) * shapes.length + shape)) return
        const total = forward[cell(i, j)]! + value + backward[cell(i + take, j + give)]!
        for (let s = i; s < i + take; s++) otherSource[s] = Math.min(otherSource[s]!, total)
        for (let t = j; t < j + give; t++) otherTranslation[t] = Math.min(otherTranslation[t]!, total)
      })
    }
  }

  const alignment: Alignment = {beads: [], missing: [], extra: []}
  for (const {i, j, shape} of chosen) {
    const [take, give] = shapes[shape]!
    if (give === 0) alignment.missing.push(i)
    else if (take === 0) alignment.extra.push(j)
    else {
      const sources = Array.from({length: take}, (_, offset) => i + offset)
      const translations = Array.from({length: give}, (_, offset) => j + offset)
      const margin = Math.min(...sources.map((s) => otherSource[s]!), ...translations.map((t) => otherTranslation[t]!)) - best
      const certain = take === 1 && give === 1 && kindOf(source[i]!) === kindOf(translation[j]!) && margin >= certainMargin
      alignment.beads.push({source: sources, translation: translations, certain, margin})
    }
  }
  return alignment
}
