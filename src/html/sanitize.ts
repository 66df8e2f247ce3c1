/**
 * What HTML survives from Markdown and raw HTML: GitHub's rules
 * (hast-util-sanitize's default schema), plus figures and our section
 * classes, minus the things we never want even as text (style sheets,
 * scripts, frames, `srcset`). Only `http`, `https` and `mailto` links; images only from
 * `http(s)` or relative paths; no `data:`, `javascript:` or `vbscript:`.
 *
 * Ids are not prefixed (`clobberPrefix: ''`): DOM clobbering needs script,
 * and pages carry none, while stable, readable ids are what links rely on.
 */
import {defaultSchema, type Schema} from 'hast-util-sanitize'

const defaultAttributes = defaultSchema.attributes ?? {}

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  // `picture`/`source` would let `srcset` load images past the protocol check.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'picture' && name !== 'source'), 'figure', 'figcaption', 'section', 'mark', 'abbr', 'small', 'cite', 'time'],
  attributes: {
    ...defaultAttributes,
    // Translation state marks and the language of passages shown in the original.
    '*': [...(defaultAttributes['*'] ?? []), 'dataTranslation', 'lang'],
    section: ['dataFootnotes', 'ariaLabelledBy', ['className', 'footnotes', 'chapter', /^chapter-\d+$/]],
    h2: ['id', ['className', 'sr-only', 'footnotes-title']],
    time: ['dateTime'],
    abbr: ['title']
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
    src: ['http', 'https']
  },
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'frame',
    'frameset',
    'noframes',
    'object',
    'embed',
    'applet',
    'textarea',
    'select',
    'title',
    'xmp',
    'noembed',
    'plaintext',
    'math',
    'svg'
  ]
}
