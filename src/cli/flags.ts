/**
 * The one table of commands and flags: it drives parsing, validation and
 * `--help` alike, so they cannot disagree.
 */
export interface Flag {
  name: string
  short?: string
  /** `list` is a comma-separated string, e.g. `--lang de,et`. */
  type: 'boolean' | 'string' | 'list'
  /** Placeholder in `--help`, e.g. `DIR`. */
  arg?: string
  description: string
  /** Commands that take the flag; `'*'` for all. */
  commands: string[] | '*'
  /** Allowed values of a `list` or `string` flag. */
  choices?: string[]
  /** What differs by command: the description and allowed values. */
  perCommand?: Record<string, {description?: string; choices?: string[]; single?: boolean}>
}

export interface Command {
  name: string
  summary: string
  /** Placeholder for positional arguments in `--help`, for commands that take them. */
  args?: string
}

export const commands: Command[] = [
  {name: 'build', summary: 'Build every document in every language into the output folder'},
  {name: 'preview', summary: 'Build, serve on 127.0.0.1 and rebuild on every change, reloading open pages'},
  {name: 'status', summary: 'Report, per document and language, which translations are current, stale or missing'},
  {name: 'sync', summary: 'Create or update the PO file of every document and target language from the source'},
  {name: 'translate', summary: 'Fill missing (and with --stale, stale) translations with DeepL drafts, never touching reviewed ones'},
  {name: 'import', summary: 'Import an existing translated Markdown document into its PO file', args: 'FILE.md…'},
  {name: 'export-xliff', summary: 'Write XLIFF files of the segments to translate, for CAT tools'},
  {name: 'import-xliff', summary: 'Merge translated XLIFF files back into the PO files', args: 'FILE.xlf…'},
  {name: 'plan', summary: 'Print the jobs of a build split into shards for several machines (a CI matrix), with their estimated costs'},
  {name: 'assemble', summary: 'Put the output folders of the shards of a build together into one site, checking every job is there once', args: 'SHARD_DIR…'},
  {name: 'check', summary: 'Check everything a build checks, and terminology, without writing anything (for pull requests)'},
  {name: 'init', summary: 'Start a new publication repository in DIR (default: the current folder) that builds at once', args: '[DIR]'},
  {name: 'config-schema', summary: 'Print the JSON schema of policy-press.config.yaml (for editors)'}
]

