/**
 * merge-pool: PO files parsed and merged (examine.ts) in worker threads, one
 * per core but the one the main thread needs, at least one; when every
 * worker has work in hand the main thread takes a job too. Parsing a PO
 * file is most of the work of status and sync on files the results cache
 * does not know (24,000 of them cold: most of a minute on one core), and it
 * needs nothing but the file's text and its document's segments; the main
 * thread meanwhile reads and hashes the next files and writes the report.
 * Results come back as structured clones: plain strings, which, unlike
 * substrings of a parsed file, hold no 100 kB file text alive each.
 *
 * As in parse-ahead.ts, the worker is this same module run with its role;
 * the segments of every document are given once, when it starts. A job that
 * no worker can take (none could start, as under the TypeScript loader of
 * the tests of `src/`, or one died) is examined in place, and a small run
 * (a few files) never starts a worker at all.
 */
import os from 'node:os'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import createDebug from 'debug'
import type {SourceSegment} from '../segments/extract.js'
import {type Examined, examineCatalog, type ExamineJob} from './examine.js'

const debug = createDebug('policy-press:merge-pool')

const role = 'policy-press merge-pool'

interface Request {
  id: number
  document: number
  job: ExamineJob
}

type Reply = {id: number; examined: Examined} | {id: number; error: string}

if (!isMainThread && (workerData as {role?: unknown} | null)?.role === role) {
  const documents = (workerData as {documents: SourceSegment[][]}).documents
  const port = parentPort!
  port.on('message', (batch: Request[]) => {
    port.postMessage(
      batch.map(({id, document, job}): Reply => {
        try {
          return {id, examined: examineCatalog(job, documents[document]!)}
        } catch (error) {
          return {id, error: error instanceof Error ? error.message : String(error)}
        }
      })
    )
  })
}

export interface MergePool {
  /** Examine a PO file of the document at `document` (its index in the list the pool was made with). */
  examine(document: number, job: ExamineJob): Promise<Examined>
  close(): Promise<void>
}

export interface MergePoolOptions {
  /** Worker threads (default: the cores but one, at least one). */
  size?: number | undefined
  /** Jobs examined in place before workers start, so that a small run starts none (default: 16). */
  inPlace?: number | undefined
}

/** Jobs sent to a worker at once: one message per file would cost more than many a merge. */
const batchSize = 8

export function mergePool(documents: SourceSegment[][], options: MergePoolOptions = {}): MergePool {
  const size = Math.max(1, options.size ?? os.availableParallelism() - 1)
  let inPlace = options.inPlace ?? 16
  // A worker runs JavaScript: modules compiled from TypeScript, not their sources.
  const canStart = import.meta.url.endsWith('.js')
  const pending = new Map<number, {request: Request; resolve: (examined: Examined) => void; reject: (error: Error) => void}>()
  const queue: Request[] = []
  const workers: Array<{worker: Worker; busy: Set<number>}> = []
  let started = false
  let next = 0
  let examined = 0

  const inPlaceReply = (request: Request): Examined => {
    const examined = examineCatalog(request.job, documents[request.document]!)
    // Every segment is kept until the report is written: copied, as from a worker, its strings no longer hold the file's whole text alive.
    return request.job.all ? structuredClone(examined) : examined
  }
  const settle = (id: number, result: (request: Request) => Examined) => {
    const entry = pending.get(id)
    if (!entry) return
    pending.delete(id)
    try {
      entry.resolve(result(entry.request))
    } catch (error) {
      entry.reject(error as Error)
    }
  }
  const feed = () => {
    for (const slot of workers) {
      // Two batches each in flight: the worker never waits for the main thread to send more.
      while (slot.busy.size < 2 * batchSize && queue.length > 0) {
        const batch = queue.splice(0, batchSize)
        for (const request of batch) slot.busy.add(request.id)
        slot.worker.postMessage(batch)
      }
    }
    // No worker left: whatever is queued is examined in place.
    if (workers.length === 0) for (const request of queue.splice(0)) settle(request.id, inPlaceReply)
  }
  const start = () => {
    started = true
    for (let index = 0; index < size; index++) {
      let worker: Worker
      try {
        worker = new Worker(new URL(import.meta.url), {workerData: {role, documents}})
      } catch (error) {
        debug('cannot start a worker: %s', (error as Error).message)
        continue
      }
      worker.unref()
      const slot = {worker, busy: new Set<number>()}
      workers.push(slot)
      worker.on('message', (replies: Reply[]) => {
        for (const reply of replies) {
          slot.busy.delete(reply.id)
          examined++
          // A job the worker failed on is examined in place, where its error shows as it would without workers.
          settle(reply.id, (request) => ('examined' in reply ? reply.examined : inPlaceReply(request)))
        }
        feed()
      })
      const gone = (reason: string) => {
        const at = workers.indexOf(slot)
        if (at === -1) return
        workers.splice(at, 1)
        debug('a worker stopped (%s) with %d jobs: examined in place', reason, slot.busy.size)
        for (const id of slot.busy) {
          const entry = pending.get(id)
          if (entry) queue.unshift(entry.request)
        }
        slot.busy.clear()
        feed()
      }
      worker.on('error', (error) => gone(error.message))
      worker.on('exit', (code) => gone(`exit code ${code}`))
    }
    debug('%d workers started', workers.length)
  }

  return {
    examine(document, job) {
      const request = {id: next++, document, job}
      if (inPlace > 0 || !canStart) {
        inPlace--
        try {
          return Promise.resolve(inPlaceReply(request))
        } catch (error) {
          return Promise.reject(error as Error)
        }
      }
      if (!started) start()
      const promise = new Promise<Examined>((resolve, reject) => {
        pending.set(request.id, {request, resolve, reject})
      })
      queue.push(request)
      feed()
      // Every worker has work in hand: the main thread takes the next job itself, so that all the cores work.
      const own = queue.shift()
      if (own) settle(own.id, inPlaceReply)
      return promise
    },
    async close() {
      debug('%d files examined in workers', examined)
      const all = workers.splice(0)
      await Promise.all(all.map(({worker}) => worker.terminate()))
    }
  }
}
