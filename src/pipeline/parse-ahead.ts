/**
 * parse-ahead: the documents' Markdown parsed in a worker thread, in the
 * order the build reaches them, so that the main thread gets each tree
 * ready when it comes to that document; and the time budget of each parse.
 *
 * Parsing (micromark with GFM) is most of the main thread's work on a
 * document, and it does not yield: while it runs, the main thread answers
 * neither the browser starting up nor the pages that wait for their next
 * document. In the worker it runs beside them, on another core. A tree
 * comes back as a structured clone, which costs a few percent of parsing it.
 *
 * The parser's time grows faster than its input for some texts (thousands
 * of nested emphasis delimiters take minutes), and a synchronous parse
 * cannot be interrupted from the thread it runs on; a worker can be ended
 * from outside. So a document the worker has worked on for longer than the
 * budget is an error at its first line, the worker is ended, and a new one
 * goes on with the rest. A worker that dies on a document (out of memory,
 * say) does the same for it. Nothing waits on a worker that is gone.
 *
 * The worker is given two files at a time (one to parse, the next waiting,
 * so it never waits for the main thread between them), so a file asked for
 * out of turn (`later`: a document the build does not make, needed for the
 * anchors a link points at) comes soon, not after every file queued.
 *
 * Whatever the worker cannot give is parsed in place, as before: a document
 * a link needs when no worker is running, every file when no worker can
 * start (as under a TypeScript loader in the tests of `src/`, whose modules
 * a worker cannot load).
 */
import type {Root} from 'mdast'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import createDebug from 'debug'
import type {VFile} from 'vfile'
import type {Refusal} from '../markdown/parser.js'

const debug = createDebug('policy-press:parse')

/** What this module is told it is when it runs as the worker. */
const role = 'policy-press parse-ahead'

interface Request {
  id: number
  text: string
}

type Reply = {ready: true} | {id: number; tree: Root} | {id: number; refused: Refusal} | {id: number; error: string}

// The worker is this same module, run with its role: it parses each text it is sent, in order.
if (!isMainThread && (workerData as {role?: unknown} | null)?.role === role) {
  const {parseOrRefuse} = await import('../markdown/parser.js')
  const port = parentPort!
  port.on('message', ({id, text}: Request) => {
    let reply: Reply
    try {
      const parsed = parseOrRefuse(text)
      reply = 'tree' in parsed ? {id, tree: parsed.tree} : {id, refused: parsed.refused}
    } catch (error) {
      reply = {id, error: error instanceof Error ? error.message : String(error)}
    }
    port.postMessage(reply)
  })
  // Ready: from now on a death is the fault of the document being parsed.
  port.postMessage({ready: true} satisfies Reply)
}

export interface ParseAhead {
  /** Wait until the worker is done with each of `files` (parsed, refused, failed, or never sent). */
  wait(files: VFile[]): Promise<void>
  /** Take the trees of those of `files` that the worker has parsed so far. */
  take(files: VFile[]): Map<VFile, Root>
  /** Stop the worker (when the build is done). */
  close(): Promise<void>
}

export interface ParseAheadOptions {
  /** Longest time the worker may spend on one file, in milliseconds (default: 60 000). */
  budget?: number | undefined
  /** Largest heap of the worker, in megabytes; a worker that needs more dies, and its document is reported (default: Node's). */
  memory?: number | undefined
  /** Files parsed only when waited for, before any file still queued (default: none). */
  later?: VFile[] | undefined
}

interface Pending {
  id: number
  file: VFile
  resolve: () => void
  /** Given to the worker there is now. */
  sent: boolean
}

/** Files the worker has at once. */
const inFlight = 2

