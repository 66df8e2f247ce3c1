/**
 * The command line: the only code that touches argv, streams and exit codes.
 * Exit codes: 0 success, 1 content errors, 2 bad usage or configuration.
 */
import path from 'node:path'
import {reporter} from 'vfile-reporter'
import {BrowserNotFoundError} from '../browser/find-chromium.js'
import {hasFatal} from '../fatal.js'
import type {BuildProgress} from '../pipeline/index.js'
import {ProjectError} from '../project-error.js'
import {version} from '../version.js'
import {help} from './help.js'
import {type CliOptions, parseOptions, UsageError} from './options.js'

export interface Io {
  stdout: {write(chunk: string): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown; isTTY?: boolean}
  cwd: string
  env: Record<string, string | undefined>
}

function colorFor(options: Pick<CliOptions, 'color'> | undefined, io: Io): boolean {
  if (options?.color !== undefined) return options.color
  if (io.env.NO_COLOR) return false
  return io.stderr.isTTY === true
}

/** Progress: one updating line on a terminal; a plain line at each quarter in CI and pipes; nothing with --quiet. */
function progressDisplay(options: CliOptions, io: Io): ((progress: BuildProgress) => void) | undefined {
  if (options.quiet) return undefined
  const line = (progress: BuildProgress) =>
    [`pages ${progress.pages.done}/${progress.pages.total}`, ...(progress.pdfs.total > 0 ? [`PDFs ${progress.pdfs.done}/${progress.pdfs.total}`] : [])].join(', ')
  if (io.stderr.isTTY !== true || io.env.CI) {
    let reported = -1
    return (progress) => {
      const total = progress.pages.total + progress.pdfs.total
      const quarter = total === 0 ? 4 : Math.floor(((progress.pages.done + progress.pdfs.done) / total) * 4)
      // Short builds need no progress report.
      if (quarter <= reported || total < 20) return
      reported = quarter
      io.stderr.write(`Building: ${line(progress)}\n`)
    }
  }
  let last = 0
  return (progress) => {
    const now = Date.now()
    const finished = progress.pages.done === progress.pages.total && progress.pdfs.done === progress.pdfs.total
    if (!finished && now - last < 100) return
    last = now
    io.stderr.write(finished ? '\r\u001B[K' : `\r\u001B[KBuilding: ${line(progress)}`)
  }
}

async function runBuild(options: CliOptions, io: Io): Promise<number> {
  const started = performance.now()
  const root = path.resolve(io.cwd, options.root)
  const out = options.out === undefined ? undefined : path.resolve(io.cwd, options.out)
  const formats = options.format as Array<'html' | 'pdf'> | undefined
  // Chromium first, when printing is certain: it starts while the build's modules load (see early-browser.ts).
  const {startBrowserEarly} = await import('../pipeline/early-browser.js')
  const browser = await startBrowserEarly({root, out: out ?? path.join(root, 'dist'), formats: formats ?? ['html', 'pdf'], pool: options.jobs, env: io.env})
  let result: Awaited<ReturnType<typeof import('../pipeline/index.js').build>>
  try {
    const {build} = await import('../pipeline/index.js')
    result = await build({
      root,
      out,
      langs: options.lang,
      docs: options.doc,
      formats,
      pool: options.jobs,
      browser,
      onProgress: progressDisplay(options, io),
      env: io.env,
      force: options.force,
      strict: options.strict,
      shard: options.shard
    })
  } finally {
    await browser?.close()
  }
  const report = reporter(result.files, {color: colorFor(options, io), quiet: options.quiet})
  if (report) io.stderr.write(`${report}\n`)
  if (result.settingsInvalid) return 2
  if (result.failed.errors > 0) {
    // Errors are reported whatever --quiet says: the summary must not read as a success.
    const {errors, documents} = result.failed
    io.stderr.write(`Build failed: ${errors} error${errors === 1 ? '' : 's'}${documents > 0 ? ` in ${documents} document${documents === 1 ? '' : 's'}` : ''}\n`)
    return 1
  }
  if (!options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    // Pages of documents: not the index, not the review pages of translations.
    const pages = result.pages.filter((page) => page !== 'index.html' && !page.endsWith('.review.html')).length
    const where = `${path.relative(io.cwd, result.out) || '.'}/`
    io.stdout.write(
      result.upToDate
        ? `Up to date: nothing changed since the last build of ${where} (${seconds} s; --force rebuilds)\n`
        : `Built ${result.documents.built} document${result.documents.built === 1 ? '' : 's'} × ${result.languages.length} language${result.languages.length === 1 ? '' : 's'}: ${pages} page${pages === 1 ? '' : 's'} and the index, ${result.pdfs.printed + result.pdfs.unchanged} PDF${result.pdfs.printed + result.pdfs.unchanged === 1 ? '' : 's'} (${result.pdfs.printed} printed) in ${seconds} s → ${where} (${result.written} file${result.written === 1 ? '' : 's'} written, ${result.unchanged} unchanged)\n`
    )
  }
  return hasFatal(result.files) ? 1 : 0
}

