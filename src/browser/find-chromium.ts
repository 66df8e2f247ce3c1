/**
 * Where the Chromium to drive is: `PUPPETEER_EXECUTABLE_PATH`, or the usual
 * system paths. Puppeteer's own download is not used (it cannot reach the
 * network here, and a system browser gets security updates from the OS).
 */
import fs from 'node:fs'

export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
]

export class BrowserNotFoundError extends Error {}

export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv
    throw new BrowserNotFoundError(
      `Cannot find Chromium at \`${fromEnv}\` (from PUPPETEER_EXECUTABLE_PATH): fix the path or unset the variable`
    )
  }
  const found = chromiumCandidates.find((candidate) => fs.existsSync(candidate))
  if (found) return found
  throw new BrowserNotFoundError(
    'Cannot find Chromium: install it (Debian/Ubuntu: `apt-get install -y chromium`) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary'
  )
}

/** Flags for a headless browser that must not reach the network on its own. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // New headless Chromium runs the browser's own omnibox popup as a web page (a renderer of its own) and
  // keeps it busy while printing: about a tenth of the browser's CPU in a build, for a window nobody sees.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
]
