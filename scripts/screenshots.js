#!/usr/bin/env node
// Makes the README's pictures from the project's own build: a page, a PDF
// page and a review page with open work (the samples with one paragraph
// changed and one added, in a scratch copy). Writes docs/*.png.
//   node scripts/screenshots.js   (after npm ci)
import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import puppeteer from 'puppeteer'

const repo = path.resolve(import.meta.dirname, '..')
const bin = path.join(repo, 'bin/policy-press.js')
const {findChromium, chromiumArgs} = await import(path.join(repo, 'lib/browser/find-chromium.js'))
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-shots-'))
for (const name of ['documents', 'translations', 'policy-press.config.yaml']) await fs.cp(path.join(repo, name), path.join(scratch, name), {recursive: true})
const paper = path.join(scratch, 'documents/policy-recommendations.md')
const text = await fs.readFile(paper, 'utf8')
await fs.writeFile(paper, text.replace('Many rural communities', 'Many remote communities').replace('## Context', 'This paragraph was added after the translations were made.\n\n## Context'))
execFileSync(process.execPath, [bin, 'build', '--root', scratch, '--quiet'], {stdio: 'inherit'})

const browser = await puppeteer.launch({executablePath: findChromium(), args: chromiumArgs})
const page = await browser.newPage()
await page.setViewport({width: 1280, height: 900})
await page.goto(pathToFileURL(path.join(scratch, 'dist/de/policy-recommendations.html')).href)
await page.screenshot({path: path.join(repo, 'docs/page.png')})
await page.goto(pathToFileURL(path.join(scratch, 'dist/de/policy-recommendations.review.html')).href)
await page.click('label[for=state-stale]')
await page.screenshot({path: path.join(repo, 'docs/review.png')})
await browser.close()
execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '9', '-l', '9', path.join(scratch, 'dist/lv/empowerment-handbook.pdf'), path.join(repo, 'docs/pdf-page')])
await fs.rm(scratch, {recursive: true, force: true})
console.log('docs/page.png, docs/review.png, docs/pdf-page.png')