async function runSync(options: CliOptions, io: Io): Promise<number> {
  const {sync} = await import('../catalog/sync.js')
  const result = await sync({root: path.resolve(io.cwd, options.root), langs: options.lang, docs: options.doc})
  const report = reporter(result.files, {color: colorFor(options, io), quiet: options.quiet})
  if (report) io.stderr.write(`${report}\n`)
  if (result.files.some((file) => file.path === 'policy-press.config.yaml' && file.messages.some((message) => message.fatal))) return 2
  if (!options.quiet) {
    const total = result.created.length + result.updated.length + result.unchanged.length
    io.stdout.write(`Synced ${total} PO file${total === 1 ? '' : 's'}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged\n`)
  }
  return hasFatal(result.files) ? 1 : 0
}

async function runStatus(options: CliOptions, io: Io): Promise<number> {
  const [{status}, {statusMarkdown, statusText}] = await Promise.all([import('../catalog/status.js'), import('../report/status.js')])
  const format = options.format?.[0] ?? 'text'
  // Text and Markdown show only the segments that are not current: the cache can give those without parsing.
  const segments = format === 'json' ? ((options.segments ?? 'all') as 'all' | 'open') : 'open'
  const result = await status({root: path.resolve(io.cwd, options.root), langs: options.lang, docs: options.doc, segments})
  const report = reporter(result.files, {color: colorFor(options, io), quiet: true})
  if (report) io.stderr.write(`${report}\n`)
  if (result.unreadable) return 2
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify(result.report, null, 2)}\n`
      : format === 'markdown'
        ? statusMarkdown(result.report)
        : statusText(result.report, {color: options.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR)})
  )
  const failOn = new Set(options.failOn ?? [])
  // A translation to check for its alignment is fuzzy like a stale one: `--fail-on stale` catches both.
  const failing = result.report.documents.some((document) => document.segments.some((segment) => failOn.has(segment.state === 'check alignment' ? 'stale' : segment.state)))
  return failing ? 1 : 0
}

async function runImport(options: CliOptions, io: Io): Promise<number> {
  const {importTranslation} = await import('../catalog/import.js')
  const result = await importTranslation({
    root: path.resolve(io.cwd, options.root),
    lang: options.lang![0]!,
    doc: options.doc![0]!,
    files: options.positionals.map((file) => path.resolve(io.cwd, file)),
    force: options.force
  })
  const report = reporter(result.files, {color: colorFor(options, io), quiet: options.quiet})
  if (report) io.stderr.write(`${report}\n`)
  if (!result.catalog) return hasFatal(result.files) ? 1 : 2
  if (!options.quiet) {
    io.stdout.write(
      `Imported into ${result.catalog}: ${result.current} current, ${result.check} to check alignment; ${result.kept} existing translation${result.kept === 1 ? '' : 's'} kept${result.kept > 0 ? ' (--force replaces them)' : ''}; ${result.mismatches} mismatch${result.mismatches === 1 ? '' : 'es'}\n`
    )
  }
  return hasFatal(result.files) ? 1 : 0
}

async function runTranslate(options: CliOptions, io: Io): Promise<number> {
  const {machineTranslate} = await import('../deepl/machine-translate.js')
  const tty = io.stderr.isTTY === true && !io.env.CI && !options.quiet
  const result = await machineTranslate({
    root: path.resolve(io.cwd, options.root),
    langs: options.lang,
    docs: options.doc,
    stale: options.stale,
    dryRun: options.dryRun,
    serverUrl: options.serverUrl,
    env: io.env,
    onProgress: tty ? (done, total) => io.stderr.write(done === total ? '\r\u001B[K' : `\r\u001B[KTranslating: ${done}/${total} texts`) : undefined
  })
  const report = reporter(result.files.filter((file) => file.messages.length > 0), {color: colorFor(options, io), quiet: options.quiet})
  if (report) io.stderr.write(`${report}\n`)
  if (options.dryRun) {
    io.stdout.write('Would send (texts not in the translation memory):\n')
    for (const plan of result.plan) {
      io.stdout.write(`  ${plan.lang}  ${plan.segments} segment${plan.segments === 1 ? '' : 's'} to fill, ${plan.texts} text${plan.texts === 1 ? '' : 's'} to send, ${plan.characters} characters billed\n`)
    }
    return hasFatal(result.files) ? 1 : 0
  }
  if (!options.quiet) {
    const usage = result.usage ? `; account: ${result.usage.count} of ${result.usage.limit} characters used, ${result.usage.limit - result.usage.count} left` : ''
    io.stdout.write(`Drafted ${result.drafted} segment${result.drafted === 1 ? '' : 's'} with DeepL; ${result.billed} characters billed${usage}\n`)
  }
  if (result.stopped) {
    io.stderr.write(`policy-press: ${result.stopped}\n`)
    return 1
  }
  return hasFatal(result.files) ? 1 : 0
}

/** `check --outputs`: the PDFs in the output folder against PDF/UA-1's machine-checkable conditions. */
async function runCheckOutputs(options: CliOptions, io: Io): Promise<number> {
  const [{checkAccessibility}, report] = await Promise.all([import('../pdf/accessibility.js'), import('../report/accessibility.js')])
  const root = path.resolve(io.cwd, options.root)
  const out = path.resolve(io.cwd, options.out ?? path.join(root, 'dist'))
  const fs = await import('node:fs/promises')
  const files = (await fs.readdir(out, {recursive: true}).catch(() => undefined))?.filter((file) => file.endsWith('.pdf')).sort()
  if (!files || files.length === 0) {
    io.stderr.write(`policy-press: Cannot find a PDF in \`${path.relative(io.cwd, out) || '.'}\`, expected a built site (\`policy-press build\`)\n`)
    return 2
  }
  const reports = []
  for (const file of files) reports.push({path: file, ...(await checkAccessibility(await fs.readFile(path.join(out, file))))})
  const format = options.format?.[0] ?? 'text'
  io.stdout.write(format === 'json' ? report.accessibilityJson(reports) : format === 'markdown' ? report.accessibilityMarkdown(reports) : report.accessibilityText(reports))
  return reports.some((item) => item.failures.length > 0) ? 1 : 0
}

