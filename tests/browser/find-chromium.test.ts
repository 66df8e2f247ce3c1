/** Finding the browser, and saying how to fix it when there is none. */
import {describe, expect, it} from 'vitest'
import {BrowserNotFoundError, findChromium, headlessMode} from '../../src/browser/find-chromium.js'
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

  it('skips the headless shell for a browser that must behave as a reader\'s', () => {
    expect(headlessMode(findChromium({}, {headlessShell: false}))).toBe(true)
  })

  it('drives the headless shell as one, any other browser in its new headless mode', () => {
    expect(headlessMode('/usr/bin/chromium-headless-shell')).toBe('shell')
    expect(headlessMode('/opt/chrome-headless-shell-linux64/chrome-headless-shell')).toBe('shell')
    expect(headlessMode('/usr/bin/chromium')).toBe(true)
    expect(headlessMode('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toBe(true)
  })
})
