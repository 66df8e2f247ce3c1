/** Chromium spawned before puppeteer loads: puppeteer's own command line, a working pipe, and no browser left behind. */
import {spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import puppeteer from 'puppeteer-core'
import {describe, expect, it} from 'vitest'
import {chromiumArgs, findChromium, headlessMode} from '../../src/browser/find-chromium.js'
import {launchArgs, spawnBrowser} from '../../src/browser/launch.js'

const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(condition: () => boolean, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('launchArgs', () => {
  it.each(['shell', true] as const)('is the command line puppeteer’s launcher gives Chromium (headless: %s)', (headless) => {
    const options = {headless, userDataDir: '/tmp/profile', args: [...chromiumArgs]}
    expect(launchArgs({executablePath: '/usr/bin/chromium', ...options})).toEqual([...puppeteer.defaultArgs(options), '--remote-debugging-pipe'])
  })
})

describe('spawnBrowser', () => {
  it('hands puppeteer a browser that prints, and kills its whole process group', async () => {
    const executablePath = findChromium()
    const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-launch-'))
    const spawned = spawnBrowser({executablePath, headless: headlessMode(executablePath), args: chromiumArgs, userDataDir})
    try {
      const browser = await Promise.race([puppeteer.connect({transport: spawned.transport}), spawned.failed])
      const page = await browser.newPage()
      await page.setContent('<p>Pašvaldības</p>')
      const pdf = await page.pdf()
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
      expect(groupAlive(spawned.process.pid!)).toBe(true)
    } finally {
      spawned.kill()
    }
    await waitFor(() => !groupAlive(spawned.process.pid!))
    await fs.rm(userDataDir, {recursive: true, force: true, maxRetries: 10, retryDelay: 20})
  })

  it('says so, with what the browser wrote, when it exits before puppeteer connects', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-press-launch-'))
    const broken = path.join(root, 'chrome')
    await fs.writeFile(broken, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n', {mode: 0o755})
    const spawned = spawnBrowser({executablePath: broken, headless: true, args: [], userDataDir: root})
    await expect(spawned.failed).rejects.toThrow(/exited \(code 3\) before puppeteer could connect:\ncannot open display/)
    await fs.rm(root, {recursive: true, force: true})
  })

  it('takes the browser down with Node when Node is interrupted (exit 130)', async () => {
    const script = [
      `import {spawnBrowser} from ${JSON.stringify(path.resolve('src/browser/launch.ts'))}`,
      `import {chromiumArgs, findChromium, headlessMode} from ${JSON.stringify(path.resolve('src/browser/find-chromium.ts'))}`,
      'const executablePath = findChromium()',
      `const spawned = spawnBrowser({executablePath, headless: headlessMode(executablePath), args: chromiumArgs, userDataDir: ${JSON.stringify(os.tmpdir())} + '/policy-press-launch-sigint'})`,
      'process.stdout.write(String(spawned.process.pid) + "\\n")',
      'setInterval(() => {}, 1000)'
    ].join('\n')
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']})
    const pid = await new Promise<number>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))))
    await waitFor(() => groupAlive(pid))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    await waitFor(() => !groupAlive(pid))
    await fs.rm(path.join(os.tmpdir(), 'policy-press-launch-sigint'), {recursive: true, force: true, maxRetries: 10, retryDelay: 20})
  })
})
