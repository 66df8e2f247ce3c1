/**
 * Page templates: logic-less Mustache files in `templates/`, looked up in the
 * project's own `templates/` first, then in the ones policy-press ships.
 * Mustache escapes every value unless a template asks for raw HTML with
 * `{{{…}}}`, and cannot run code, so a project's templates are safe to use.
 */
import fs from 'node:fs'
import path from 'node:path'
import Mustache from 'mustache'
import {BoundaryError, readProjectFileSync} from '../boundary.js'
import {ProjectError} from '../project.js'

const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escape what HTML needs escaped in text and quoted attributes, and no more (Mustache's default also escapes `/` and `=`). */
function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => entities[character]!)
}

export interface Templates {
  render(name: string, view: object): string
  /** Path of a template file (e.g. a stylesheet), the project's first. */
  find(name: string): string
}

/** Templates from `dirs`; those inside the project at `root` must stay inside it (see boundary.ts). */
export function loadTemplates(dirs: string[], root?: string): Templates {
  const cache = new Map<string, string>()
  const find = (name: string): string => {
    for (const dir of dirs) {
      const candidate = path.join(dir, name)
      if (fs.existsSync(candidate)) return candidate
    }
    throw new Error(`Cannot find template \`${name}\` in ${dirs.map((dir) => `\`${dir}\``).join(', ')}`)
  }
  const load = (name: string): string => {
    let text = cache.get(name)
    if (text === undefined) {
      const file = find(name)
      try {
        text = root === undefined ? fs.readFileSync(file, 'utf8') : readProjectFileSync(root, file)
      } catch (error) {
        // A usage error, not a crash: the project's template links out of it, or is too large.
        if (error instanceof BoundaryError) throw new ProjectError(`Cannot use template \`${name}\`: ${error.message}`)
        throw error
      }
      cache.set(name, text)
    }
    return text
  }
  return {
    find,
    render(name, view) {
      // Partials are loaded on first use: `{{> toc}}` reads `partials/toc.html`.
      return Mustache.render(load(name), view, (partial) => load(path.join('partials', `${partial}.html`)), {escape: escapeHtml})
    }
  }
}
