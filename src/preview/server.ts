/**
 * preview: build, serve the output on 127.0.0.1 (other interfaces only with
 * `host`), watch documents, translations, templates and the config, rebuild
 * what a change affects, and reload the open pages of that document (server
 * -sent events). Errors go to the terminal and, as an overlay, to the page.
 * A page's PDF is printed on request with one warm browser. The files are
 * watched with chokidar, which sees saves that write a new file and rename
 * it over the old one (vim, sed -i, many IDEs) as changes; the server answers
 * only requests that name it by its own host (allowed-host.ts).
 */
import fs from 'node:fs'
import {watch} from 'chokidar'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {reporter} from 'vfile-reporter'
import {configFileName} from '../config.js'
import {createBrowserPool} from '../pdf/browser.js'
import {hostAllowed, originAllowed} from './allowed-host.js'
import {clientScript} from './client.js'
import {build, hasFatal} from '../pipeline/index.js'
import {loadProject} from '../project.js'

export interface PreviewOptions {
  root: string
  langs?: string[] | undefined
  docs?: string[] | undefined
  port?: number | undefined
  host?: string | undefined
  /** Host names besides the listening address and `localhost` that requests may name (default: none). */
  allowedHosts?: string[] | undefined
  env: Record<string, string | undefined>
  /** Where to say what happens (default: nowhere). */
  log?: (line: string) => void
}

export interface Preview {
  url: string
  close(): Promise<void>
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf'
}


/** The documents (and languages) a changed file affects; `undefined` means everything. */
function affected(root: string, file: string): {docs?: string[]; langs?: string[]} | undefined {
  const relative = path.relative(root, file).split(path.sep)
  if (relative[0] === 'documents' && relative.length >= 2) return {docs: [relative[1]!.replace(/\.md$/i, '')]}
  if (relative[0] === 'translations' && relative.length === 3 && relative[2]!.endsWith('.po')) {
    return {docs: [relative[2]!.slice(0, -3)], langs: [relative[1]!]}
  }
  return undefined
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const project = await loadProject({root: options.root, langs: options.langs, docs: options.docs})
  const out = path.join(project.root, '.policy-press-cache', 'preview')
  const log = options.log ?? (() => {})
  const browser = createBrowserPool({roots: [out, path.join(project.root, '.policy-press-cache')], size: 1, env: options.env})
  const clients = new Set<http.ServerResponse>()
  let problems = ''
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  const rebuild = async (scope?: {docs?: string[]; langs?: string[]}) => {
    const docs = scope?.docs?.filter((slug) => project.allSlugs.includes(slug)) ?? options.docs
    const result = await build({
      root: project.root,
      out,
      langs: scope?.langs ?? options.langs,
      docs: docs && docs.length > 0 ? docs : options.docs,
      formats: ['html'],
      env: options.env
    }).catch((error: Error) => {
      log(`policy-press: ${error.message}`)
      return undefined
    })
    if (!result) return
    problems = hasFatal(result.files) || result.settingsInvalid ? reporter(result.files, {color: false}) : ''
    const report = reporter(result.files, {color: false, quiet: true})
    if (report) log(report)
    send('problems', problems)
    const pages = scope?.docs ? result.pages.map((page) => `/${page}`) : ['*']
    send('reload', pages)
    log(`Rebuilt ${result.pages.length} page${result.pages.length === 1 ? '' : 's'}`)
  }

  await rebuild()

  // The port is known once the server listens, before it can answer anything.
  const policy = {listen: options.host ?? '127.0.0.1', port: 0, allowed: options.allowedHosts}
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!hostAllowed(request.headers.host, policy) || !originAllowed(request.headers.origin, policy)) {
      response.writeHead(403, {'Content-Type': 'text/plain; charset=utf-8'})
      response.end(`policy-press preview answers only requests for its own address (${policy.listen}:${policy.port} or localhost); start it with --allow-host NAME to allow another host name.\n`)
      return
    }
    if (url.pathname === '/__preview/events') {
      response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive'})
      response.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`)
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === '/__preview/client.js') {
      response.writeHead(200, {'Content-Type': types['.js']!})
      response.end(clientScript)
      return
    }
    const pathname = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = path.resolve(out, `.${pathname}`)
    if (!file.startsWith(out + path.sep)) {
      response.writeHead(403).end()
      return
    }
    // A PDF is printed when asked for, with the warm browser.
    const pdf = /^\/([^/]+)\/([^/]+)\.pdf$/.exec(pathname)
    if (pdf) {
      await build({root: project.root, out, langs: [pdf[1]!], docs: [pdf[2]!], formats: ['pdf'], browser, env: options.env}).catch(() => undefined)
    }
    fs.readFile(file, (error, contents) => {
      if (error) {
        response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end('Not found')
        return
      }
      const type = types[path.extname(file)] ?? 'application/octet-stream'
      response.writeHead(200, {'Content-Type': type, 'Cache-Control': 'no-store'})
      response.end(type.startsWith('text/html') ? Buffer.from(String(contents).replace('</body>', '<script src="/__preview/client.js"></script>\n</body>')) : contents)
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  policy.port = address.port
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`

  let timer: NodeJS.Timeout | undefined
  let pending: Array<ReturnType<typeof affected>> = []
  let running = Promise.resolve()
  // A new or deleted file changes the set of documents (or chapters): everything is rebuilt.
  const watcher = watch(
    ['documents', 'translations', 'templates', configFileName].map((name) => path.join(project.root, name)),
    {ignoreInitial: true, atomic: true}
  )
  watcher.on('all', (event, file) => {
    pending.push(event === 'change' ? affected(project.root, file) : undefined)
    log(`${event === 'change' ? 'Changed' : event.startsWith('unlink') ? 'Removed' : 'Added'} ${path.relative(project.root, file)}`)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const changes = pending
      pending = []
      const all = changes.some((change) => change === undefined)
      const docs = [...new Set(changes.flatMap((change) => change?.docs ?? []))]
      const langs = changes.every((change) => change?.langs) ? [...new Set(changes.flatMap((change) => change!.langs!))] : undefined
      running = running.then(() => rebuild(all ? undefined : {docs, langs}))
    }, 120)
  })
  watcher.on('error', (error) => log(`policy-press: cannot watch the project: ${(error as Error).message}`))
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))

  return {
    url,
    async close() {
      clearTimeout(timer)
      await watcher.close()
      for (const client of clients) client.end()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await running
      await browser.close()
    }
  }
}
