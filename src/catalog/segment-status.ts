/**
 * A catalog's segments as status reports them, from its merge with the
 * source: pure, so that a fresh merge and the results cache give the same.
 */
import {needsAlignmentCheck} from './alignment-mark.js'
import type {MergedEntry, SegmentState} from './merge.js'
import type {CatalogCounts, OpenSegment} from './results-cache.js'

/**
 * A segment's state as status reports it: the catalog's, plus `check
 * alignment` for a translation that `import` paired with its block in doubt
 * (fuzzy like a stale one, but its source never changed).
 */
export type StatusState = SegmentState | 'check alignment'

/** A segment without its word diff (made when it is reported: only stale segments have one). */
export interface PlainSegmentStatus {
  state: StatusState
  location: string
  source: string
  previousSource?: string
  translation?: string
}

export function segmentStatuses(merged: MergedEntry[]): PlainSegmentStatus[] {
  return merged.map(({entry, state: mergedState}) => {
    const state: StatusState = mergedState === 'stale' && needsAlignmentCheck(entry) ? 'check alignment' : mergedState
    const segment: PlainSegmentStatus = {state, location: entry.references[0] ?? '', source: entry.msgid}
    if (state === 'stale' && entry.previous !== undefined) segment.previousSource = entry.previous
    if (entry.msgstr !== '') segment.translation = entry.msgstr
    return segment
  })
}

export function countStates(segments: PlainSegmentStatus[]): CatalogCounts {
  const count = (state: StatusState) => segments.filter((segment) => segment.state === state).length
  return {total: segments.length, current: count('current'), stale: count('stale'), missing: count('missing'), machine: count('machine'), checkAlignment: count('check alignment')}
}

/** The segments a report shows in detail by default: those that are not current. */
export function openSegments(segments: PlainSegmentStatus[]): OpenSegment[] {
  return segments.filter((segment): segment is OpenSegment => segment.state !== 'current')
}
