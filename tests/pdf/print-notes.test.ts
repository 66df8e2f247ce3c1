import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {printNotes} from '../../src/pdf/print-notes.js'

/** Notes as the HTML stage writes them (src/html/to-html.ts), a note referenced twice. */
const notes =
  '<p>Text<sup><a href="#fn-a" id="fnref-a" data-footnote-ref aria-describedby="footnote-label">1</a></sup> and again<sup><a href="#fn-a" id="fnref-a-2" data-footnote-ref aria-describedby="footnote-label">1</a></sup>.</p>' +
  '<section data-footnotes class="footnotes"><h2 class="footnotes-title" id="footnote-label">Notes</h2><ol><li id="fn-a"><p>A note. ' +
  '<a href="#fnref-a" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↑</a> ' +
  '<a href="#fnref-a-2" data-footnote-backref="" aria-label="Back to reference 1-2" class="data-footnote-backref">↑<sup>2</sup></a></p></li></ol></section>'

describe('printNotes', () => {
  it('empties the back-links, keeping where they lead and their names, and leaves the rest as it was', () => {
    const tree = fromHtml(notes, {fragment: true})
    printNotes(tree)
    const html = toHtml(tree)
    expect(html).not.toContain('↑')
    expect(html).toContain('<a href="#fnref-a" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref"></a>')
    // Nothing else changes: the references, the notes' list, the back-links' addresses and names.
    expect(html).toBe(toHtml(fromHtml(notes.replace(/>↑(?:<sup>2<\/sup>)?<\/a>/g, '></a>'), {fragment: true})))
  })
})