export const flags: Flag[] = [
  {name: 'root', type: 'string', arg: 'DIR', description: 'Project folder with documents/, translations/ and an optional policy-press.config.yaml (default: the current folder)', commands: '*'},
  {
    name: 'out',
    type: 'string',
    arg: 'DIR',
    description: 'Output folder (default: ROOT/dist)',
    commands: ['build', 'export-xliff', 'assemble', 'check'],
    perCommand: {
      check: {description: 'With --outputs: the built site to check (default: ROOT/dist)'},'export-xliff': {description: 'Folder for the XLIFF files (default: ROOT/xliff)'}, assemble: {description: 'Folder of the assembled site (default: ROOT/dist)'}}
  },
  {name: 'states', type: 'list', arg: 'LIST', description: 'Segments to export by state: stale, missing, machine, current (default: stale,missing,machine)', commands: ['export-xliff'], choices: ['stale', 'missing', 'machine', 'current']},
  {name: 'xliff', type: 'string', arg: 'VERSION', description: 'XLIFF version: 1.2 or 2.0 (default: 1.2)', commands: ['export-xliff'], choices: ['1.2', '2.0']},
  {name: 'lang', type: 'list', arg: 'LIST', description: 'Only these languages, comma-separated (default: all)', commands: ['build', 'sync', 'status', 'import', 'translate', 'export-xliff', 'preview'],
    perCommand: {import: {description: 'The language of the translation (required)', single: true}, 'export-xliff': {description: 'The language to export (required)', single: true}}},
  {
    name: 'doc',
    type: 'list',
    arg: 'LIST',
    description: 'Only these documents, by slug, comma-separated (default: all)',
    commands: ['build', 'sync', 'status', 'import', 'translate', 'export-xliff', 'preview'],
    perCommand: {import: {description: 'The document the translation belongs to, by slug (required)', single: true}}
  },
  {
    name: 'format',
    type: 'list',
    arg: 'LIST',
    description: 'Output format',
    commands: ['build', 'status', 'check', 'plan'],
    perCommand: {
      plan: {description: 'Report format: text or json, a GitHub Actions matrix (default: text)', choices: ['text', 'json'], single: true},
      build: {description: 'Output formats: html, pdf (default: html,pdf)', choices: ['html', 'pdf']},
      check: {description: 'Report format: text or json, and markdown with --outputs (default: text)', choices: ['text', 'json', 'markdown'], single: true},
      status: {description: 'Report format: text, json or markdown (default: text)', choices: ['text', 'json', 'markdown'], single: true}
    }
  },
  {
    name: 'segments',
    type: 'string',
    arg: 'WHICH',
    description: 'Segments each document lists in JSON: all, or open (not current; faster on large projects, from the cache) (default: all)',
    commands: ['status'],
    choices: ['all', 'open']
  },
  {name: 'fail-on', type: 'list', arg: 'LIST', description: 'Exit 1 when a segment is in one of these states: stale, missing, machine', commands: ['status'], choices: ['stale', 'missing', 'machine']},
  {
    name: 'outputs',
    type: 'boolean',
    description: 'Check the built PDFs instead of the sources: PDF/UA-1 conditions of the Matterhorn Protocol that a machine can check, per PDF',
    commands: ['check']
  },
  {name: 'strict', type: 'boolean', description: 'Fail on stale or missing translations and on translation problems (for releases)', commands: ['build']},
  {
    name: 'force',
    type: 'boolean',
    description: 'Build even if nothing changed since the last build',
    commands: ['build', 'import', 'import-xliff'],
    perCommand: {import: {description: 'Replace translations that are already in the PO file'}, 'import-xliff': {description: 'Replace reviewed translations in the PO files'}}
  },
  {name: 'shard', type: 'string', arg: 'K/N', description: 'Build only the K-th of N shards of the plan (see `plan`), for `assemble`', commands: ['build']},
  {name: 'shards', type: 'string', arg: 'N', description: 'Number of shards (machines) to split the build into (default: 1)', commands: ['plan']},
  {name: 'jobs', type: 'string', arg: 'N', description: 'PDFs printed at once (default: the number of cores)', commands: ['build']},
  {name: 'stale', type: 'boolean', description: 'Also replace stale translations with drafts (their old text is kept in a comment)', commands: ['translate']},
  {name: 'dry-run', type: 'boolean', description: 'Only list what would be sent and the characters billed, per language', commands: ['translate']},
  {name: 'server-url', type: 'string', arg: 'URL', description: 'DeepL API address (default: the config, else chosen from the key)', commands: ['translate']},
  {name: 'port', type: 'string', arg: 'N', description: 'Port to serve on (default: 4000)', commands: ['preview']},
  {name: 'host', type: 'string', arg: 'HOST', description: 'Interface to serve on (default: 127.0.0.1, this machine only)', commands: ['preview']},
  {
    name: 'allow-host',
    type: 'list',
    arg: 'LIST',
    description: 'Host names that requests may name besides the address served on and localhost, comma-separated; others get 403 (default: none)',
    commands: ['preview']
  },
  {
    name: 'dependency',
    type: 'string',
    arg: 'SPEC',
    description: 'How package.json names policy-press: an npm spec such as `policy-press@^0.1.0`, `github:OWNER/policy-press#v0.1.0` or a tarball (default: this version, packed into vendor/)',
    commands: ['init']
  },
  {name: 'quiet', short: 'q', type: 'boolean', description: 'Print only warnings and errors', commands: '*'},
  {name: 'color', type: 'boolean', description: 'Force colours in messages (default: on a terminal)', commands: '*'},
  {name: 'no-color', type: 'boolean', description: 'Never use colours in messages', commands: '*'},
  {name: 'help', short: 'h', type: 'boolean', description: 'Show this help', commands: '*'},
  {name: 'version', short: 'v', type: 'boolean', description: 'Show the version', commands: '*'}
]

/** A flag as it applies to `command`: its description and choices for that command. */
export function flagFor(flag: Flag, command: string | undefined): Flag {
  const specific = command === undefined ? undefined : flag.perCommand?.[command]
  return specific ? {...flag, ...specific} : flag
}

export function flagsOf(command: string | undefined): Flag[] {
  return flags.filter((flag) => flag.commands === '*' || (command !== undefined && flag.commands.includes(command)))
}
