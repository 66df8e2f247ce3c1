/** argv → options, from the flag table. Bad usage is a `UsageError` (exit code 2). */
import {parseArgs} from 'node:util'
import {commands, flagFor, flags, flagsOf} from './flags.js'

export class UsageError extends Error {}

export interface CliOptions {
  command: string | undefined
  positionals: string[]
  root: string
  out: string | undefined
  lang: string[] | undefined
  doc: string[] | undefined
  format: string[] | undefined
  failOn: string[] | undefined
  segments: string | undefined
  jobs: number | undefined
  shard: {index: number; total: number} | undefined
  shards: number | undefined
  stale: boolean
  dryRun: boolean
  serverUrl: string | undefined
  states: string[] | undefined
  port: number | undefined
  host: string | undefined
  allowHost: string[] | undefined
  xliff: string | undefined
  dependency: string | undefined
  force: boolean
  strict: boolean
  outputs: boolean
  quiet: boolean
  color: boolean | undefined
  help: boolean
  version: boolean
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

export function parseOptions(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        flags.map((flag) => [flag.name, {type: flag.type === 'boolean' ? 'boolean' : 'string', ...(flag.short ? {short: flag.short} : {})}])
      ) as Parameters<typeof parseArgs>[0] extends infer T ? (T extends {options?: infer O} ? O : never) : never
    })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''))
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  const [command, ...positionals] = parsed.positionals
  const help = values.help === true
  if (command !== undefined && !commands.some((known) => known.name === command)) {
    throw new UsageError(`Unknown command \`${command}\`, expected one of ${commands.map((known) => `\`${known.name}\``).join(', ')}`)
  }
  if (!help && values.version !== true && command === undefined) throw new UsageError('Missing command')
  const allowed = new Set(flagsOf(command).map((flag) => flag.name))
  for (const generic of flags) {
    const flag = flagFor(generic, command)
    const value = values[flag.name]
    if (value === undefined) continue
    if (!allowed.has(flag.name)) throw new UsageError(`Unexpected flag \`--${flag.name}\` for \`${command}\``)
    if (flag.type !== 'boolean' && value === '') throw new UsageError(`Missing value for \`--${flag.name}\``)
    if (flag.perCommand?.[command ?? '']?.single && splitList(String(value)).length > 1) {
      throw new UsageError(`Unexpected several values for \`--${flag.name}\`, expected one`)
    }
    if (flag.choices) {
      for (const item of flag.type === 'list' ? splitList(String(value)) : [String(value)]) {
        if (!flag.choices.includes(item)) {
          throw new UsageError(`Unexpected \`${item}\` for \`--${flag.name}\`, expected ${flag.choices.map((choice) => `\`${choice}\``).join(', ')}`)
        }
      }
    }
  }
  if (typeof values.port === 'string' && !/^\d+$/.test(values.port)) throw new UsageError(`Unexpected \`${values.port}\` for \`--port\`, expected a port number`)
  const shard = typeof values.shard === 'string' ? /^([1-9]\d*)\/([1-9]\d*)$/.exec(values.shard) : undefined
  if (shard === null || (shard && Number(shard[1]) > Number(shard[2]))) throw new UsageError(`Unexpected \`${values.shard}\` for \`--shard\`, expected K/N with 1 ≤ K ≤ N, e.g. 2/4`)
  if (typeof values.shards === 'string' && !/^[1-9]\d*$/.test(values.shards)) throw new UsageError(`Unexpected \`${values.shards}\` for \`--shards\`, expected a whole number of 1 or more`)
  if (command === 'assemble' && !help && positionals.length === 0) throw new UsageError('Missing shard folder, expected `policy-press assemble [--out DIR] SHARD_DIR…`')
  if (typeof values.jobs === 'string' && !/^[1-9]\d*$/.test(values.jobs)) throw new UsageError(`Unexpected \`${values.jobs}\` for \`--jobs\`, expected a whole number of 1 or more`)
  if (values.color === true && values['no-color'] === true) throw new UsageError('Unexpected `--color` with `--no-color`, expected one')
  const takesArguments = commands.find((known) => known.name === command)?.args !== undefined
  if (positionals.length > 0 && !takesArguments) throw new UsageError(`Unexpected argument \`${positionals[0]}\``)
  if (command === 'init' && positionals.length > 1) throw new UsageError(`Unexpected argument \`${positionals[1]}\`, expected one folder`)
  if (command === 'export-xliff' && !help && typeof values.lang !== 'string') throw new UsageError('Missing `--lang` for `export-xliff`, expected the language to export')
  if (command === 'import-xliff' && !help && positionals.length === 0) throw new UsageError('Missing XLIFF file, expected `policy-press import-xliff FILE.xlf…`')
  if (command === 'import' && !help) {
    if (positionals.length === 0) throw new UsageError('Missing translated file, expected `policy-press import --lang LANG --doc SLUG FILE.md`')
    if (typeof values.lang !== 'string') throw new UsageError('Missing `--lang` for `import`, expected the language of the translation')
    if (typeof values.doc !== 'string') throw new UsageError('Missing `--doc` for `import`, expected the slug of the source document')
  }
  const list = (name: string) => (typeof values[name] === 'string' ? splitList(values[name] as string) : undefined)
  return {
    command,
    positionals,
    root: typeof values.root === 'string' ? values.root : '.',
    out: typeof values.out === 'string' ? values.out : undefined,
    lang: list('lang'),
    doc: list('doc'),
    format: list('format'),
    failOn: list('fail-on'),
    segments: typeof values.segments === 'string' ? values.segments : undefined,
    jobs: typeof values.jobs === 'string' ? Number(values.jobs) : undefined,
    shard: shard ? {index: Number(shard[1]), total: Number(shard[2])} : undefined,
    shards: typeof values.shards === 'string' ? Number(values.shards) : undefined,
    stale: values.stale === true,
    dryRun: values['dry-run'] === true,
    serverUrl: typeof values['server-url'] === 'string' ? values['server-url'] : undefined,
    states: list('states'),
    port: typeof values.port === 'string' ? Number(values.port) : undefined,
    host: typeof values.host === 'string' ? values.host : undefined,
    allowHost: list('allow-host'),
    xliff: typeof values.xliff === 'string' ? values.xliff : undefined,
    dependency: typeof values.dependency === 'string' ? values.dependency : undefined,
    force: values.force === true,
    strict: values.strict === true,
    outputs: values.outputs === true,
    quiet: values.quiet === true,
    color: values.color === true ? true : values['no-color'] === true ? false : undefined,
    help,
    version: values.version === true
  }
}
