/** The accessibility report of built PDFs (`check --outputs`): text, JSON and Markdown for a job summary. */
import type {AccessibilityReport} from '../pdf/accessibility.js'

export interface OutputReport extends AccessibilityReport {
  /** The PDF, relative to the output folder. */
  path: string
}

const where = (failure: AccessibilityReport['failures'][number]) =>
  [failure.page === undefined ? '' : `page ${failure.page}`, failure.object ?? ''].filter(Boolean).join(', ') || 'document'

export function accessibilityText(reports: OutputReport[]): string {
  const lines = reports.map((report) =>
    report.failures.length === 0
      ? `${report.path}: passes (${report.pages} pages)\n`
      : `${report.path}: ${report.failures.length} failure${report.failures.length === 1 ? '' : 's'} (${report.pages} pages)\n${report.failures.map((failure) => `  ${failure.checkpoint}  ${where(failure)}  ${failure.reason}${failure.count > 1 ? ` (${failure.count}×)` : ''}\n`).join('')}`
  )
  const failing = reports.filter((report) => report.failures.length > 0).length
  return `${lines.join('')}${failing === 0 ? `All ${reports.length} PDFs pass the checks of PDF/UA-1 (Matterhorn Protocol) a machine can make.\n` : `${failing} of ${reports.length} PDFs fail.\n`}`
}

export function accessibilityJson(reports: OutputReport[]): string {
  return `${JSON.stringify({failures: reports.reduce((sum, report) => sum + report.failures.length, 0), documents: reports}, null, 2)}\n`
}

/** A table per checkpoint: how many PDFs fail it and how often, for GitHub's job summary. */
export function accessibilityMarkdown(reports: OutputReport[]): string {
  const byCheckpoint = new Map<string, {reason: string; pdfs: Set<string>; count: number}>()
  for (const report of reports) {
    for (const failure of report.failures) {
      const key = `${failure.checkpoint} ${failure.reason}`
      const entry = byCheckpoint.get(key) ?? {reason: failure.reason, pdfs: new Set(), count: 0}
      entry.pdfs.add(report.path)
      entry.count += failure.count
      byCheckpoint.set(key, entry)
    }
  }
  const escape = (value: string) => value.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`)
  const rows = [...byCheckpoint].sort(([a], [b]) => a.localeCompare(b)).map(([key, entry]) => `| ${key.slice(0, 6)} | ${escape(entry.reason)} | ${entry.pdfs.size} | ${entry.count} |`)
  return `## PDF accessibility (PDF/UA-1)\n\n${reports.length} PDFs checked; ${reports.filter((report) => report.failures.length === 0).length} pass.\n\n${
    rows.length === 0 ? 'No failure.\n' : `| checkpoint | failure | PDFs | occurrences |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`
  }`
}
