/** gettext-parser's port of gettext's line wrapping, which its types (@types/gettext-parser) do not cover. */
declare module 'gettext-parser/lib/shared.js' {
  /** An escaped PO string → its lines (without quotes), broken as GNU gettext breaks them at `maxLen` columns (0: only after `\n`). */
  export function foldLine(value: string, maxLen?: number, options?: {name?: string; obsolete?: boolean}): string[]
}
