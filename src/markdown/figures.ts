/**
 * Figures: an image that stands alone in its paragraph and has a title,
 * `![Alt text](chart.svg "Caption")`, becomes `<figure>` with the title as
 * `<figcaption>`. The alt text stays the image's text alternative; the title
 * is the visible caption (so neither is read twice by a screen reader).
 */
import type {Image, Paragraph, Root, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'

export function figures() {
  return (tree: Root): void => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return
      const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      const image = content[0]
      if (content.length !== 1 || image?.type !== 'image' || !(image as Image).title) return
      const caption = (image as Image).title!
      ;(image as Image).title = null
      const figure = {
        type: 'figure',
        // Keeps the paragraph's marks (such as a stale translation of the caption).
        data: {...node.data, hName: 'figure'},
        position: node.position,
        children: [image, {type: 'figcaption', data: {hName: 'figcaption'}, children: [{type: 'text', value: caption}]}]
      }
      parent.children[index] = figure as unknown as RootContent
    })
  }
}
