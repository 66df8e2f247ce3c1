/**
 * Content that is neither tagged nor an artifact, marked as an artifact
 * (PDF/UA-1, ISO 14289-1 7.1; Matterhorn 01-005).
 *
 * Chromium tags what the document's elements paint, and nothing else: the
 * running heads and page numbers it draws from `@page` margin boxes, page
 * and box backgrounds, borders, and generated text such as the contents'
 * dot leaders are left outside any marked content. A screen reader would
 * read them as body text, and a validator fails the file. Each such run of
 * operators is wrapped in an `/Artifact` marked-content sequence:
 *
 * - text drawn outside the page area (Chromium paints the page area inside
 *   a clip, the margin boxes outside any) is pagination: a `/Header` in the
 *   upper half of the page, a `/Footer` in the lower;
 * - everything else is layout.
 *
 * A run never crosses a text object, a `q`/`Q` pair or a tagged sequence,
 * so the marks nest as ISO 32000-1 (14.6) requires. The stream is read
 * operator by operator (content-operators.ts), except its text objects
 * without marked content, most of a page, which a few string searches
 * settle; the bytes between the marks are kept as they are.
 */
import {contentOperators, type Operator} from './content-operators.js'

type Matrix = [number, number, number, number, number, number]

const identity: Matrix = [1, 0, 0, 1, 0, 0]
const textOperators = new Set(['Tj', 'TJ', "'", '"'])
const paintOperators = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'Do', 'BI'])

/** `a` then `b` (PDF's row-vector convention: a point is transformed by `a` first). */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5]
  ]
}

/** The six numbers before a `cm` or `Tm` operator. */
function matrixOperand(text: string, operator: Operator): Matrix | undefined {
  const numbers = text.slice(operator.start, operator.end - operator.name.length).trim().split(/\s+/).map(Number)
  return numbers.length === 6 && numbers.every(Number.isFinite) ? (numbers as Matrix) : undefined
}

/** Whether a text object's match holds a second `BT` operator (it would, were a text object never closed). */
function hasSecondTextObject(object: string): boolean {
  for (let at = object.indexOf('BT', 2); at >= 0; at = object.indexOf('BT', at + 2)) {
    if (/\s/.test(object[at - 1]!) && /\s/.test(object[at + 2] ?? ' ')) return true
  }
  return false
}

/** What the artifact marks say a run is. */
function artifactTag(kind: 'layout' | 'header' | 'footer'): string {
  if (kind === 'layout') return '/Artifact <</Type /Layout>> BDC'
  return `/Artifact <</Type /Pagination /Subtype /${kind === 'header' ? 'Header' : 'Footer'}>> BDC`
}

/**
 * `text` (a content stream, one character per byte) with every untagged run of text and painting operators
 * marked as an artifact; `pageHeight` (in default user space) tells a running head from a running foot.
 * Returns `text` itself when there is nothing to mark.
 */
