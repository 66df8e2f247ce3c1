/** `--help`, written from the flag table. */
import {commands, flagFor, flagsOf} from './flags.js'

function flagLabel(flag: {name: string; short?: string; arg?: string}): string {
  return `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.arg ? ` ${flag.arg}` : ''}`
}

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n')
}

export function help(command: string | undefined): string {
  const lines: string[] = []
  if (command === undefined) {
    lines.push('Usage: policy-press <command> [options]', '', 'Publish Markdown policy documents and their translations as HTML.', '', 'Commands:')
    lines.push(table(commands.map((known) => [known.name, known.summary])))
    lines.push('', 'Options for every command:')
  } else {
    const known = commands.find((item) => item.name === command)!
    lines.push(`Usage: policy-press ${command} [options]${known.args ? ` ${known.args}` : ''}`, '', `${known.summary}.`, '', 'Options:')
  }
  const shown = command === undefined ? flagsOf(undefined) : flagsOf(command)
  lines.push(table(shown.map((flag) => [flagLabel(flag), flagFor(flag, command).description])))
  if (command === undefined) lines.push('', 'Run `policy-press <command> --help` for the options of a command.')
  lines.push('', 'Exit codes: 0 success, 1 content errors (see the messages), 2 bad usage or configuration.')
  return `${lines.join('\n')}\n`
}
