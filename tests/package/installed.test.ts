/**
 * The package as users install it. `npm pack` makes the tarball, npm installs
 * it into an empty folder, and every command runs there from
 * `node_modules/.bin/policy-press` (or through npx), on a real project: the one
 * `init` writes, with the Universal Declaration of Human Rights beside it and
 * its real German translation imported. The project's publish workflow then
 * runs, step by step, in a fresh copy of that project. No output may hold a
 * stack trace (runCli fails on one).
 */
import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {startFakeDeepL, type FakeDeepL} from '../fake-deepl/server.js'
import {assertNoStackTrace, cliEnv, makeProject, msgfmtCheck, repoRoot, runCli} from '../helpers.js'

const exec = promisify(execFile)
const corpus = path.resolve(repoRoot, '../shared/corpus/udhr')

let work: string
let project: string
let installed: string
let fake: FakeDeepL

/** The installed command, run in the user's project. */
const policyPress = (argv: string[], env: Record<string, string> = {}) => runCli(argv, project, env, installed)

/** The UDHR as a document of ours: its first heading becomes the front matter's title. */
async function udhr(lang: string): Promise<string> {
  const [heading, ...rest] = (await fs.readFile(path.join(corpus, `${lang}.md`), 'utf8')).split('\n')
  return `---\ntitle: ${heading!.replace(/^# /, '')}\n---\n${rest.join('\n')}`
}