async function runCheck(options: CliOptions, io: Io): Promise<number> {
  if (options.outputs) return runCheckOutputs(options, io)
  const {check} = await import('../check.js')
  const result = await check({root: path.resolve(io.cwd, options.root), env: io.env})
  if (result.settingsInvalid) {
    io.stderr.write(`${reporter(result.files, {color: colorFor(options, io)})}\n`)
    return 2
  }
  const {files} = result
  if (options.format?.[0] === 'json') {
    const report = files.map((file) => ({
      path: file.path,
      messages: file.messages.map((message) => ({line: message.line ?? null, column: message.column ?? null, reason: message.reason, ruleId: message.ruleId ?? null, severity: message.fatal ? 'error' : 'warning'}))
    }))
    const count = (severity: string) => report.reduce((sum, file) => sum + file.messages.filter((message) => message.severity === severity).length, 0)
    io.stdout.write(`${JSON.stringify({errors: count('error'), warnings: count('warning'), files: report}, null, 2)}\n`)
  } else {
    const text = reporter(files, {color: colorFor(options, io)})
    if (text) io.stderr.write(`${text}\n`)
    else if (!options.quiet) io.stdout.write('No problems found.\n')
  }
  // Only errors fail a check: warnings are there because the project asked to see them (check.ts).
  return hasFatal(files) ? 1 : 0
}

