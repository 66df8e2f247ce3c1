/**
 * Where the Chromium to drive is: `PUPPETEER_EXECUTABLE_PATH`, or the usual
 * system paths. Puppeteer's own download is not used (it cannot reach the
 * network here, and a system browser gets security updates from the OS).
 *
 * Chromium's headless shell comes first when it is installed (Debian:
 * `chromium-headless-shell`): the same Blink and the same PDFs, without the
 * browser's windows and services, so it starts in half the time and prints
 * with less CPU. The full browser works too.
 */
import fs from 'node:fs'
import path from 'node:path'

export const chromiumCandidates = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
]

export class BrowserNotFoundError extends Error {}

/**
 * The browser to drive. `headlessShell: false` skips the headless shell, for a browser that must behave as
 * a reader's does (the site's own tests).
 */
export function findChromium(env: Record<string, string | undefined> = process.env, {headlessShell = true} = {}): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv
    throw new BrowserNotFoundError(
      `Cannot find Chromium at \`${fromEnv}\` (from PUPPETEER_EXECUTABLE_PATH): fix the path or unset the variable`
    )
  }
  const found = chromiumCandidates.find((candidate) => (headlessShell || headlessMode(candidate) !== 'shell') && fs.existsSync(candidate))
  if (found) return found
  throw new BrowserNotFoundError(
    'Cannot find Chromium: install it (Debian/Ubuntu: `apt-get install -y chromium`) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary'
  )
}

/** Puppeteer's `headless` for `executablePath`: the headless shell runs as one; a full browser in its new headless mode. */
export function headlessMode(executablePath: string): 'shell' | true {
  return /headless[-_]shell/.test(path.basename(executablePath)) ? 'shell' : true
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
  // Unhinted glyph positions, as the new headless mode has by default: the headless shell otherwise hints
  // its fonts, which changes every line's glyph positions. With it, both print the same bytes.
  '--font-render-hinting=none',
  // New headless Chromium runs the browser's own omnibox popup as a web page (a renderer of its own) and
  // keeps it busy while printing: about a tenth of the browser's CPU in a build, for a window nobody sees.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
]
