/** Finding the browser, and saying how to fix it when there is none. */
import {describe, expect, it} from 'vitest'
import {BrowserNotFoundError, findChromium} from '../../src/browser/find-chromium.js'
import {makeProject} from '../helpers.js'

describe('findChromium', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH when it exists', async () => {
    const root = await makeProject({'chrome': '#!/bin/sh\n'})
    expect(findChromium({PUPPETEER_EXECUTABLE_PATH: `${root}/chrome`})).toBe(`${root}/chrome`)
  })

  it('names the variable when PUPPETEER_EXECUTABLE_PATH is wrong', () => {
    expect(() => findChromium({PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome'})).toThrow(BrowserNotFoundError)
    expect(() => findChromium({PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome'})).toThrow(/PUPPETEER_EXECUTABLE_PATH/)
  })

  it('finds the system Chromium', () => {
    expect(findChromium({})).toMatch(/chrom/i)
  })
})
