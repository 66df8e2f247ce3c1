/**
 * Align the blocks of a translated document with those of its source, as a
 * sequence alignment (Needleman–Wunsch): blocks pair by kind and order, with
 * what both languages share (numbers, URLs, footnote ids, inline code) and
 * similar length as evidence. A missing or extra paragraph costs one gap; it
 * does not shift everything after it, as a block-by-block walk would.
 */
import {words} from './similarity.js'

export interface AlignBlock {
  kind: string
  /** Heading depth, for headings. */
  depth?: number | undefined
  text: string
}

export interface AlignedPair {
  source: number
  translation: number
  /** `false` when the pairing rests on order alone or the blocks differ in kind or length. */
  certain: boolean
}

export interface Alignment {
  pairs: AlignedPair[]
  /** Source blocks with no counterpart. */
  missing: number[]
  /** Translation blocks with no counterpart. */
  extra: number[]
}

const gap = -1.2

/** What a translation keeps verbatim: numbers, URLs, footnote ids, inline code. */
export function anchorsOf(text: string): string[] {
  return [
    ...(text.match(/\]\(([^)\s]+)/g) ?? []),
    ...(text.match(/\[\^[^\]]+\]/g) ?? []),
    ...(text.match(/`[^`]+`/g) ?? []),
    ...(text.match(/\d+(?:[.,]\d+)*/g) ?? [])
  ]
}

function overlap(a: string[], b: string[]): number | undefined {
  if (a.length === 0 && b.length === 0) return undefined
  const rest = [...b]
  let shared = 0
  for (const item of a) {
    const at = rest.indexOf(item)
    if (at !== -1) {
      shared++
      rest.splice(at, 1)
    }
  }
  return (2 * shared) / (a.length + b.length)
}

function lengthRatio(a: string, b: string): number {
  const left = Math.max(1, words(a).length)
  const right = Math.max(1, words(b).length)
  return Math.min(left, right) / Math.max(left, right)
}

function score(source: AlignBlock, translation: AlignBlock): {value: number; certain: boolean} {
  const sameKind = source.kind === translation.kind && source.depth === translation.depth
  const anchors = overlap(anchorsOf(source.text), anchorsOf(translation.text))
  const ratio = lengthRatio(source.text, translation.text)
  let value = sameKind ? 2 : -2
  if (anchors !== undefined) value += 2 * anchors - 1
  value += ratio < 0.3 ? -1.5 : ratio < 0.5 ? -0.5 : 0.5
  const certain = sameKind && (anchors === undefined ? ratio >= 0.5 : anchors >= 0.5) && ratio >= 0.3
  return {value, certain}
}

export function align(source: AlignBlock[], translation: AlignBlock[]): Alignment {
  const rows = source.length
  const columns = translation.length
  const table: Float64Array[] = Array.from({length: rows + 1}, () => new Float64Array(columns + 1))
  for (let i = 1; i <= rows; i++) table[i]![0] = i * gap
  for (let j = 1; j <= columns; j++) table[0]![j] = j * gap
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= columns; j++) {
      table[i]![j] = Math.max(
        table[i - 1]![j - 1]! + score(source[i - 1]!, translation[j - 1]!).value,
        table[i - 1]![j]! + gap,
        table[i]![j - 1]! + gap
      )
    }
  }
  const pairs: AlignedPair[] = []
  const missing: number[] = []
  const extra: number[] = []
  let i = rows
  let j = columns
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const {value, certain} = score(source[i - 1]!, translation[j - 1]!)
      if (Math.abs(table[i]![j]! - (table[i - 1]![j - 1]! + value)) < 1e-9) {
        pairs.push({source: i - 1, translation: j - 1, certain})
        i--
        j--
        continue
      }
    }
    if (i > 0 && Math.abs(table[i]![j]! - (table[i - 1]![j]! + gap)) < 1e-9) {
      missing.push(--i)
    } else {
      extra.push(--j)
    }
  }
  return {pairs: pairs.reverse(), missing: missing.reverse(), extra: extra.reverse()}
}
