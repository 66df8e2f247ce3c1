/**
 * parse-ahead: the documents' Markdown parsed in a worker thread, in the
 * order the build reaches them, so that the main thread gets each tree
 * ready when it comes to that document.
 *
 * Parsing (micromark with GFM) is most of the main thread's work on a
 * document, and it does not yield: while it runs, the main thread answers
 * neither the browser starting up nor the pages that wait for their next
 * document. In the worker it runs beside them, on another core. A tree
 * comes back as a structured clone, which costs a few percent of parsing it.
 *
 * Whatever the worker cannot give is parsed in place, as before: a document
 * a link needs before the worker reaches it, a file the worker failed on,
 * every file when no worker can start (as under a TypeScript loader in the
 * tests of `src/`, whose modules a worker cannot load).
 */
import type {Root} from 'mdast'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import createDebug from 'debug'
import type {VFile} from 'vfile'

const debug = createDebug('policy-press:parse')

/** What this module is told it is when it runs as the worker. */
const role = 'policy-press parse-ahead'

interface Request {
  id: number
  text: string
}

type Reply = {id: number; tree: Root} | {id: number; error: string}

// The worker is this same module, run with its role: it parses each text it is sent, in order.
if (!isMainThread && (workerData as {role?: unknown} | null)?.role === role) {
  const {markdownParser} = await import('../markdown/parser.js')
  const port = parentPort!
  port.on('message', ({id, text}: Request) => {
    let reply: Reply
    try {
      reply = {id, tree: markdownParser.parse(text)}
    } catch (error) {
      reply = {id, error: error instanceof Error ? error.message : String(error)}
    }
    port.postMessage(reply)
  })
}

export interface ParseAhead {
  /** Wait until the worker is done with each of `files` (parsed, failed, or never sent). */
  wait(files: VFile[]): Promise<void>
  /** Take the trees of those of `files` that the worker has parsed so far. */
  take(files: VFile[]): Map<VFile, Root>
  /** Stop the worker (when the build is done). */
  close(): Promise<void>
}

/** Start parsing `files` (every readable one, in this order) in a worker thread. */
export function parseAhead(files: VFile[]): ParseAhead {
  const trees = new Map<VFile, Root>()
  const done = new Map<VFile, Promise<void>>()
  const pending = new Map<number, {file: VFile; resolve: () => void}>()
  const readable = files.filter((file) => !file.messages.some((message) => message.fatal))
  const take = (wanted: VFile[]) => {
    const taken = new Map<VFile, Root>()
    for (const file of wanted) {
      const tree = trees.get(file)
      if (tree) taken.set(file, tree)
      trees.delete(file)
    }
    return taken
  }
  let worker: Worker | undefined
  // A worker runs JavaScript: modules compiled from TypeScript, not their sources.
  if (readable.length > 0 && import.meta.url.endsWith('.js')) {
    try {
      worker = new Worker(new URL(import.meta.url), {workerData: {role}})
    } catch (error) {
      debug('no worker: %s', (error as Error).message)
    }
  }
  if (!worker) return {wait: async () => undefined, take, close: async () => undefined}
  // The build ends the worker; until then it must not keep the process alive by itself.
  worker.unref()
  const stopped = (reason: string) => {
    if (pending.size > 0) debug('worker stopped with %d files left: %s', pending.size, reason)
    for (const {resolve} of pending.values()) resolve()
    pending.clear()
  }
  let parsed = 0
  worker.on('message', (reply: Reply) => {
    const request = pending.get(reply.id)
    if (!request) return
    pending.delete(reply.id)
    if ('tree' in reply) {
      trees.set(request.file, reply.tree)
      parsed++
    } else {
      debug('cannot parse %s: %s', request.file.path, reply.error)
    }
    request.resolve()
  })
  worker.on('error', (error) => stopped(error.message))
  worker.on('exit', (code) => stopped(`exit code ${code}`))
  readable.forEach((file, id) => {
    done.set(file, new Promise((resolve) => pending.set(id, {file, resolve})))
    worker.postMessage({id, text: String(file.value)} satisfies Request)
  })
  return {
    async wait(wanted) {
      await Promise.all(wanted.map((file) => done.get(file)))
    },
    take,
    async close() {
      debug('%d of %d files parsed in the worker', parsed, readable.length)
      await worker.terminate()
    }
  }
}
