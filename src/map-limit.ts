/**
 * `Promise.all(items.map(fn))` with at most `limit` calls running at once,
 * results in the order of `items`. Reading every PO file of 1,000 documents
 * × 24 languages at once opens 24,000 files at once: more than a process may
 * (EMFILE), and no faster than a few dozen at a time.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index]!, index)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  return results
}
