/**
 * The state of a translation in XLIFF, both ways, as the specifications say
 * and as CAT tools read it (README, "XLIFF states").
 *
 * XLIFF 1.2 says a translation is approved with `approved="yes"` on the
 * trans-unit; translate-toolkit (Weblate, Pootle) counts every unit without
 * it as needing work, whatever its `state`. So a reviewed entry goes out
 * approved (`state="final"`), a stale one or a machine draft unapproved for
 * review (`needs-review-translation`; the draft qualified `mt-suggestion`),
 * a missing one as `needs-translation`. XLIFF 2.0 has no approval: its
 * segment `state` is `initial`, `translated`, `reviewed` or `final`, and
 * `subState` (`prefix:value`) says why, here `policy-press:stale` or
 * `policy-press:machine`.
 *
 * Back in, only what a reviewer confirmed becomes a reviewed entry: 1.2
 * `approved="yes"` whatever the state, or without `approved` a `final` or
 * `signed-off` state; 2.0 `reviewed` or `final`. Anything else is a draft
 * (fuzzy).
 */
import type {SegmentState} from '../catalog/merge.js'

export interface Xliff12State {
  approved: boolean
  state: string
  qualifier?: string | undefined
}

export interface Xliff20State {
  state: 'initial' | 'translated' | 'reviewed' | 'final'
  subState?: string | undefined
}

const xliff12: Record<SegmentState, Xliff12State> = {
  current: {approved: true, state: 'final'},
  stale: {approved: false, state: 'needs-review-translation'},
  machine: {approved: false, state: 'needs-review-translation', qualifier: 'mt-suggestion'},
  missing: {approved: false, state: 'needs-translation'}
}

const xliff20: Record<SegmentState, Xliff20State> = {
  current: {state: 'final'},
  stale: {state: 'translated', subState: 'policy-press:stale'},
  machine: {state: 'initial', subState: 'policy-press:machine'},
  missing: {state: 'initial'}
}

export const exportState12 = (state: SegmentState): Xliff12State => xliff12[state]
export const exportState20 = (state: SegmentState): Xliff20State => xliff20[state]

/** Whether an imported 1.2 unit was confirmed by a reviewer. */
export function confirmed12(approved: string | undefined, state: string | undefined): boolean {
  if (approved !== undefined) return approved === 'yes'
  return state === 'final' || state === 'signed-off'
}

/** Whether an imported 2.0 segment was confirmed by a reviewer. */
export function confirmed20(state: string | undefined): boolean {
  return state === 'reviewed' || state === 'final'
}