beforeAll(async () => {
  work = await makeProject({})
  const packed = await exec('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {cwd: repoRoot})
  const tarball = path.join(work, packed.stdout.trim().split('\n').at(-1)!)
  project = path.join(work, 'publication')
  await fs.mkdir(project)
  await fs.writeFile(path.join(project, 'package.json'), '{"name": "publication", "private": true}\n')
  await exec('npm', ['install', '--no-audit', '--no-fund', '--save-dev', tarball], {cwd: project, env: {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'}})
  installed = path.join(project, 'node_modules/policy-press/bin/policy-press.js')
  fake = await startFakeDeepL()
}, 300_000)

afterAll(async () => {
  await fake?.close()
})

describe('the installed package', () => {
  it('init, through npx: a project that depends on a copy of this package in vendor/', async () => {
    const child = await exec('npx', ['--no', 'policy-press', 'init'], {cwd: project, env: cliEnv()})
    assertNoStackTrace(child.stdout + child.stderr)
    const pkg = JSON.parse(await fs.readFile(path.join(project, 'package.json'), 'utf8'))
    expect(pkg.devDependencies['policy-press']).toMatch(/^file:vendor\/policy-press-\d+\.\d+\.\d+\.tgz$/)
    await fs.access(path.join(project, pkg.devDependencies['policy-press'].slice('file:'.length)))
    for (const file of ['.gitignore', '.github/workflows/publish.yml', 'documents/example.md', 'translations/lt/example.po']) await fs.access(path.join(project, file))
    // The example comes translated: nothing missing, so the workflow's gate passes.
    const status = await policyPress(['status', '--fail-on', 'missing,stale'])
    expect(status.code, status.stdout).toBe(0)
  })

  it('sync and import: a real translation imports into the PO file, every entry current', async () => {
    await fs.writeFile(path.join(project, 'documents/udhr.md'), await udhr('en'))
    const sync = await policyPress(['sync'])
    expect(sync.code, sync.stderr).toBe(0)
    expect(sync.stdout).toMatch(/^Synced 8 PO files: 4 created, 0 updated, 4 unchanged\n$/)
    await fs.writeFile(path.join(work, 'udhr.de.md'), await udhr('de'))
    const imported = await policyPress(['import', '--lang', 'de', '--doc', 'udhr', path.join(work, 'udhr.de.md')])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/Imported into translations\/de\/udhr\.po: \d+ current, 0 to check alignment/)
    await msgfmtCheck(path.join(project, 'translations/de/udhr.po'))
  })

  it('status in text, JSON and Markdown', async () => {
    const text = await policyPress(['status'])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('udhr')
    const json = JSON.parse((await policyPress(['status', '--format', 'json'])).stdout)
    const counts = (lang: string) => json.documents.find((document: {doc: string; lang: string}) => document.doc === 'udhr' && document.lang === lang)
    expect(counts('de').current).toBeGreaterThan(50)
    expect(counts('de').percent).toBe(100)
    expect(counts('et').missing).toBe(counts('et').total)
    // Only the segments that are not current, with the same counts (from the results cache on this second run).
    const open = JSON.parse((await policyPress(['status', '--format', 'json', '--segments', 'open'])).stdout) as typeof json
    const openCounts = (lang: string) => open.documents.find((document: {doc: string; lang: string}) => document.doc === 'udhr' && document.lang === lang)
    expect(openCounts('de').segments).toEqual([])
    expect(openCounts('et').segments).toHaveLength(counts('et').total)
    expect({...openCounts('de'), segments: undefined}).toEqual({...counts('de'), segments: undefined})
    const markdown = await policyPress(['status', '--format', 'markdown'])
    expect(markdown.stdout).toMatch(/^#+ /m)
    expect((await policyPress(['status', '--fail-on', 'missing'])).code).toBe(1)
  })

  it('check', async () => {
    const check = await policyPress(['check', '--format', 'json'])
    expect(JSON.parse(check.stdout).errors, check.stdout).toBe(0)
    expect(check.code).toBe(0)
  })

  it('translate: a dry run, then drafts from the (fake) DeepL server', async () => {
    const env = {DEEPL_AUTH_KEY: fake.key}
    const dry = await policyPress(['translate', '--dry-run', '--lang', 'et', '--doc', 'udhr', '--server-url', fake.url], env)
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/et {2}\d+ segments to fill/)
    const drafted = await policyPress(['translate', '--lang', 'et', '--doc', 'udhr', '--server-url', fake.url], env)
    expect(drafted.code, drafted.stderr).toBe(0)
    expect(drafted.stdout).toMatch(/^Drafted [1-9]\d* segments with DeepL/)
    await msgfmtCheck(path.join(project, 'translations/et/udhr.po'))
  })

  it('export-xliff and import-xliff', async () => {
    const exported = await policyPress(['export-xliff', '--lang', 'lv', '--out', path.join(work, 'xliff')])
    expect(exported.code, exported.stderr).toBe(0)
    const file = path.join(work, 'xliff', (await fs.readdir(path.join(work, 'xliff'))).find((name) => name.includes('udhr'))!)
    const imported = await policyPress(['import-xliff', file])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/^Imported \d+ translations?/)
  })

  it('build: HTML and PDF of every document and language; a build of one document leaves the index as it was', async () => {
    const build = await policyPress(['build'])
    expect(build.code, build.stderr).toBe(0)
    expect(build.stdout).toMatch(/^Built 2 documents × 5 languages: 10 pages and the index, 10 PDFs/)
    for (const lang of ['en', 'de', 'et', 'lv', 'lt']) {
      await exec('qpdf', ['--check', path.join(project, `dist/${lang}/udhr.pdf`)])
    }
    const index = await fs.readFile(path.join(project, 'dist/index.html'))
    expect((await policyPress(['build', '--doc', 'example'])).code).toBe(0)
    expect(await fs.readFile(path.join(project, 'dist/index.html'))).toEqual(index)
    expect((await policyPress(['build', '--lang', 'de', '--format', 'html'])).code).toBe(0)
    expect(await fs.readFile(path.join(project, 'dist/index.html'))).toEqual(index)
    // The PDF/UA report on what was built: one row per PDF, each passing (the ICC profile and templates shipped).
    const accessibility = await policyPress(['check', '--outputs', '--format', 'json'])
    const report = JSON.parse(accessibility.stdout) as {failures: number; documents: Array<{failures: unknown[]}>}
    expect(report.documents).toHaveLength(10)
    expect(report.documents.flatMap((document) => document.failures)).toEqual([])
    expect(accessibility.code).toBe(0)
    expect((await fs.readFile(path.join(project, 'dist/lv/udhr.pdf'))).toString('latin1')).toContain('/GTS_PDFA1')
  }, 120_000)
})

/** The PIDs of a process's descendants (Linux /proc). */
async function descendants(pid: number): Promise<number[]> {
  const children = new Map<number, number[]>()
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (!children.has(parent)) children.set(parent, [])
    children.get(parent)!.push(Number(entry))
  }
  const found: number[] = []
  const walk = (id: number) => {
    for (const child of children.get(id) ?? []) {
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(!socket.destroy()))
    socket.once('error', () => resolve(false))
  })
}

