/**
 * Task-list items show their state as text, not as a form control.
 *
 * GFM renders `- [x] Book a room` as a disabled checkbox. A control that can
 * never be used has no label (axe's `label` rule, WCAG 2 A), is announced
 * as "checkbox, checked, unavailable" before the words it belongs to, greys
 * out to a contrast below AA, and becomes an empty form field in the tagged
 * PDF. A state word does none of that: "Done: Book a room" is what a screen
 * reader reads, what a copy holds and what the PDF's text says, in the
 * page's language. The box people expect to see is drawn by the stylesheet
 * around that word (`.task-state`), which is hidden but read.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'

export interface TaskStateOptions {
  /** The word for a done item, e.g. "Done". */
  done: string
  /** The word for an open item, e.g. "Not done". */
  open: string
}

export function rehypeTaskStates(options: TaskStateOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      // Sanitizing leaves checkboxes (`disabled`, `checked`) as the only inputs a page can have.
      if (node.tagName !== 'input' || node.properties.type !== 'checkbox' || !parent || index === undefined) return
      const done = Boolean(node.properties.checked)
      const state: Element = {
        type: 'element',
        tagName: 'span',
        properties: {className: ['task-state', done ? 'task-done' : 'task-open']},
        children: [{type: 'element', tagName: 'span', properties: {className: ['sr-only']}, children: [{type: 'text', value: `${done ? options.done : options.open}: `}]}]
      }
      parent.children.splice(index, 1, state)
    })
  }
}