async function runPlan(options: CliOptions, io: Io): Promise<number> {
  const [{loadProject}, {plan, shard}] = await Promise.all([import('../project.js'), import('../pipeline/plan.js')])
  const project = await loadProject({root: path.resolve(io.cwd, options.root)})
  if (project.configFile && hasFatal([project.configFile])) {
    io.stderr.write(`${reporter([project.configFile], {color: colorFor(options, io)})}\n`)
    return 2
  }
  const planned = await plan(project, ['html', 'pdf'])
  const shards = shard(planned, options.shards ?? 1)
  if (options.format?.[0] === 'json') {
    // `include` only: GitHub Actions makes every other top-level key a dimension of the matrix.
    const include = shards.map((item) => ({shard: `${item.index}/${item.total}`, cost: item.cost, jobs: item.jobs.map((job) => job.id)}))
    io.stdout.write(`${JSON.stringify({include})}\n`)
    return 0
  }
  const total = shards.reduce((sum, item) => sum + item.cost, 0)
  io.stdout.write(`Plan ${planned.id}: ${planned.jobs.length} jobs (documents × languages, HTML and PDF) in ${shards.length} shard${shards.length === 1 ? '' : 's'}\n`)
  for (const item of shards) {
    io.stdout.write(`  ${item.index}/${item.total}  cost ${item.cost} (${total > 0 ? Math.round((item.cost / total) * 100) : 0} %)  ${item.jobs.map((job) => job.id).join(' ')}\n`)
  }
  return 0
}

async function runAssemble(options: CliOptions, io: Io): Promise<number> {
  const {assemble} = await import('../pipeline/assemble.js')
  const result = await assemble({
    root: path.resolve(io.cwd, options.root),
    out: options.out === undefined ? undefined : path.resolve(io.cwd, options.out),
    shards: options.positionals.map((dir) => path.resolve(io.cwd, dir))
  })
  for (const error of result.errors) io.stderr.write(`policy-press: ${error}\n`)
  if (result.errors.length > 0) {
    io.stderr.write(`Cannot assemble: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; nothing was written.\n`)
    return 1
  }
  const report = reporter(result.files, {color: colorFor(options, io), quiet: options.quiet})
  if (report) io.stderr.write(`${report}\n`)
  if (!options.quiet) {
    io.stdout.write(`Assembled ${result.jobs} jobs from ${options.positionals.length} shard${options.positionals.length === 1 ? '' : 's'} → ${path.relative(io.cwd, result.out) || '.'}/ (${result.written} file${result.written === 1 ? '' : 's'} written, ${result.unchanged} unchanged)\n`)
  }
  return hasFatal(result.files) ? 1 : 0
}

