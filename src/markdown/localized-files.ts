/**
 * Files per language: a page in a language links `images/cycle.lv.png`
 * instead of `images/cycle.png` when that file exists, and `report.lv.pdf`
 * instead of `report.pdf`. The name is the original's with the language tag
 * before the last extension, so the versions sort next to their original.
 */
import path from 'node:path'

/** `documents/images/cycle.png` in `lv` → `documents/images/cycle.lv.png` (POSIX paths). */
export function localizedFile(file: string, lang: string): string {
  const extension = path.posix.extname(file)
  return `${file.slice(0, file.length - extension.length)}.${lang}${extension}`
}