export function markArtifacts(text: string, pageHeight: number): string {
  const insertions: Array<{at: number; text: string}> = []
  // Open marked-content sequences: tagged or artifact ('marked'), or neither ('other', e.g. a Span with ActualText).
  const sequences: Array<'marked' | 'other'> = []
  // How many of them are tagged or artifacts: inside one, nothing needs marking.
  let markedDepth = 0
  // The graphics state as far as placing a run needs it: transformation, and whether a clip is set.
  let state = {ctm: identity, clipped: false}
  const saved: Array<typeof state> = []
  let textMatrix: Matrix = identity
  let run: {first: Operator; last: Operator; text: boolean; paint: boolean; y: number} | undefined
  // Non-marking sequences opened inside the current run: the run may not end inside one.
  let otherDepth = 0

  const end = () => {
    if (run && (run.text || run.paint) && otherDepth === 0) {
      const kind = !run.text || state.clipped ? 'layout' : run.y > pageHeight / 2 ? 'header' : 'footer'
      insertions.push({at: run.first.start, text: `\n${artifactTag(kind)}`}, {at: run.last.end, text: '\nEMC'})
    }
    run = undefined
    otherDepth = 0
  }

  const step = (operator: Operator) => {
    const {name} = operator
    if (name === 'BDC' || name === 'BMC') {
      const kind = operator.mcid || operator.tag === 'Artifact' ? 'marked' : 'other'
      sequences.push(kind)
      if (kind === 'marked') {
        markedDepth++
        end()
      } else if (run) {
        // A sequence such as a Span with ActualText inside untagged text: the run holds it whole.
        otherDepth++
        run.last = operator
      }
      return
    }
    if (name === 'EMC') {
      const closed = sequences.pop()
      if (closed === 'marked') markedDepth--
      if (closed === 'other' && run && otherDepth > 0) {
        otherDepth--
        run.last = operator
      } else {
        end()
      }
      return
    }
    // Text objects and saved graphics states bound a run: the marks nest inside them.
    if (name === 'q' || name === 'Q' || name === 'BT' || name === 'ET') {
      end()
      if (name === 'q') saved.push(state)
      else if (name === 'Q') state = saved.pop() ?? {ctm: identity, clipped: false}
      else textMatrix = identity
      return
    }
    if (name === 'cm') {
      const matrix = matrixOperand(text, operator)
      if (matrix) state = {...state, ctm: multiply(matrix, state.ctm)}
    } else if (name === 'W' || name === 'W*') {
      state = {...state, clipped: true}
    } else if (name === 'Tm') {
      textMatrix = matrixOperand(text, operator) ?? textMatrix
    }
    if (markedDepth > 0) return
    // A run starts at its first operator, whatever it is (a path's construction, a text state): it holds the whole object.
    run ??= {first: operator, last: operator, text: false, paint: false, y: 0}
    run.last = operator
    if (textOperators.has(name) && !run.text) {
      run.text = true
      run.y = multiply(textMatrix, state.ctm)[5]
    }
    if (paintOperators.has(name)) run.paint = true
  }

  /** A text object without marked content (most of a page): read with a few searches instead of operator by operator. */
  const plainTextObject = (at: number, object: string) => {
    end()
    if (markedDepth > 0 || !/Tj|TJ|['"]/.test(object)) return
    const tm = /(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+Tm\b/.exec(object)
    const matrix = tm?.slice(1).map(Number)
    const y = multiply(matrix?.every(Number.isFinite) ? (matrix as Matrix) : identity, state.ctm)[5]
    const kind = state.clipped ? 'layout' : y > pageHeight / 2 ? 'header' : 'footer'
    // Inside BT … ET: after `BT`, and before `ET` (which follows a whitespace character).
    insertions.push({at: at + 2, text: `\n${artifactTag(kind)}`}, {at: at + object.length - 2, text: 'EMC\n'})
  }
  const tokenize = (from: number, to: number) => {
    for (const operator of contentOperators(text, from, to)) step(operator)
  }

  // Chromium writes its text as hex strings: without a literal string, a text object ends at the first ET operator.
  let position = 0
  if (!text.includes('(')) {
    for (const match of text.matchAll(/(?<=^|\s)BT\s(?:[^]*?\s)??ET(?=\s|$)/g)) {
      tokenize(position, match.index)
      position = match.index + match[0].length
      const object = match[0]
      // One text object, as text objects do not nest: anything else is read operator by operator.
      if (hasSecondTextObject(object)) {
        tokenize(match.index, position)
      } else if (!/B[DM]C|EMC|BI/.test(object)) {
        plainTextObject(match.index, object)
      } else if (markedDepth > 0 && (object.match(/B[DM]C/g) ?? []).length === (object.match(/EMC/g) ?? []).length && !object.includes('BI')) {
        // Inside tagged content, with its own marks balanced (as in a text object they must be): nothing to mark in it.
        end()
      } else {
        tokenize(match.index, position)
      }
    }
  }
  tokenize(position, text.length)
  end()
  if (insertions.length === 0) return text
  const parts: string[] = []
  let copied = 0
  for (const insertion of insertions) {
    parts.push(text.slice(copied, insertion.at), insertion.text)
    copied = insertion.at
  }
  parts.push(text.slice(copied))
  return parts.join('')
}
