/**
 * Merge a catalog with the current source: the heart of `sync` and of
 * `status`, which runs it in memory so it is right even when nobody ran sync.
 *
 * - A text found in the old catalog (active or obsolete) keeps its
 *   translation and state, wherever it moved to.
 * - A changed text is paired with an old entry by position and similarity
 *   together: exact matches that keep their order are anchors, and a changed
 *   text can only pair with an old entry between the same two anchors, and
 *   only if the two are similar enough. Similar text elsewhere in the
 *   document is never taken (msgmerge's "String" → "Storing Books").
 * - A paragraph split in two gives each part the old translation to trim; two
 *   paragraphs merged into one get both translations, joined. Both are stale.
 * - Old entries left over become obsolete (`#~`), so a translation comes
 *   back if its text is restored.
 */
import type {SourceSegment} from '../segments/extract.js'
import type {Catalog, CatalogEntry} from './po.js'
import {containment, dice, words} from './similarity.js'

export type SegmentState = 'current' | 'stale' | 'missing' | 'machine'

export interface MergedEntry {
  entry: CatalogEntry
  state: SegmentState
}

export interface MergeResult {
  catalog: Catalog
  /** One per source segment, in order. */
  merged: MergedEntry[]
}

/** How alike a changed text and an old one must be to be paired (Dice over words). */
const pairThreshold = 0.5
/** How much of a part must be found in the whole to count as split from it, or merged into it. */
const partThreshold = 0.8
/** Parts shorter than this (a table cell's "2025") are too common to say where they came from. */
const minimumPartWords = 3

/** The translator comment a machine draft carries: "machine translation: DeepL, 2026-11-23". */
export const machineComment = /^machine translation: /m

export function stateOf(entry: CatalogEntry): SegmentState {
  if (entry.msgstr === '') return 'missing'
  if (!entry.fuzzy) return 'current'
  // A machine draft whose source changed since is stale like any other translation.
  return machineComment.test(entry.translator) && entry.previous === undefined ? 'machine' : 'stale'
}

function fresh(segment: SourceSegment): CatalogEntry {
  return {msgid: segment.msgid, msgstr: '', fuzzy: false, previous: undefined, references: segment.references, extracted: segment.comment, translator: '', flags: [], line: 0}
}

/** The longest chain of exact matches that keeps the order of both sides: the anchors. */
function anchors(newIndex: Map<number, number>): Array<[number, number]> {
  // newIndex: position in new → position in old, for exact matches. Longest increasing subsequence over old positions.
  const pairs = [...newIndex.entries()].sort((a, b) => a[0] - b[0])
  const tails: number[] = []
  const previous: number[] = new Array(pairs.length).fill(-1)
  for (let index = 0; index < pairs.length; index++) {
    const value = pairs[index]![1]
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (pairs[tails[middle]!]![1] < value) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  }
  const chain: Array<[number, number]> = []
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) chain.push(pairs[index]!)
  return chain.reverse()
}

