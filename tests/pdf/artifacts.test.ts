/**
 * Untagged content marked as artifacts (src/pdf/artifacts.ts), on a content
 * stream written the way Chromium (Skia) writes one: a page flipped to CSS
 * pixels, margin boxes drawn without a clip, the page area inside one.
 */
import {describe, expect, it} from 'vitest'
import {markArtifacts} from '../../src/pdf/artifacts.js'
import {contentOperators} from '../../src/pdf/content-operators.js'

const page = [
  '.75 0 0 -.75 0 841.92 cm',
  // The page box's background: drawn, not text.
  'q\n1 1 1 rg\n0 0 794 1123 re\nf\nQ',
  // The running head, in the top margin, and the page number, in the bottom one.
  'q\n.29 .33 .39 rg\nBT\n/F7 11.33 Tf\n1 0 0 -1 83 72 Tm\n<0004> Tj\n6.46 0 Td <0020> Tj\nET\nQ',
  'q\nBT\n/F7 11.33 Tf\n1 0 0 -1 380 1080 Tm\n<0013> Tj\nET\nQ',
  // The page area: tagged text, a dot leader (generated content) and a rule, inside the clip.
  'q\n83 91 635 941 re\nW* n\n/P <</MCID 0 >>BDC\nBT\n/F1 14 Tf\n1 0 0 -1 83 120 Tm\n<0041> Tj\nET\nEMC',
  'BT\n/F1 14 Tf\n1 0 0 -1 300 120 Tm\n<0001> Tj\n2.8 0 Td <0098> Tj\nET',
  '0 0 0 RG\n83 140 m\n700 140 l\nS',
  // An empty tagged text object, then an untagged box (a task's, drawn by CSS): the box is marked, not skipped.
  '/NonStruct <</MCID 1 >>BDC\nBT\nET\nEMC\n5 10 m\n5 8 l\n17 8 l\nh\nf\n/P <</MCID 2 >>BDC\nBT\n/F1 14 Tf\n1 0 0 -1 83 150 Tm\n<0043> Tj\nET\nEMC',
  // Untagged text with a soft hyphen's ActualText span inside: the span stays whole inside the mark.
  'BT\n/F1 14 Tf\n1 0 0 -1 83 160 Tm\n<0042> Tj\n/Span<</ActualText <feff> >> BDC\n3 0 Td <0001> Tj\nEMC\nET\nQ'
].join('\n')

/** The artifact marks of a stream, in order, and the text and painting operators outside any mark. */
function marks(text: string): {artifacts: string[]; unmarked: string[]} {
  const artifacts: string[] = []
  const unmarked: string[] = []
  const stack: boolean[] = []
  for (const operator of contentOperators(text)) {
    if (operator.name === 'BDC' || operator.name === 'BMC') {
      const marking = operator.tag === 'Artifact' || operator.mcid === true
      if (operator.tag === 'Artifact') artifacts.push(/\/Subtype \/(\w+)/.exec(text.slice(operator.start, operator.end))?.[1] ?? 'Layout')
      stack.push(marking)
    } else if (operator.name === 'EMC') {
      stack.pop()
    } else if (/^(Tj|TJ|'|"|f|F|f\*|S|s|B|B\*|b|b\*|sh|Do|BI)$/.test(operator.name) && !stack.includes(true)) {
      unmarked.push(operator.name)
    }
  }
  return {artifacts, unmarked}
}

describe('markArtifacts', () => {
  it('marks running heads and page numbers as pagination, everything else untagged as layout', () => {
    expect(marks(page).unmarked).toEqual(['f', 'Tj', 'Tj', 'Tj', 'Tj', 'Tj', 'S', 'f', 'Tj', 'Tj'])
    const marked = markArtifacts(page, 841.92)
    expect(marks(marked)).toEqual({artifacts: ['Layout', 'Header', 'Footer', 'Layout', 'Layout', 'Layout', 'Layout'], unmarked: []})
    // Tagged content is left as it was.
    expect(marked).toContain('/P <</MCID 0 >>BDC\nBT\n/F1 14 Tf\n1 0 0 -1 83 120 Tm\n<0041> Tj\nET\nEMC')
  })

  it('keeps the marks inside text objects and saved states, and a span inside a mark', () => {
    const marked = markArtifacts(page, 841.92)
    // Each mark opens and closes within one text object or one q … Q: the nesting ISO 32000-1 (14.6) asks for.
    let depth = 0
    let textObject = false
    const openedIn: Array<{textObject: boolean; depth: number}> = []
    for (const operator of contentOperators(marked)) {
      if (operator.name === 'q') depth++
      else if (operator.name === 'Q') depth--
      else if (operator.name === 'BT') textObject = true
      else if (operator.name === 'ET') textObject = false
      else if (operator.name === 'BDC' || operator.name === 'BMC') openedIn.push({textObject, depth})
      else if (operator.name === 'EMC') expect(openedIn.pop()).toEqual({textObject, depth})
    }
    expect(openedIn).toEqual([])
    expect(marked).toMatch(/\/Artifact <<\/Type \/Layout>> BDC\n\/F1 14 Tf\n1 0 0 -1 83 160 Tm\n<0042> Tj\n\/Span<<\/ActualText <feff> >> BDC\n3 0 Td <0001> Tj\nEMC\nEMC\nET/)
  })

  it('reads a stream with literal strings operator by operator, with the same marks', () => {
    // A literal string (here in a comment) turns off the quick reading of text objects.
    const slow = markArtifacts(`${page}\n% (a comment)`, 841.92)
    expect(marks(slow)).toEqual(marks(markArtifacts(page, 841.92)))
  })

  it('leaves a stream with nothing to mark as it is, so a second pass changes nothing', () => {
    const marked = markArtifacts(page, 841.92)
    expect(markArtifacts(marked, 841.92)).toBe(marked)
    const tagged = '/P <</MCID 0>> BDC BT (x) Tj ET EMC'
    expect(markArtifacts(tagged, 841.92)).toBe(tagged)
  })
})
