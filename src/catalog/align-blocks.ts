/**
 * The blocks of a document as the aligner sees them: each translatable
 * block's kind, heading depth and text (its msgid, or the translation to put
 * in one), with its file and line for messages.
 */
import type {Heading, Root} from 'mdast'
import type {VFile} from 'vfile'
import {collectDefinitions} from '../segments/inline-markdown.js'
import {blockSegments, segmentText} from '../segments/segment.js'
import type {AlignBlock} from './align.js'

export interface LocatedBlock extends AlignBlock {
  file: VFile
  line: number
}

/** The translatable blocks of some trees (a document's chapters), with their kinds, texts and places. */
export function blocksOf(chapters: Array<{tree: Root; file: VFile}>): LocatedBlock[] {
  return chapters.flatMap(({tree, file}) => {
    const definitions = collectDefinitions(tree)
    return blockSegments([tree])
      .map((segment) => ({
        kind: segment.kind,
        depth: segment.kind === 'heading' && segment.target.type === 'inline' ? (segment.target.node as Heading).depth : undefined,
        text: segmentText(segment, definitions),
        file,
        line: segment.line
      }))
      .filter((block) => block.text !== '')
  })
}

/**
 * Give the translation's headings the depths of the source's. Each side's
 * top heading became level 2 when it was parsed; a translation that lacks the
 * source's `#` title (or adds one) would have every heading a level off, so
 * its depths shift by whatever makes the most headings agree.
 */
export function matchHeadingDepths(source: AlignBlock[], translation: AlignBlock[]): void {
  const histogram = (blocks: AlignBlock[]) => {
    const counts = new Map<number, number>()
    for (const block of blocks) if (block.depth !== undefined) counts.set(block.depth, (counts.get(block.depth) ?? 0) + 1)
    return counts
  }
  const wanted = histogram(source)
  const found = histogram(translation)
  let best = {shift: 0, agree: -1}
  for (const shift of [0, 1, -1, 2, -2, 3, -3, 4, -4]) {
    let agree = 0
    for (const [depth, count] of found) agree += Math.min(count, wanted.get(depth + shift) ?? 0)
    if (agree > best.agree) best = {shift, agree}
  }
  for (const block of translation) if (block.depth !== undefined) block.depth += best.shift
}
