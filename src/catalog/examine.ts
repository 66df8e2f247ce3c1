/**
 * examine: one PO file's text against its document's segments, parsed and
 * merged in memory: what status reports of it and, for sync, the text sync
 * writes. Pure and given plain data, so that it runs the same in a worker
 * thread (merge-pool.ts) as in place; its messages come back as data.
 */
import {VFile} from 'vfile'
import type {Point, Position} from 'unist'
import type {SourceSegment} from '../segments/extract.js'
import {mergeWithSource} from './load.js'
import {parseCatalog} from './po.js'
import {serializeCatalog} from './po-format.js'
import type {CatalogCounts, OpenSegment} from './results-cache.js'
import {countStates, openSegments, type PlainSegmentStatus, segmentStatuses} from './segment-status.js'

export interface ExamineJob {
  lang: string
  slug: string
  /** The PO file's text; `undefined` when there is none yet. */
  text: string | undefined
  /** The project's source language (the header sync writes names it). */
  source: string
  /** Whether to give every segment, not only those that are not current. */
  all: boolean
  /** Whether to give the text sync writes. */
  serialize: boolean
}

export interface ExaminedMessage {
  reason: string
  place: Point | Position | undefined
  ruleId: string | undefined
  fatal: boolean | undefined
}

export interface Examined {
  messages: ExaminedMessage[]
  /** `undefined` for a file that is broken or too new: it must be left alone. */
  outcome:
    | {
        counts: CatalogCounts
        open: OpenSegment[]
        segments: PlainSegmentStatus[] | undefined
        /** The file as sync writes it (sync dates no translation, as msgmerge). */
        text: string | undefined
      }
    | undefined
}

export function examineCatalog(job: ExamineJob, segments: SourceSegment[]): Examined {
  const file = new VFile()
  const old = job.text === undefined ? undefined : parseCatalog(job.text, file)
  const merge = old === undefined && job.text !== undefined ? undefined : mergeWithSource(job.source, job.lang, job.slug, old, segments, file)
  const messages = file.messages.map((message) => ({reason: message.reason, place: message.place ?? undefined, ruleId: message.ruleId ?? undefined, fatal: message.fatal ?? undefined}))
  if (!merge) return {messages, outcome: undefined}
  const statuses = segmentStatuses(merge.merged)
  return {
    messages,
    outcome: {
      counts: countStates(statuses),
      open: openSegments(statuses),
      segments: job.all ? statuses : undefined,
      text: job.serialize ? serializeCatalog(merge.catalog) : undefined
    }
  }
}

/** Put the messages of an examination on the PO file's own VFile. */
export function replayMessages(file: VFile, messages: ExaminedMessage[]): void {
  for (const {reason, place, ruleId, fatal} of messages) {
    file.message(reason, {place, ruleId, source: 'policy-press'}).fatal = fatal
  }
}