/** Pair changed texts with old entries inside one gap between anchors, keeping order (best total similarity). */
function pairInGap(news: number[], olds: number[], similarity: (n: number, o: number) => number): Array<[number, number]> {
  const rows = news.length
  const columns = olds.length
  const score: number[][] = Array.from({length: rows + 1}, () => new Array(columns + 1).fill(0))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const value = similarity(news[i]!, olds[j]!)
      const take = value >= pairThreshold ? value + score[i + 1]![j + 1]! : -Infinity
      score[i]![j] = Math.max(take, score[i + 1]![j]!, score[i]![j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < rows && j < columns) {
    const value = similarity(news[i]!, olds[j]!)
    if (value >= pairThreshold && score[i]![j] === value + score[i + 1]![j + 1]!) {
      pairs.push([news[i]!, olds[j]!])
      i++
      j++
    } else if (score[i]![j] === score[i + 1]![j]) i++
    else j++
  }
  return pairs
}

export function mergeCatalog(old: Catalog | undefined, segments: SourceSegment[], headers: Record<string, string>): MergeResult {
  const oldEntries = old?.entries ?? []
  const oldObsolete = old?.obsolete ?? []
  const byText = new Map<string, {entry: CatalogEntry; position: number | undefined}>()
  oldObsolete.forEach((entry) => byText.set(entry.msgid, {entry, position: undefined}))
  oldEntries.forEach((entry, position) => byText.set(entry.msgid, {entry, position}))

  const result: Array<CatalogEntry | undefined> = new Array(segments.length).fill(undefined)
  const used = new Set<CatalogEntry>()
  const exact = new Map<number, number>()

  // 1. Same text: keep translation and state, wherever it moved.
  segments.forEach((segment, index) => {
    const found = byText.get(segment.msgid)
    if (!found) return
    result[index] = {...found.entry, references: segment.references, extracted: segment.comment}
    used.add(found.entry)
    if (found.position !== undefined) exact.set(index, found.position)
  })

  // 2. Changed text: pair within the gaps between anchors, by similarity.
  const chain = [[-1, -1] as [number, number], ...anchors(exact), [segments.length, oldEntries.length] as [number, number]]
  const tokens = new Map<string, string[]>()
  const tokenize = (text: string) => {
    let list = tokens.get(text)
    if (!list) tokens.set(text, (list = words(text)))
    return list
  }
  for (let gap = 0; gap + 1 < chain.length; gap++) {
    const [newStart, oldStart] = chain[gap]!
    const [newEnd, oldEnd] = chain[gap + 1]!
    const news: number[] = []
    for (let n = newStart + 1; n < newEnd; n++) if (!result[n]) news.push(n)
    const olds: number[] = []
    for (let o = oldStart + 1; o < oldEnd; o++) if (!used.has(oldEntries[o]!) && oldEntries[o]!.msgstr !== '') olds.push(o)
    if (news.length === 0 || olds.length === 0) continue
    const similarity = (n: number, o: number) => dice(tokenize(segments[n]!.msgid), tokenize(oldEntries[o]!.msgid))

    const pairedWith = new Map<number, number>()
    for (const [n, o] of pairInGap(news, olds, similarity)) {
      pairedWith.set(n, o)
      used.add(oldEntries[o]!)
    }
    const inside = (part: string, whole: string) => {
      const partWords = tokenize(part)
      return partWords.length >= minimumPartWords && containment(partWords, tokenize(whole)) >= partThreshold
    }
    for (const n of news) {
      const own = pairedWith.get(n)
      // Old texts wholly inside this new one were merged into it.
      const parts = olds.filter((o) => o !== own && !used.has(oldEntries[o]!) && inside(oldEntries[o]!.msgid, segments[n]!.msgid))
      const sources = own === undefined ? parts : [own, ...parts].sort((a, b) => a - b)
      if (sources.length > 0) {
        result[n] = staleFrom(segments[n]!, sources.map((o) => oldEntries[o]!))
        for (const o of sources) used.add(oldEntries[o]!)
        continue
      }
      // This new text is part of an old one that was split: its words are in the old text, or
      // together with a neighbour that took the old text they are closer to it than the neighbour alone.
      const whole =
        olds.find((o) => inside(segments[n]!.msgid, oldEntries[o]!.msgid)) ??
        [n - 1, n + 1]
          .filter((neighbour) => pairedWith.has(neighbour))
          .map((neighbour) => ({neighbour, o: pairedWith.get(neighbour)!}))
          .find(({neighbour, o}) => {
            const old = tokenize(oldEntries[o]!.msgid)
            const joined = neighbour < n ? [...tokenize(segments[neighbour]!.msgid), ...tokenize(segments[n]!.msgid)] : [...tokenize(segments[n]!.msgid), ...tokenize(segments[neighbour]!.msgid)]
            return dice(joined, old) > dice(tokenize(segments[neighbour]!.msgid), old)
          })?.o
      if (whole !== undefined) {
        result[n] = staleFrom(segments[n]!, [oldEntries[whole]!])
        used.add(oldEntries[whole]!)
      }
    }
  }

  const entries = segments.map((segment, index) => result[index] ?? fresh(segment))
  const current = new Set(entries.map((entry) => entry.msgid))
  // 3. Whatever is left, and was translated, is kept as obsolete.
  const obsolete = [...oldObsolete, ...oldEntries.filter((entry) => !used.has(entry))]
    .filter((entry) => entry.msgstr !== '' && !current.has(entry.msgid))
    .filter((entry, index, all) => all.findIndex((other) => other.msgid === entry.msgid) === index)
    .map((entry) => ({...entry, references: [], extracted: '', previous: undefined, fuzzy: false, flags: [], translator: '', line: 0}))

  return {
    catalog: {headers: {...old?.headers, ...headers}, entries, obsolete},
    merged: entries.map((entry) => ({entry, state: stateOf(entry)}))
  }
}

/** A stale entry for `segment` carrying the translation of `sources` (one, or several merged). */
function staleFrom(segment: SourceSegment, sources: CatalogEntry[]): CatalogEntry {
  // A translation that was already stale was made from its previous text, not its current one.
  const previous = sources.map((source) => source.previous ?? source.msgid).join(' ')
  // Current paragraphs joined without a change of words: the joined translations are current too.
  const unchanged = previous === segment.msgid && sources.every((source) => !source.fuzzy)
  return {
    msgid: segment.msgid,
    msgstr: sources.map((source) => source.msgstr).join(' '),
    fuzzy: !unchanged,
    previous: unchanged ? undefined : previous,
    references: segment.references,
    extracted: segment.comment,
    translator: sources.map((source) => source.translator).filter(Boolean).join('\n'),
    flags: [...new Set(sources.flatMap((source) => source.flags))],
    line: 0
  }
}
