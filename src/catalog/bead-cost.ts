/**
 * What a bead of the alignment costs, in nats (−log probability, as in Gale
 * and Church 1993): the prior of its shape, the kinds of block it pairs, the
 * translated length given the source length (length-model.ts; capped, so it
 * only decides between alternatives) and how well the inline skeletons agree
 * (skeleton.ts). Costs of translations that keep their source's skeleton may
 * be negative: shared link targets or a shared bold lead word are evidence
 * for the pair, not merely the absence of evidence against it.
 */
import {type LengthModel, lengthCost} from './length-model.js'
import {joinSkeletons, type Skeleton, skeletonOf} from './skeleton.js'

export interface AlignBlock {
  kind: string
  /** Heading depth, for headings. */
  depth?: number | undefined
  text: string
  /** Computed from `text` when not given. */
  skeleton?: Skeleton | undefined
}

/** Bead shapes: source blocks taken, translation blocks taken, and the prior cost of the shape. */
export const shapes: ReadonlyArray<readonly [take: number, give: number, prior: number]> = [
  [1, 1, 0],
  [1, 0, 7],
  [0, 1, 7],
  [2, 1, 7],
  [1, 2, 7]
]
/** Length may cost at most this much per bead: a translation far longer than expected is still more likely its block's. */
const lengthCap = 4
/** Pairing blocks of different kinds costs about as much as a gap: either could be right. */
const kindCost = 8
const depthCost = 3
/** Kinds whose blocks a translation seldom joins or splits: a table keeps its cells, a list its items, a heading stays one. */
const unsplittable = new Set(['heading', 'table cell', 'list item'])
const splitCost = 5

/** How many items the two multisets share, and how many are in one only. */
function shared(a: string[], b: string[]): [shared: number, unshared: number] {
  if (a.length === 0 || b.length === 0) return [0, a.length + b.length]
  const rest = [...b]
  let count = 0
  for (const item of a) {
    const at = rest.indexOf(item)
    if (at !== -1) {
      count++
      rest.splice(at, 1)
    }
  }
  return [count, a.length + b.length - 2 * count]
}

/** Plain prose: most blocks. */
const isBare = (skeleton: Skeleton) => skeleton.lead === undefined && skeleton.marks.length === 0 && skeleton.anchors.length === 0 && skeleton.numbers.length === 0

/** Agreement of two skeletons as a cost: negative when they share what translations keep, positive when they differ. */
export function skeletonCost(a: Skeleton, b: Skeleton): number {
  if (isBare(a) && isBare(b)) return 0
  const [marksShared, marksUnshared] = shared(a.marks, b.marks)
  const [anchorsShared, anchorsUnshared] = shared(a.anchors, b.anchors)
  const [numbersShared, numbersUnshared] = shared(a.numbers, b.numbers)
  let cost = 0.75 * marksUnshared - 0.25 * marksShared + 2 * anchorsUnshared - 1.5 * anchorsShared + numbersUnshared - numbersShared
  // A block that opens with a bold lead word translates to one that does.
  if (a.lead !== b.lead) cost += 5
  else if (a.lead !== undefined) cost -= 2
  return cost
}

export const kindOf = (block: AlignBlock): string => (block.depth === undefined ? block.kind : `${block.kind}:${block.depth}`)

/** The cost of the bead of `shape` that starts after `i` source and `j` translation blocks. */
export function beadCosts(source: AlignBlock[], translation: AlignBlock[], model: LengthModel): (i: number, j: number, shape: number) => number {
  const side = (blocks: AlignBlock[]) => {
    const skeletons = blocks.map((block) => block.skeleton ?? skeletonOf(block.text))
    return {blocks, kinds: blocks.map(kindOf), skeletons, pairs: skeletons.slice(1).map((skeleton, index) => joinSkeletons([skeletons[index]!, skeleton]))}
  }
  const from = side(source)
  const to = side(translation)
  return (i, j, shape) => {
    const [take, give, prior] = shapes[shape]!
    if (take === 0 || give === 0) return prior
    let cost = prior
    if (take === 1 && give === 1) {
      if (from.kinds[i] !== to.kinds[j]) cost += from.blocks[i]!.kind === to.blocks[j]!.kind ? depthCost : kindCost
    } else {
      const blocks = [...from.blocks.slice(i, i + take), ...to.blocks.slice(j, j + give)]
      const kinds = blocks.map(kindOf)
      if (kinds.some((kind) => kind !== kinds[0])) cost += blocks.every((block) => block.kind === blocks[0]!.kind) ? depthCost : kindCost
      if (unsplittable.has(blocks[0]!.kind)) cost += splitCost
    }
    const a = take === 1 ? from.skeletons[i]! : from.pairs[i]!
    const b = give === 1 ? to.skeletons[j]! : to.pairs[j]!
    return cost + lengthCost(model, a.length, b.length, lengthCap) + skeletonCost(a, b)
  }
}
