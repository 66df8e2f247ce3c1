/**
 * The mark `import` leaves on a translation whose pairing with its source
 * block it could not be sure of: fuzzy, so that gettext tools and the build
 * treat it as unconfirmed, with the translator comment
 * `# policy-press: check alignment`. It is a translator comment, not a `#.`
 * one, because sync rewrites `#.` comments from the source; like the
 * machine-translation comment it stays until the translator edits it. With
 * no previous source (`#|`) it is not stale: the source did not change, the
 * pairing is in doubt, and status says so.
 */
import type {CatalogEntry} from './po.js'

export const alignmentComment = 'policy-press: check alignment'

const commentLine = /^policy-press: check alignment$/m

/** Mark or unmark an entry's pairing as one to check. */
export function markAlignment(entry: CatalogEntry, uncertain: boolean): void {
  const lines = entry.translator === '' ? [] : entry.translator.split('\n').filter((line) => line !== alignmentComment)
  if (uncertain) lines.push(alignmentComment)
  entry.translator = lines.join('\n')
  entry.fuzzy = uncertain
  entry.previous = undefined
}

/** `true` for a fuzzy entry that `import` paired with its source block in doubt, and whose source has not changed since. */
export function needsAlignmentCheck(entry: CatalogEntry): boolean {
  return entry.fuzzy && entry.previous === undefined && entry.msgstr !== '' && commentLine.test(entry.translator)
}