async function until(condition: () => boolean | Promise<boolean>, timeout: number, what: string): Promise<void> {
  const end = Date.now() + timeout
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** preview started as users start it; resolves once it serves, with its address and output. */
async function startPreview(command: string, args: string[]) {
  const child = spawn(command, args, {cwd: project, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe']})
  const output = {text: ''}
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  await until(() => /Preview at http:\/\/127\.0\.0\.1:\d+\//.test(output.text), 60_000, `preview to start:\n${output.text}`)
  const port = Number(/Preview at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.text)![1])
  return {child, output, exited, port, url: `http://127.0.0.1:${port}/`}
}

/** After a stop: the command ended, its browser with it, and nothing answers on the port. */
async function expectGone(pids: number[], port: number): Promise<void> {
  await until(() => pids.every((pid) => !alive(pid)), 15_000, `processes ${pids.join(', ')} to end`)
  expect(await portOpen(port)).toBe(false)
}

describe('preview from the installed package', () => {
  it('serves, rebuilds on a save by rename, reloads the page, answers only its own host, and stops on SIGTERM', async () => {
    const preview = await startPreview(process.execPath, [installed, 'preview', '--port', '0', '--lang', 'en,de'])
    const page = await fetch(`${preview.url}en/example.html`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/__preview/client.js')

    // A web page that rebinds its own name to 127.0.0.1 gets nothing: not a page, the index, a PDF or the events.
    for (const target of ['en/example.html', '', 'de/example.pdf', '__preview/events']) {
      const foreign = await exec('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', `Host: rebind.example:${preview.port}`, `${preview.url}${target}`])
      expect(foreign.stdout, target).toBe('403')
    }
    const crossSite = await fetch(`${preview.url}__preview/events`, {headers: {Origin: 'http://rebind.example'}})
    expect(crossSite.status).toBe(403)
    expect((await fetch(`http://localhost:${preview.port}/en/example.html`)).status).toBe(200)

    // The event stream, as the page's script reads it.
    const events = await fetch(`${preview.url}__preview/events`)
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader()
    let stream = ''
    const reloaded = (async () => {
      while (!/event: reload\ndata: .*\/en\/example\.html/.test(stream)) {
        const {value, done} = await reader.read()
        if (done) throw new Error(`The event stream ended:\n${stream}`)
        stream += value
      }
    })()
    // Saved as vim and sed -i save: a new file renamed over the old one, twice.
    const file = path.join(project, 'documents/example.md')
    for (const word of ['first', 'second']) {
      const text = (await fs.readFile(file, 'utf8')).replace(/Write the [a-z ]*main message first\./, `Write the ${word} main message first.`)
      await fs.writeFile(`${file}.swp`, text)
      await fs.rename(`${file}.swp`, file)
      await until(async () => (await (await fetch(`${preview.url}en/example.html`)).text()).includes(`Write the ${word} main message first.`), 15_000, `the ${word} save to show`)
    }
    await reloaded
    await reader.cancel()

    // A PDF on request starts the browser: it must end with preview.
    expect((await fetch(`${preview.url}de/example.pdf`)).headers.get('content-type')).toBe('application/pdf')
    const pids = [preview.child.pid!, ...(await descendants(preview.child.pid!))]
    expect(pids.length).toBeGreaterThan(1)
    preview.child.kill('SIGTERM')
    expect(await preview.exited).toBe(0)
    expect(preview.output.text).toContain('Preview stopped (SIGTERM)')
    await expectGone(pids, preview.port)
  }, 120_000)

  it('stops on SIGINT', async () => {
    const preview = await startPreview(process.execPath, [installed, 'preview', '--port', '0', '--lang', 'en'])
    expect((await fetch(`${preview.url}en/example.pdf`)).status).toBe(200)
    const pids = [preview.child.pid!, ...(await descendants(preview.child.pid!))]
    preview.child.kill('SIGINT')
    // Interrupted, by the shell's convention: 128 + SIGINT's number.
    expect(await preview.exited).toBe(130)
    await expectGone(pids, preview.port)
  }, 60_000)

  it('stops when the npx that started it is killed', async () => {
    const preview = await startPreview('npx', ['--no', 'policy-press', 'preview', '--port', '0', '--lang', 'en'])
    expect((await fetch(`${preview.url}en/example.pdf`)).status).toBe(200)
    const pids = [preview.child.pid!, ...(await descendants(preview.child.pid!))]
    // The PID that `npx policy-press preview &` gives is npx's.
    preview.child.kill('SIGTERM')
    await expectGone(pids, preview.port)
  }, 60_000)
})

describe('the publish workflow that init writes', () => {
  it("runs its jobs' steps in order in a fresh project: the plan, two shards on a matrix, the assembly", async () => {
    // A project as init writes it and git checks it out: no node_modules, no lockfile, nothing built.
    const clone = path.join(await makeProject({}), 'publication')
    const init = await runCli(['init', clone, '--quiet'], work, {}, installed)
    expect(init.code, init.stderr).toBe(0)
    const workflow = parse(await fs.readFile(path.join(clone, '.github/workflows/publish.yml'), 'utf8'))
    const summary = path.join(clone, 'step-summary.md')
    const outputs = path.join(clone, 'step-outputs')

    /** The `run:` steps of a job, in order, with their `env:` expressions resolved from `values`. */
    const runJob = async (name: string, values: Record<string, string>) => {
      const steps = (workflow.jobs[name].steps as Array<{run?: string; name?: string; env?: Record<string, string>}>).filter((step) => step.run)
      for (const step of steps) {
        expect(step.run, 'a run step uses no expression a shell could not run').not.toContain('${{')
        const env = Object.fromEntries(
          Object.entries(step.env ?? {}).map(([key, value]) => [
            key,
            value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
              if (!(expression in values)) throw new Error(`Unknown expression in ${name}: ${expression}`)
              return values[expression]!
            })
          ])
        )
        const result = await exec('bash', ['-eo', 'pipefail', '-c', step.run!], {
          cwd: clone,
          env: cliEnv({CI: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs, PUPPETEER_SKIP_DOWNLOAD: '1', ...env})
        }).catch((error: {code: number; stdout: string; stderr: string}) => error)
        expect('code' in result ? result.code : 0, `${name}: ${step.name}:\n${result.stdout}\n${result.stderr}`).toBe(0)
        assertNoStackTrace(result.stdout + result.stderr, step.name)
      }
      return steps.map((step) => step.name)
    }

    expect(await runJob('plan', {"vars.POLICY_PRESS_SHARDS || '1'": '2'})).toEqual([
      expect.stringMatching(/^Install policy-press/),
      expect.stringMatching(/^Check/),
      expect.stringMatching(/^Translation status/),
      expect.stringMatching(/^Gate/),
      expect.stringMatching(/^Plan/)
    ])
    expect(await fs.readFile(summary, 'utf8')).toContain('example')
    const matrix = JSON.parse(/^matrix=(.*)$/m.exec(await fs.readFile(outputs, 'utf8'))![1]!)
    expect(matrix.include).toHaveLength(2)
    // Each shard as its runner builds it; its folder is then what download-artifact gives assemble.
    for (const [index, entry] of (matrix.include as Array<{shard: string}>).entries()) {
      await runJob('build', {'matrix.shard': entry.shard})
      await fs.mkdir(path.join(clone, 'shards'), {recursive: true})
      await fs.rename(path.join(clone, 'shard'), path.join(clone, `shards/shard-${index + 1}`))
    }
    await runJob('assemble', {})
    for (const lang of ['en', 'de', 'et', 'lv', 'lt']) await fs.access(path.join(clone, `dist/${lang}/example.pdf`))
    expect(await fs.readFile(path.join(clone, 'dist/index.html'), 'utf8')).toContain('hreflang="lt"')
  }, 300_000)
})
