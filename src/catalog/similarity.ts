/** Word-level similarity of two texts, ignoring Markdown syntax, case and punctuation. */

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function counts(list: string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const word of list) map.set(word, (map.get(word) ?? 0) + 1)
  return map
}

function common(a: string[], b: string[]): number {
  const left = counts(a)
  let shared = 0
  for (const word of b) {
    const count = left.get(word) ?? 0
    if (count > 0) {
      shared++
      left.set(word, count - 1)
    }
  }
  return shared
}

/** Dice coefficient over word multisets: 1 for the same words, 0 for none in common. */
export function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  return (2 * common(a, b)) / (a.length + b.length)
}

/** Share of the words of `part` that are found in `whole`. */
export function containment(part: string[], whole: string[]): number {
  return part.length === 0 ? 0 : common(part, whole) / part.length
}
