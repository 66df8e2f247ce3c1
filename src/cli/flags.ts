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
}

export interface Command {
  name: string
  summary: string
}

export const commands: Command[] = [
  {name: 'build', summary: 'Build every document in every language into the output folder'},
  {name: 'sync', summary: 'Create or update the PO file of every document and target language from the source'},
  {name: 'config-schema', summary: 'Print the JSON schema of policy-press.config.yaml (for editors)'}
]

export const flags: Flag[] = [
  {name: 'root', type: 'string', arg: 'DIR', description: 'Project folder with documents/, translations/ and an optional policy-press.config.yaml (default: the current folder)', commands: '*'},
  {name: 'out', type: 'string', arg: 'DIR', description: 'Output folder (default: ROOT/dist)', commands: ['build']},
  {name: 'lang', type: 'list', arg: 'LIST', description: 'Only these languages, comma-separated (default: all)', commands: ['build', 'sync']},
  {name: 'doc', type: 'list', arg: 'LIST', description: 'Only these documents, by slug, comma-separated (default: all)', commands: ['build', 'sync']},
  {name: 'format', type: 'list', arg: 'LIST', description: 'Output formats (default: html)', commands: ['build'], choices: ['html']},
  {name: 'force', type: 'boolean', description: 'Build even if nothing changed since the last build', commands: ['build']},
  {name: 'quiet', short: 'q', type: 'boolean', description: 'Print only warnings and errors', commands: '*'},
  {name: 'color', type: 'boolean', description: 'Force colours in messages (default: on a terminal)', commands: '*'},
  {name: 'no-color', type: 'boolean', description: 'Never use colours in messages', commands: '*'},
  {name: 'help', short: 'h', type: 'boolean', description: 'Show this help', commands: '*'},
  {name: 'version', short: 'v', type: 'boolean', description: 'Show the version', commands: '*'}
]

export function flagsOf(command: string | undefined): Flag[] {
  return flags.filter((flag) => flag.commands === '*' || (command !== undefined && flag.commands.includes(command)))
}
