/**
 * Chromium started before puppeteer is loaded. Loading puppeteer takes
 * about as long as Chromium takes to start (a quarter of a second each on
 * two cores), and puppeteer's launcher can only spawn the browser once it
 * is loaded. So the browser is spawned first, with the command line
 * puppeteer's launcher would give it, and its DevTools pipe is handed to
 * puppeteer once that has loaded (`puppeteer.connect({transport})`).
 *
 * As with puppeteer's launcher, the browser leads a process group of its
 * own, killed with its renderers and helpers when Node exits, and when
 * Node is interrupted (SIGINT exits 130) or told to stop (SIGTERM, SIGHUP).
 */
import {type ChildProcess, spawn} from 'node:child_process'
import type {ConnectionTransport} from 'puppeteer-core'

export interface LaunchOptions {
  executablePath: string
  /** `'shell'` for Chromium's headless shell, `true` for the full browser's headless mode. */
  headless: 'shell' | true
  userDataDir: string
  /** Arguments after puppeteer's defaults; `--disable-features` and `--enable-features` are merged into its own. */
  args: string[]
}

/** The values of `flag` (`--disable-features=a,b` gives `a,b`), as puppeteer reads them. */
function features(flag: string, args: string[]): string[] {
  return args.filter((arg) => arg.startsWith(`${flag}=`)).map((arg) => arg.slice(flag.length + 1).trim()).filter(Boolean)
}

/**
 * The command line of puppeteer 24's launcher for these options and `pipe: true`
 * (`ChromeLauncher.defaultArgs` and `--remote-debugging-pipe`; a test compares them).
 */
export function launchArgs(options: LaunchOptions): string[] {
  const disabled = ['Translate', 'AcceptCHFrame', 'MediaRouter', 'OptimizationHints', 'WebUIReloadButton', 'ProcessPerSiteUpToMainFrameThreshold', 'IsolateSandboxedIframes']
  const rest = options.args.filter((arg) => !/^--(disable|enable)-features=/.test(arg))
  return [
    '--allow-pre-commit-input',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-breakpad',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-crash-reporter',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-hang-monitor',
    '--disable-infobars',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-renderer-backgrounding',
    '--disable-search-engine-choice-screen',
    '--disable-sync',
    '--enable-automation',
    '--export-tagged-pdf',
    '--force-color-profile=srgb',
    '--generate-pdf-document-outline',
    '--metrics-recording-only',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    `--disable-features=${[...disabled, ...features('--disable-features', options.args)].join(',')}`,
    `--enable-features=${['PdfOopif', ...features('--enable-features', options.args)].join(',')}`,
    `--user-data-dir=${options.userDataDir}`,
    options.headless === 'shell' ? '--headless' : '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    ...(rest.every((arg) => arg.startsWith('-')) ? ['about:blank'] : []),
    ...rest,
    '--remote-debugging-pipe'
  ]
}

/** The DevTools protocol over Chromium's pipe (file descriptors 3 and 4): JSON messages, each ended by a NUL. */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void
  onclose?: () => void
  private pending: Buffer[] = []
  private closed = false

  constructor(private readonly write: NodeJS.WritableStream, read: NodeJS.ReadableStream) {
    read.on('data', (chunk: Buffer) => this.receive(chunk))
    read.on('close', () => this.onclose?.())
    read.on('error', () => {})
    write.on('error', () => {})
  }

  send(message: string): void {
    if (this.closed) return
    this.write.write(message)
    this.write.write('\0')
  }

  private receive(chunk: Buffer): void {
    if (chunk.indexOf(0) === -1) {
      this.pending.push(chunk)
      return
    }
    const data = Buffer.concat([...this.pending, chunk])
    let start = 0
    for (let end = data.indexOf(0); end !== -1; start = end + 1, end = data.indexOf(0, start)) {
      const message = data.toString('utf8', start, end)
      // Each message in a task of its own, as puppeteer's own transport hands them on.
      setImmediate(() => this.onmessage?.(message))
    }
    this.pending = start < data.length ? [data.subarray(start)] : []
  }

  close(): void {
    this.closed = true
  }
}

export interface SpawnedBrowser {
  process: ChildProcess
  transport: ConnectionTransport
  /** Rejects when the browser exits or cannot be started, with what it wrote to stderr. */
  failed: Promise<never>
  /** Kill the browser's process group (at once: nothing in it is worth a graceful shutdown). */
  kill(): void
}

/** Start Chromium with puppeteer's command line and a DevTools pipe. */
export function spawnBrowser(options: LaunchOptions): SpawnedBrowser {
  const child = spawn(options.executablePath, launchArgs(options), {detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000)
  })
  const kill = (): void => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      child.kill('SIGKILL')
    }
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    kill()
    if (signal === 'SIGINT') process.exit(130)
  }
  process.on('exit', kill)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal)
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`Cannot start ${options.executablePath}: ${error.message}`)))
    child.once('exit', (code, signal) => reject(new Error(`${options.executablePath} exited (${signal ?? `code ${code}`}) before puppeteer could connect${stderr ? `:\n${stderr.trim()}` : ''}`)))
  })
  failed.catch(() => {})
  child.once('exit', () => {
    process.off('exit', kill)
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal)
  })
  const [, , , write, read] = child.stdio as unknown as [null, null, NodeJS.ReadableStream, NodeJS.WritableStream, NodeJS.ReadableStream]
  return {process: child, transport: new PipeTransport(write, read), failed, kill}
}
