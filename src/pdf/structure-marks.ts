/**
 * Marks in the print page for the structure types Chromium cannot write
 * (see structure-types.ts): an element's language with a private-use
 * subtag, `lv-x-pdf-note`. The language stays the element's own (a
 * private-use subtag changes nothing in how Chromium sets the text), and
 * after printing it is set back to `lv`.
 *
 * The notes of a document (GFM footnotes: `section[data-footnotes] > ol >
 * li`) become Notes in a Div, each reference to one (`sup` around
 * `a[data-footnote-ref]`) a Reference. The table of contents is marked in
 * the print template (`templates/pdf.html`): its lists `toc`, its items
 * `toci`.
 */
import type {Element, ElementContent, Root} from 'hast'

/** What every mark holds. */
export const structureMark = '-x-pdf-'

const types: Record<string, string> = {toc: 'TOC', toci: 'TOCI', note: 'Note', ref: 'Reference', div: 'Div'}

/** The structure type a marked language asks for, if any. */
export function markedType(lang: string): string | undefined {
  const at = lang.indexOf(structureMark)
  return at < 0 ? undefined : types[lang.slice(at + structureMark.length)]
}

/** A language without its mark. */
export function plainLanguage(lang: string): string {
  const at = lang.indexOf(structureMark)
  return at < 0 ? lang : lang.slice(0, at)
}

function mark(node: Element, lang: string, type: keyof typeof types): void {
  node.properties.lang = `${plainLanguage(typeof node.properties.lang === 'string' ? node.properties.lang : lang)}${structureMark}${type}`
}

const isElement = (node: ElementContent): node is Element => node.type === 'element'

/** Mark the notes and note references of a print page's body, whose language is `lang`. */
export function markNotes(tree: Root, lang: string): void {
  const walk = (nodes: Array<Root['children'][number]>, inherited: string): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      const own = typeof node.properties.lang === 'string' ? node.properties.lang : inherited
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
        for (const list of node.children.filter(isElement).filter((child) => child.tagName === 'ol')) {
          mark(list, own, 'div')
          for (const item of list.children.filter(isElement).filter((child) => child.tagName === 'li')) mark(item, own, 'note')
        }
      } else if (node.tagName === 'sup' && node.children.some((child) => isElement(child) && child.tagName === 'a' && child.properties.dataFootnoteRef !== undefined)) {
        mark(node, own, 'ref')
      }
      walk(node.children, own)
    }
  }
  walk(tree.children, lang)
}
