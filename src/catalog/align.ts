/**
 * Align the blocks of a translated document with those of its source.
 *
 * When the two documents have the same sequence of block kinds (and heading
 * depths), block n translates block n: real translations do not keep the
 * source's word count, and nothing else would say otherwise, so every pair
 * is certain.
 *
 * Otherwise a dynamic program in the manner of Gale and Church (1993) finds
 * the cheapest chain of beads: 1-1, 1-0 (a block the translation lacks), 0-1
 * (one it adds), 2-1 (two blocks it joins) and 1-2 (one it splits). A bead
 * costs its prior, the kinds it pairs, the length of the translation given
 * the source (length-model.ts; only evidence between alternatives, capped)
 * and how well the inline skeletons agree (skeleton.ts). A bead is certain
 * when it is a 1-1 of one kind and every alignment without it costs clearly
 * more: its margin, from the costs of the best paths to and from each cell.
 */
import {defaultLengthModel, type LengthModel, lengthCost} from './length-model.js'
import {joinSkeletons, type Skeleton, skeletonOf} from './skeleton.js'

export interface AlignBlock {
  kind: string
  /** Heading depth, for headings. */
  depth?: number | undefined
  text: string
  /** Computed from `text` when not given. */
  skeleton?: Skeleton | undefined
}

export interface Bead {
  /** Source blocks, one or two, in order. */
  source: number[]
  /** Translation blocks, one or two, in order. */
  translation: number[]
  /** `true` for a 1-1 pair of one kind that no nearby alternative comes close to. */
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

/** Bead shapes: source blocks taken, translation blocks taken, and the prior cost of the shape (−log probability). */
const shapes: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0],
  [1, 0, 7],
  [0, 1, 7],
  [2, 1, 7],
  [1, 2, 7]
]
/** Kinds whose blocks a translation seldom joins or splits: a table keeps its cells, a list its items, a heading stays one. */
const unsplittable = new Set(['heading', 'table cell', 'list item'])
const splitCost = 5
/** Length may cost at most this much per bead: a translation far longer than expected is still more likely its block's. */
const lengthCap = 4
/** Pairing blocks of different kinds costs about as much as a gap: either could be right. */
const kindCost = 8
const depthCost = 3
/** A bead is certain when every alignment without it costs at least this much more (nats). */
const certainMargin = 3

/** What is in both multisets, and what is in one only. */
function compare(a: string[], b: string[]): {shared: number; unshared: number} {
  if (a.length === 0 || b.length === 0) return {shared: 0, unshared: a.length + b.length}
  const rest = [...b]
  let shared = 0
  for (const item of a) {
    const at = rest.indexOf(item)
    if (at !== -1) {
      shared++
      rest.splice(at, 1)
    }
  }
  return {shared, unshared: a.length + b.length - 2 * shared}
}

/** Agreement of two skeletons as a cost: negative when they share what translations keep, positive when they differ. */
export function skeletonCost(a: Skeleton, b: Skeleton): number {
  const marks = compare(a.marks, b.marks)
  const anchors = compare(a.anchors, b.anchors)
  const numbers = compare(a.numbers, b.numbers)
  let cost = 0.75 * marks.unshared - 0.25 * marks.shared
  cost += 2 * anchors.unshared - 1.5 * anchors.shared
  cost += numbers.unshared - numbers.shared
  // A block that opens with a bold lead word translates to one that does.
  if (a.lead !== b.lead) cost += 5
  else if (a.lead !== undefined) cost -= 2
  return cost
}

function sameKind(a: AlignBlock, b: AlignBlock): boolean {
  return a.kind === b.kind && a.depth === b.depth
}

function diagonal(source: AlignBlock[]): Alignment {
  return {beads: source.map((_, index) => ({source: [index], translation: [index], certain: true, margin: Infinity})), missing: [], extra: []}
}

