/** The status report for people: plain text (coloured on a terminal) and Markdown (for CI summaries and PR comments). */
import type {DiffPart, DocumentStatus, StatusReport} from '../catalog/status.js'

const ansi = {red: '\u001B[31m', green: '\u001B[32m', yellow: '\u001B[33m', dim: '\u001B[2m', strike: '\u001B[9m', bold: '\u001B[1m', reset: '\u001B[0m'}

function diffText(parts: DiffPart[], color: boolean): string {
  return parts
    .map((part) => {
      if (part.type === 'same') return part.text
      if (color) return part.type === 'removed' ? `${ansi.red}${ansi.strike}${part.text}${ansi.reset}` : `${ansi.green}${part.text}${ansi.reset}`
      return part.type === 'removed' ? `[-${part.text}-]` : `{+${part.text}+}`
    })
    .join('')
}

function summary(document: DocumentStatus): string {
  const machine = document.machine > 0 ? `, ${document.machine} machine` : ''
  const check = document.checkAlignment > 0 ? `, ${document.checkAlignment} check alignment` : ''
  return `${document.percent}% current (${document.current} current, ${document.stale} stale${machine}${check}, ${document.missing} missing of ${document.total})`
}

export function statusText(report: StatusReport, options: {color: boolean; verbose?: boolean}): string {
  const {color} = options
  const lines: string[] = []
  const width = Math.max(0, ...report.documents.map((document) => document.doc.length))
  for (const document of report.documents) {
    const head = `${document.doc.padEnd(width)}  ${document.lang}  ${summary(document)}`
    lines.push(color && document.percent < 100 ? `${ansi.bold}${head}${ansi.reset}` : head)
    for (const segment of document.segments) {
      if (segment.state === 'stale') {
        lines.push(`  ${color ? `${ansi.yellow}stale${ansi.reset}` : 'stale'}    ${segment.location}`)
        lines.push(`    source:      ${segment.diff ? diffText(segment.diff, color) : segment.source}`)
        if (segment.translation) lines.push(`    translation: ${segment.translation}`)
      } else if (segment.state === 'machine') {
        lines.push(`  ${color ? `${ansi.yellow}machine${ansi.reset}` : 'machine'}  ${segment.location}  ${segment.translation ?? ''}`)
      } else if (segment.state === 'check alignment') {
        lines.push(`  ${color ? `${ansi.yellow}check alignment${ansi.reset}` : 'check alignment'}  ${segment.location}`)
        lines.push(`    source:      ${segment.source}`)
        lines.push(`    translation: ${segment.translation ?? ''}`)
      } else if (segment.state === 'missing') {
        const text = segment.source.length > 72 ? `${segment.source.slice(0, 71)}…` : segment.source
        lines.push(`  ${color ? `${ansi.red}missing${ansi.reset}` : 'missing'}  ${segment.location}  ${color ? ansi.dim : ''}${text}${color ? ansi.reset : ''}`)
      }
    }
  }
  if (report.documents.length === 0) lines.push('No documents with target languages to report on.')
  return `${lines.join('\n')}\n`
}

/**
 * Text as Markdown that shows as itself in a GitHub job summary or comment, whatever the document
 * says: every ASCII punctuation character is backslash-escaped (CommonMark allows it for all), so no
 * link, image, emphasis, code, HTML tag, entity or table pipe can start. GFM turns URLs, `www.` and
 * e-mail addresses in text into links through escapes too, so an empty HTML comment, which shows as
 * nothing, splits each (`https:<!-- -->//`, `www<!-- -->.`, `<!-- -->@`). A line break becomes a
 * space, so the text stays in its list item.
 */
export function literalMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`)
    .replace(/\\:(?=\\\/\\\/)/g, '\\:<!-- -->')
    .replace(/\b(www)(?=\\\.)/gi, '$1<!-- -->')
    .replace(/\\@/g, '<!-- -->\\@')
}

/** A code span that holds `text` whatever backticks it has. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1)
  return `${fence}${/^`|`$/.test(text) ? ` ${text} ` : text}${fence}`
}

export function statusMarkdown(report: StatusReport): string {
  const lines = ['## Translation status', '', '| Document | Language | Current | Stale | Machine | Check alignment | Missing | Total | Up to date |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
  for (const document of report.documents) {
    lines.push(`| ${literalMarkdown(document.doc)} | ${literalMarkdown(document.lang)} | ${document.current} | ${document.stale} | ${document.machine} | ${document.checkAlignment} | ${document.missing} | ${document.total} | ${document.percent} % |`)
  }
  for (const document of report.documents) {
    const open = document.segments.filter((segment) => segment.state !== 'current')
    if (open.length === 0) continue
    lines.push('', `### ${literalMarkdown(document.doc)} · ${literalMarkdown(document.lang)}`, '')
    for (const segment of open) {
      if (segment.state === 'stale') {
        const diff = segment.diff
          ? segment.diff.map((part) => (part.type === 'same' ? literalMarkdown(part.text) : part.type === 'removed' ? `<del>${literalMarkdown(part.text)}</del>` : `<ins>${literalMarkdown(part.text)}</ins>`)).join('')
          : literalMarkdown(segment.source)
        lines.push(`- **stale** ${codeSpan(segment.location)}: ${diff}`)
        if (segment.translation) lines.push(`  <br>Translation: ${literalMarkdown(segment.translation)}`)
      } else if (segment.state === 'check alignment') {
        lines.push(`- **check alignment** ${codeSpan(segment.location)}: ${literalMarkdown(segment.source)}<br>Translation: ${literalMarkdown(segment.translation ?? '')}`)
      } else if (segment.state === 'machine') {
        lines.push(`- **machine draft** ${codeSpan(segment.location)}: ${literalMarkdown(segment.source)}<br>Draft: ${literalMarkdown(segment.translation ?? '')}`)
      } else {
        lines.push(`- **missing** ${codeSpan(segment.location)}: ${literalMarkdown(segment.source)}`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}