export async function main(argv: string[], io: Io): Promise<number> {
  let options: CliOptions
  try {
    options = parseOptions(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`policy-press: ${error.message}\nRun \`policy-press --help\` for usage.\n`)
      return 2
    }
    throw error
  }
  if (options.help) {
    io.stdout.write(help(options.command))
    return 0
  }
  if (options.version) {
    io.stdout.write(`${version}\n`)
    return 0
  }
  try {
    switch (options.command) {
      case 'build':
        return await runBuild(options, io)
      case 'status':
        return await runStatus(options, io)
      case 'sync':
        return await runSync(options, io)
      case 'import':
        return await runImport(options, io)
      case 'translate':
        return await runTranslate(options, io)
      case 'check':
        return await runCheck(options, io)
      case 'plan':
        return await runPlan(options, io)
      case 'assemble':
        return await runAssemble(options, io)
      case 'export-xliff': {
        const {exportXliff} = await import('../xliff/exchange.js')
        const root = path.resolve(io.cwd, options.root)
        const files = await exportXliff({
          root,
          lang: options.lang![0]!,
          docs: options.doc,
          states: (options.states ?? ['stale', 'missing', 'machine']) as Array<'stale' | 'missing' | 'machine' | 'current'>,
          version: (options.xliff ?? '1.2') as '1.2' | '2.0',
          out: path.resolve(io.cwd, options.out ?? path.join(root, 'xliff'))
        })
        if (!options.quiet) io.stdout.write(`Wrote ${files.length} XLIFF file${files.length === 1 ? '' : 's'}:\n${files.map((file) => `  ${path.relative(io.cwd, file)}`).join('\n')}\n`)
        return 0
      }
      case 'import-xliff': {
        const {importXliff} = await import('../xliff/exchange.js')
        const result = await importXliff({root: path.resolve(io.cwd, options.root), files: options.positionals.map((file) => path.resolve(io.cwd, file)), force: options.force})
        const report = reporter(result.files, {color: colorFor(options, io), quiet: options.quiet})
        if (report) io.stderr.write(`${report}\n`)
        if (!options.quiet && result.stopped) io.stdout.write('Imported nothing: no PO file changed\n')
        else if (!options.quiet) {
          io.stdout.write(`Imported ${result.imported} translation${result.imported === 1 ? '' : 's'} (${result.reviewed} reviewed, ${result.imported - result.reviewed} fuzzy); ${result.kept} reviewed entr${result.kept === 1 ? 'y' : 'ies'} kept${result.kept > 0 ? ' (--force replaces them)' : ''}; ${result.refused} refused\n`)
        }
        return hasFatal(result.files) ? 1 : 0
      }
      case 'preview': {
        const {startPreview} = await import('../preview/server.js')
        const preview = await startPreview({
          root: path.resolve(io.cwd, options.root),
          langs: options.lang,
          docs: options.doc,
          port: options.port,
          host: options.host,
          allowedHosts: options.allowHost,
          env: io.env,
          log: (line) => io.stderr.write(`${line}\n`)
        })
        io.stdout.write(`Preview at ${preview.url} (Ctrl-C stops)\n`)
        const {untilStopped} = await import('./until-stopped.js')
        const reason = await untilStopped()
        // A second signal while closing, or a browser that does not close, must not keep the process alive.
        const force = setTimeout(() => process.exit(130), 10_000)
        force.unref()
        process.once('SIGINT', () => process.exit(130))
        process.once('SIGTERM', () => process.exit(143))
        await preview.close()
        io.stdout.write(`Preview stopped (${reason}).\n`)
        return 0
      }
      case 'init': {
        const {init} = await import('../init.js')
        const dir = path.resolve(io.cwd, options.positionals[0] ?? '.')
        const {created, dependency} = await init(dir, {dependency: options.dependency, env: io.env})
        if (!options.quiet) {
          io.stdout.write(`Created ${created.length} files in ${path.relative(io.cwd, dir) || '.'}:\n${created.map((file) => `  ${file}`).join('\n')}\n`)
          io.stdout.write(`policy-press is a dev dependency as \`${dependency}\` in package.json.\n`)
          io.stdout.write('Next: `npm install`, write in documents/, then `npx policy-press build` (HTML and PDF into dist/) and `npx policy-press status`.\n')
        }
        return 0
      }
      case 'config-schema':
        io.stdout.write(`${JSON.stringify((await import('../config.js')).configJsonSchema(), null, 2)}\n`)
        return 0
      default:
        return 2
    }
  } catch (error) {
    if (error instanceof ProjectError || error instanceof BrowserNotFoundError) {
      io.stderr.write(`policy-press: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
