#!/usr/bin/env node
// Chromium alone, as a yardstick: print each HTML file given (a list in the file named by the first argument,
// one path a line) with one browser and one page per core, `page.goto` then `page.pdf` with puppeteer's
// defaults, and nothing else: no contents numbers, metadata, structure fixes or hyphenation, and the PDFs are
// thrown away. A process of its own, so that, like a shard of a build, it pays for starting Node, puppeteer
// and the browser. Used by bench/shards.js.
//   node bench/bare-print.js LIST
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const repo = path.resolve(import.meta.dirname, '..')
const {findChromium, chromiumArgs, headlessMode} = await import(path.join(repo, 'lib/browser/find-chromium.js'))
const {default: puppeteer} = await import('puppeteer')
const pages = (await fs.readFile(process.argv[2], 'utf8')).split('\n').filter(Boolean)
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
