#!/usr/bin/env node
// Chromium alone, as a yardstick: print each HTML file with one browser and one page per core, `page.goto` then
// `page.pdf` with puppeteer's defaults, and nothing else: no contents numbers, metadata, structure fixes or
// hyphenation, and the PDFs are thrown away. bench/build-pdf.js calls `printBare` in its own process; run as a
// command (a list of files in the file named by its argument, one path a line), it is a process of its own that,
// like a shard of a build, pays for starting Node, puppeteer and the browser (bench/shards.js).
//   node bench/bare-print.js LIST
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const repo = path.resolve(import.meta.dirname, '..')

/** Print every file of `pages` with a browser of its own. */
export async function printBare(pages) {
  const {findChromium, chromiumArgs, headlessMode} = await import(path.join(repo, 'lib/browser/find-chromium.js'))
  const {default: puppeteer} = await import('puppeteer')
  const executablePath = findChromium()
  const browser = await puppeteer.launch({executablePath, headless: headlessMode(executablePath), args: chromiumArgs, pipe: true})
  const queue = [...pages]
  await Promise.all(
    Array.from({length: Math.min(os.availableParallelism(), pages.length)}, async () => {
      const page = await browser.newPage()
      for (let file = queue.shift(); file; file = queue.shift()) {
        await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
        await page.pdf({format: 'A4', printBackground: true})
      }
    })
  )
  await browser.close()
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await printBare((await fs.readFile(process.argv[2], 'utf8')).split('\n').filter(Boolean))
}