export function align(source: AlignBlock[], translation: AlignBlock[], options: AlignOptions = {}): Alignment {
  if (source.length === translation.length && source.every((block, index) => sameKind(block, translation[index]!))) return diagonal(source)
  const model = options.model ?? defaultLengthModel
  const sourceSkeletons = source.map((block) => block.skeleton ?? skeletonOf(block.text))
  const translationSkeletons = translation.map((block) => block.skeleton ?? skeletonOf(block.text))
  const rows = source.length
  const columns = translation.length
  const width = columns + 1
  const cell = (i: number, j: number) => i * width + j

  // The cost of each bead that starts at each cell, computed once.
  const costs = new Float64Array((rows + 1) * width * shapes.length).fill(Infinity)
  const beadCost = (i: number, j: number, take: number, give: number, prior: number): number => {
    if (take === 0 || give === 0) return prior
    const from = source.slice(i, i + take)
    const to = translation.slice(j, j + give)
    const all = [...from, ...to]
    let cost = prior
    if (!all.every((block) => block.kind === all[0]!.kind)) cost += kindCost
    else if (!all.every((block) => block.depth === all[0]!.depth)) cost += depthCost
    if (all.length > 2 && unsplittable.has(all[0]!.kind)) cost += splitCost
    const a = take === 1 ? sourceSkeletons[i]! : joinSkeletons(sourceSkeletons.slice(i, i + take))
    const b = give === 1 ? translationSkeletons[j]! : joinSkeletons(translationSkeletons.slice(j, j + give))
    return cost + lengthCost(model, a.length, b.length, lengthCap) + skeletonCost(a, b)
  }
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= columns; j++) {
      shapes.forEach(([take, give, prior], shape) => {
        if (i + take <= rows && j + give <= columns) costs[cell(i, j) * shapes.length + shape] = beadCost(i, j, take, give, prior)
      })
    }
  }

  // Best cost from the start to each cell (forward) and from each cell to the end (backward).
  const forward = new Float64Array((rows + 1) * width).fill(Infinity)
  const backward = new Float64Array((rows + 1) * width).fill(Infinity)
  const via = new Int8Array((rows + 1) * width).fill(-1)
  forward[0] = 0
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= columns; j++) {
      const here = forward[cell(i, j)]!
      if (here === Infinity) continue
      shapes.forEach(([take, give], shape) => {
        const cost = costs[cell(i, j) * shapes.length + shape]!
        if (cost === Infinity) return
        const next = cell(i + take, j + give)
        if (here + cost < forward[next]!) {
          forward[next] = here + cost
          via[next] = shape
        }
      })
    }
  }
  backward[cell(rows, columns)] = 0
  for (let i = rows; i >= 0; i--) {
    for (let j = columns; j >= 0; j--) {
      shapes.forEach(([take, give], shape) => {
        const cost = costs[cell(i, j) * shapes.length + shape]!
        if (cost === Infinity) return
        const total = cost + backward[cell(i + take, j + give)]!
        if (total < backward[cell(i, j)]!) backward[cell(i, j)] = total
      })
    }
  }

  // The best chain, from the end.
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
    for (let j = 0; j <= columns; j++) {
      shapes.forEach(([take, give], shape) => {
        const key = cell(i, j) * shapes.length + shape
        const cost = costs[key]!
        if (cost === Infinity || isChosen.has(key)) return
        const total = forward[cell(i, j)]! + cost + backward[cell(i + take, j + give)]!
        for (let s = i; s < i + take; s++) otherSource[s] = Math.min(otherSource[s]!, total)
        for (let t = j; t < j + give; t++) otherTranslation[t] = Math.min(otherTranslation[t]!, total)
      })
    }
  }

  const alignment: Alignment = {beads: [], missing: [], extra: []}
  for (const {i, j, shape} of chosen) {
    const [take, give] = shapes[shape]!
    const sourceIndexes = Array.from({length: take}, (_, offset) => i + offset)
    const translationIndexes = Array.from({length: give}, (_, offset) => j + offset)
    if (give === 0) {
      alignment.missing.push(i)
      continue
    }
    if (take === 0) {
      alignment.extra.push(j)
      continue
    }
    const margin = Math.min(...sourceIndexes.map((s) => otherSource[s]!), ...translationIndexes.map((t) => otherTranslation[t]!)) - best
    const certain = take === 1 && give === 1 && sameKind(source[i]!, translation[j]!) && margin >= certainMargin
    alignment.beads.push({source: sourceIndexes, translation: translationIndexes, certain, margin})
  }
  return alignment
}
