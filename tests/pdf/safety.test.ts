/**
 * Printing untrusted Markdown never reaches the network or local files: a
 * listener on 127.0.0.1 must see no request, and no local file's content may
 * appear in the PDF, whatever the document (or a project's own stylesheet)
 * tries. Without a browser the build says how to get one.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeProject, runCli} from '../helpers.js'

const run = promisify(execFile)

describe('printing untrusted content', () => {
  let server: http.Server
  let port: number
  const requests: string[] = []

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('secret-from-server')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('sends no request and reads no file outside the build', async () => {
    const base = `http://127.0.0.1:${port}`
    const attacks = [
      `<img src="${base}/raw-img.png" alt="x">`,
      `![md image](${base}/md-image.png)`,
      `![ipv6 mapped](http://[::ffff:127.0.0.1]:${port}/mapped.png)`,
      `<img src="file:///etc/passwd" alt="file">`,
      `<img src="FILE:///etc/passwd" alt="FILE">`,
      '![relative escape](../../../../../../../../etc/passwd)',
      '[a link to a file](file:///etc/passwd)',
      `<iframe src="${base}/iframe"></iframe>`,
      '<iframe src="file:///etc/passwd"></iframe>',
      `<object data="${base}/object"></object>`,
      '<object data="file:///etc/passwd"></object>',
      `<embed src="${base}/embed">`,
      `<link rel="stylesheet" href="${base}/link.css">`,
      `<style>@import url("${base}/import.css"); body { background: url(${base}/bg.png) }</style>`,
      `<div style="background: url(${base}/inline-style.png)">styled</div>`,
      `<video src="${base}/video.mp4" poster="${base}/poster.png"></video>`,
      `<svg><image href="${base}/svg-image.png"/></svg>`,
      `<a href="${base}/plain-link">a plain link is not fetched</a>`
    ]
    const root = await makeProject({
      'documents/attack.md': `---\ntitle: Attack\n---\n\n## Attempts\n\n${attacks.join('\n\n')}\n`,
      // A project's own print stylesheet is trusted less than it looks: remote loads are blocked too.
      'templates/assets/print.css': `@import url("${base}/template-import.css");\n.pdf { background-image: url("${base}/template-bg.png"); }\n@font-face { font-family: X; src: url("${base}/font.woff2"); }\nbody { font-family: X, serif; }\n`
    })
    const result = await runCli(['build', '--root', root, '--lang', 'en'])
    expect(result.stderr).not.toContain('error')
    const pdf = path.join(root, 'dist/en/attack.pdf')
    await fs.access(pdf)
    expect(requests).toEqual([])
    const text = (await run('pdftotext', [pdf, '-'])).stdout
    expect(text).not.toContain('root:')
    expect(text).not.toContain('secret-from-server')
  })

  it('without a browser, says how to get one and still writes the HTML', async () => {
    const root = await makeProject({'documents/a.md': '---\ntitle: A\n---\n\nText.\n'})
    const {code, stderr} = await runCli(['build', '--root', root], root, {PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium'})
    expect(code).toBe(2)
    expect(stderr).toContain('Cannot find Chromium at `/nonexistent/chromium` (from PUPPETEER_EXECUTABLE_PATH)')
    await fs.access(path.join(root, 'dist/en/a.html'))
    await expect(fs.access(path.join(root, 'dist/en/a.pdf'))).rejects.toThrow()
  })
})

describe('a document that cannot be printed', () => {
  it('fails alone, with a diagnostic; the others are written and the build exits 1', async () => {
    const huge = Array.from({length: 6000}, (_, index) => `| Row ${index} | ${'word '.repeat(12)} |`).join('\n')
    const root = await makeProject({
      'documents/huge.md': `---\ntitle: Huge\n---\n\n| A | B |\n| --- | --- |\n${huge}\n`,
      'documents/small-a.md': '---\ntitle: Small A\n---\n\nText.\n',
      'documents/small-b.md': '---\ntitle: Small B\n---\n\nText.\n'
    })
    const {build, hasFatal} = await import('../../src/pipeline/index.js')
    const result = await build({root, langs: ['en'], pool: 1, pdfTimeout: 1500})
    expect(hasFatal(result.files)).toBe(true)
    const messages = result.files.flatMap((file) => file.messages.map((message) => `${file.path} ${message.ruleId} ${message.reason}`))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^documents\/huge\.md pdf Cannot print the PDF in `en`: .*(timeout|Timed out|exceeded)/i)
    await fs.access(path.join(root, 'dist/en/small-a.pdf'))
    await fs.access(path.join(root, 'dist/en/small-b.pdf'))
    await fs.access(path.join(root, 'dist/en/huge.html'))
    await expect(fs.access(path.join(root, 'dist/en/huge.pdf'))).rejects.toThrow()
  }, 120_000)
})