/** Start parsing `files` (every readable one, in this order) in a worker thread. */
export function parseAhead(files: VFile[], options: ParseAheadOptions = {}): ParseAhead {
  const budget = options.budget ?? 60_000
  const trees = new Map<VFile, Root>()
  const done = new Map<VFile, Promise<void>>()
  const isReadable = (file: VFile) => !file.messages.some((message) => message.fatal)
  const readable = files.filter(isReadable)
  const deferred = new Set((options.later ?? []).filter(isReadable))
  const take = (wanted: VFile[]) => {
    const taken = new Map<VFile, Root>()
    for (const file of wanted) {
      const tree = trees.get(file)
      if (tree) taken.set(file, tree)
      trees.delete(file)
    }
    return taken
  }
  // A worker runs JavaScript: modules compiled from TypeScript, not their sources.
  if ((readable.length === 0 && deferred.size === 0) || !import.meta.url.endsWith('.js')) return {wait: async () => undefined, take, close: async () => undefined}

  let ids = 0
  const pending = (file: VFile): Pending => {
    let resolve!: () => void
    done.set(file, new Promise((settle) => (resolve = settle)))
    return {id: ids++, file, resolve, sent: false}
  }
  /** Files for the worker not answered yet, in the order it parses them; the first ones are those it has. */
  const queue: Pending[] = readable.map(pending)
  let worker: Worker | undefined
  let ready = false
  /** No worker could start, or one died before it was ready: no file is the cause, so none is sent again. */
  let broken = false
  let timer: NodeJS.Timeout | undefined
  let closed = false
  let parsed = 0
  const send = () => {
    for (const pending of queue.slice(0, inFlight)) {
      if (!worker || pending.sent) continue
      worker.postMessage({id: pending.id, text: String(pending.file.value)} satisfies Request)
      pending.sent = true
    }
  }
  const fail = (pending: Pending, refusal: Refusal) => {
    const message = pending.file.message(refusal.reason, {place: refusal.place, ruleId: refusal.ruleId, source: 'policy-press'})
    message.fatal = true
    pending.resolve()
  }
  // The budget of the file at the head of the queue runs from when the worker starts on it.
  const arm = () => {
    clearTimeout(timer)
    timer = undefined
    if (closed || !ready || queue.length === 0) return
    timer = setTimeout(() => {
      const head = queue.shift()!
      debug('%s: no tree after %d ms', head.file.path, budget)
      fail(head, {
        reason: `Cannot parse the document in ${budget / 1000} s, expected a document that parses in time (\`limits.parseTime\` in the config)`,
        place: {line: 1, column: 1},
        ruleId: 'parse-time'
      })
      restart()
    }, budget)
  }
  // Whatever is still queued is left to be parsed in place.
  const giveUp = (reason: string) => {
    if (queue.length > 0) debug('worker stopped with %d files left: %s', queue.length, reason)
    for (const pending of queue.splice(0)) pending.resolve()
    clearTimeout(timer)
  }
  const start = () => {
    ready = false
    let current: Worker
    try {
      current = new Worker(new URL(import.meta.url), {workerData: {role}, ...(options.memory ? {resourceLimits: {maxOldGenerationSizeMb: options.memory}} : {})})
    } catch (error) {
      broken = true
      giveUp((error as Error).message)
      return
    }
    worker = current
    // The build ends the worker; until then it must not keep the process alive by itself.
    current.unref()
    const died = (reason: string) => {
      if (worker !== current || closed) return
      worker = undefined
      // Before it was ready, no document is to blame: every file is parsed in place.
      const head = ready ? queue.shift() : undefined
      if (!ready) broken = true
      if (!head) return giveUp(reason)
      debug('%s: the worker died: %s', head.file.path, reason)
      fail(head, {reason: `Cannot parse the document: the parser stopped (${reason})`, place: {line: 1, column: 1}, ruleId: 'parse-crash'})
      restart()
    }
    current.on('message', (reply: Reply) => {
      if (worker !== current) return
      if ('ready' in reply) {
        ready = true
        arm()
        return
      }
      const at = queue.findIndex((pending) => pending.id === reply.id)
      if (at === -1) return
      const [pending] = queue.splice(at, 1)
      if ('tree' in reply) {
        trees.set(pending!.file, reply.tree)
        parsed++
        pending!.resolve()
      } else if ('refused' in reply) {
        fail(pending!, reply.refused)
      } else {
        // Parsed in place, where the same error is reported as it would be without a worker.
        debug('cannot parse %s: %s', pending!.file.path, reply.error)
        pending!.resolve()
      }
      send()
      arm()
    })
    current.on('error', (error) => died(error.message))
    current.on('exit', (code) => died(`exit code ${code}`))
    for (const pending of queue) pending.sent = false
    send()
  }
  // A worker that ran out of time or died is ended; a new one takes the files left.
  const restart = () => {
    const old = worker
    worker = undefined
    if (old) void old.terminate()
    clearTimeout(timer)
    if (!closed && queue.length > 0) start()
  }
  if (queue.length > 0) start()
  return {
    async wait(wanted) {
      const asked = wanted.filter((file) => deferred.delete(file))
      if (asked.length > 0 && !closed && !broken) {
        // Next after the files the worker has: a link is waiting for these.
        const idle = queue.length === 0
        const at = queue.findIndex((item) => !item.sent)
        queue.splice(at === -1 ? queue.length : at, 0, ...asked.map(pending))
        if (!worker) start()
        else {
          send()
          if (idle) arm()
        }
      }
      await Promise.all(wanted.map((file) => done.get(file)))
    },
    take,
    async close() {
      debug('%d of %d files parsed in the worker', parsed, readable.length)
      closed = true
      giveUp('closed')
      const old = worker
      worker = undefined
      await old?.terminate()
    }
  }
}
