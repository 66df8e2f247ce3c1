/** Bounded concurrency: results in order, never more than the limit running at once. */
import {describe, expect, it} from 'vitest'
import {mapLimit} from '../src/map-limit.js'

describe('mapLimit', () => {
  it('keeps the order of the items and runs at most `limit` at once', async () => {
    let running = 0
    let most = 0
    const items = Array.from({length: 200}, (_, index) => index)
    const results = await mapLimit(items, 7, async (item) => {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5))
      running--
      return item * 2
    })
    expect(results).toEqual(items.map((item) => item * 2))
    expect(most).toBe(7)
  })

  it('rejects with the first failure', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (item) => (item === 2 ? Promise.reject(new Error('two')) : item))).rejects.toThrow('two')
  })

  it('takes no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([])
  })
})
